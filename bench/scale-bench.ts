/**
 * `npm run bench -- --scale`: the scale run of issue 24. A feed server process with `--feeds`
 * feeds (empty at first, then a steady share publishing one story at a time, the rest answering
 * 304, some slow, some failing), `--channels` webhook channels (each with a source filter over its
 * own feeds, a vendor filter and an `all` watch term), and `--instances` compiled `banwatch run`
 * processes on the local Redis, in compressed time (`--interval` seconds per feed). Phases: the
 * first poll of every feed (the backlog a fleet meets at start), `--minutes` of steady polling,
 * then as long again with one instance killed, then the outbox drained. Prints one JSON line.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startBanwatch, type BanwatchProcess } from '../scripts/faults/banwatch-process.js';
import { createClassifier } from '../src/classify/classifier.js';
import { loadVendorCatalog } from '../src/classify/vendor-catalog.js';
import { packageRoot } from '../src/shared/package-root.js';
import { startWebhookServer } from '../tests/fakes/webhook-server.js';
import { compiledApp } from './compiled-app.js';
import { percentile, round, silentLogger, siblingScript, sleep, tempConfig, until } from './measure.js';
import { benchPrefix, deletePrefix, REDIS_URL } from './redis-keys.js';
import type { ExpectedStory, ScaleHostOptions } from './scale-feed-host.js';
import { redisMemory } from './scale-redis-memory.js';

export interface ScaleOptions {
  feeds: number;
  channels: number;
  instances: number;
  intervalS: number;
  minutes: number;
  /** Share of the feeds that publish a story per interval. */
  changedShare: number;
  /** The second phase kills one instance (not with one instance, nor with --no-kill). */
  kill: boolean;
}

export function scaleOptions(argv: readonly string[]): ScaleOptions {
  const flag = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    const value = at >= 0 ? Number(argv[at + 1]) : fallback;
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} wants a positive number`);
    return value;
  };
  const feeds = flag('feeds', 100_000);
  return {
    feeds,
    channels: flag('channels', Math.max(1, Math.round(feeds / 10))),
    instances: flag('instances', 3),
    intervalS: flag('interval', 300),
    minutes: flag('minutes', 2),
    changedShare: flag('changed', 0.05),
    kill: !argv.includes('--no-kill'),
  };
}

const TEMPLATES = [
  'Commerce Department adds {vendor} to the Entity List',
  'FCC bans new approvals of {vendor} equipment',
  'Pentagon bars contractors from buying {vendor} gear',
];
const VENDORS = ['Hikvision', 'Huawei', 'ZTE', 'Dahua', 'DJI', 'Kaspersky', 'Hytera', 'China Mobile'];

interface HostStats {
  requests: number;
  full: number;
  failed: number;
  published: number;
  gaps: number[];
  overdue: number[];
  neverPolled: number;
  expected: ExpectedStory[];
  cpuSeconds: number;
}

function startHost(): Promise<{ child: ChildProcess; origin: string; call<T>(command: object): Promise<T> }> {
  const script = siblingScript(import.meta.url, 'scale-feed-host');
  const child = fork(script.file, [], { execArgv: script.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, (value: unknown) => void>();
  let next = 1;
  child.on('message', (message: { id: number; value: unknown }) => {
    waiting.get(message.id)?.(message.value);
    waiting.delete(message.id);
  });
  const call = <T>(command: object) =>
    new Promise<T>((resolve) => {
      const id = next++;
      waiting.set(id, (value) => resolve(value as T));
      child.send({ ...command, id });
    });
  return new Promise((resolve) =>
    waiting.set(0, (value) => resolve({ child, origin: (value as { origin: string }).origin, call })),
  );
}

/** CPU seconds (utime + stime) and current RSS (MB) of a process, from /proc. */
function processUsage(pid: number | undefined): { cpu: number; rssMb: number; peakMb: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) / 1_024;
    return { cpu: (Number(stat[11]) + Number(stat[12])) / 100, rssMb: kb('VmRSS'), peakMb: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

const pct = (values: number[], p: number) =>
  round(
    percentile(
      [...values].sort((a, b) => a - b),
      p,
    ) / 1_000,
    1,
  );

/** Ban headlines the classifier reads as relevant with the vendor named, so the expected routing holds. */
function checkedTemplates(): { templates: string[]; vendors: string[] } {
  const classifier = createClassifier(loadVendorCatalog(join(packageRoot(import.meta.url), 'config', 'vendors.yaml')));
  const reads = (title: string, vendor: string) => {
    const c = classifier.classify({ title });
    return c.relevant && c.vendors.some((v) => v.toLowerCase() === vendor.toLowerCase());
  };
  const vendors = VENDORS.filter((vendor) =>
    TEMPLATES.every((t) => reads(`${t.replace('{vendor}', vendor)} (report 1-2)`, vendor)),
  );
  if (vendors.length < 2) throw new Error('scale bench: the classifier no longer reads the bench headlines as bans');
  // The noise headlines must not be relevant, or routing differs from the bench's expectation.
  if (classifier.classify({ title: 'Zq1x opens a new office in Lisbon (report 1-2)' }).relevant)
    throw new Error('scale bench: a noise headline reads as relevant');
  return { templates: TEMPLATES, vendors };
}

export async function benchScale(options: ScaleOptions): Promise<Record<string, unknown>> {
  const started = Date.now();
  const { templates, vendors } = checkedTemplates();
  const feedsPerChannel = Math.max(1, Math.ceil(options.feeds / options.channels));
  const intervalMs = options.intervalS * 1_000;
  const host = await startHost();
  const hooks = await startWebhookServer();
  const prefix = benchPrefix('scale');
  const cacheBefore = new Set(existingCache());
  const temp = tempConfig('scale', () => [
    `store: ${REDIS_URL}?prefix=${prefix}`,
    'delivery: {interval: 1s}',
    'feeds: {parserThreads: 1, allowPrivateNetworks: true}',
    'sources:',
    ...Array.from(
      { length: options.feeds },
      (_, feed) =>
        `  - {id: s${feed}, type: rss, url: "${host.origin}/s/${feed}.xml", interval: ${options.intervalS}s}`,
    ),
    'channels:',
    ...Array.from({ length: options.channels }, (_, channel) => {
      const own = Array.from({ length: feedsPerChannel }, (_, i) => `s${channel * feedsPerChannel + i}`).filter(
        (id) => Number(id.slice(1)) < options.feeds,
      );
      return `  - {id: c${channel}, type: slack-webhook, url: "${hooks.url(`/c${channel}`)}", vendors: [${vendors[channel % vendors.length]}], sources: [${own.join(', ')}]}`;
    }),
  ]);
  const { createApp } = await compiledApp();
  const app = await createApp({
    config: temp.config,
    logger: silentLogger(),
    stdout: { write: () => true } as unknown as NodeJS.WritableStream,
    // Only sets the store up; the measured instances are the child processes.
    oneShot: true,
  });
  const children: BanwatchProcess[] = [];
  try {
    const addedAt = new Date().toISOString();
    for (let channel = 0; channel < options.channels; channel++)
      await app.stores.watch.replace(`c${channel}`, [{ term: `Zq${channel}x`, mode: 'all', addedAt }]);
    const hostOptions: ScaleHostOptions = {
      feeds: options.feeds,
      changesPerSecond: (options.feeds * options.changedShare) / options.intervalS,
      slowEvery: 100,
      slowMs: 3_000,
      failEvery: 100,
      banEvery: 3,
      otherVendorEvery: 4,
      termEvery: 2,
      templates,
      vendors,
      feedsPerChannel,
    };
    await host.call({ cmd: 'start', options: hostOptions });
    const setupSeconds = (Date.now() - started) / 1_000;
    const spawnedAt = Date.now();
    for (let i = 0; i < options.instances; i++) children.push(startBanwatch(['run', '--config', temp.file]));
    const usage = () => children.map((c) => processUsage(c.child.pid));
    // Phase 1: every feed's first poll (they start empty, so nothing is alerted).
    const normalFeeds = options.feeds - Math.floor(options.feeds / 100);
    const warm = await until(
      async () => {
        const stats = await host.call<HostStats>({ cmd: 'stats', intervalMs: 10 * 60_000 });
        return stats.neverPolled === 0;
      },
      20 * 60_000,
      1_000,
    );
    if (!warm) throw new Error(`scale bench: not every feed was polled once; ${children[0]?.output().slice(-300)}`);
    const firstPollSeconds = (Date.now() - spawnedAt) / 1_000;
    await host.call({ cmd: 'publishing', on: true });
    const phase = async (name: string, kill: boolean) => {
      const before = await host.call<HostStats>({ cmd: 'stats', intervalMs });
      const cpuBefore = usage();
      const t0 = Date.now();
      if (kill) {
        children[0]?.child.kill('SIGKILL');
        await children[0]?.exited;
      }
      const peaks: number[] = children.map(() => 0);
      const phaseMs = options.minutes * 60_000;
      while (Date.now() - t0 < phaseMs) {
        await sleep(1_000);
        usage().forEach((u, i) => (peaks[i] = Math.max(peaks[i] ?? 0, u?.rssMb ?? 0)));
      }
      const after = await host.call<HostStats>({ cmd: 'stats', intervalMs: intervalMs + 60_000 });
      const cpuAfter = usage();
      const seconds = (Date.now() - t0) / 1_000;
      const polls = after.requests - before.requests;
      const cpu = cpuAfter.reduce((sum, u, i) => sum + (u && cpuBefore[i] ? u.cpu - cpuBefore[i].cpu : 0), 0);
      const lags = after.gaps.map((gap) => Math.max(0, gap - intervalMs));
      return {
        phase: name,
        seconds: round(seconds),
        instancesAlive: children.filter((c) => c.child.exitCode === null && c.child.signalCode === null).length,
        feedsPolledPerSecond: round(polls / seconds),
        neededPerSecond: round(options.feeds / options.intervalS),
        pollLagP50Seconds: pct(lags, 50),
        pollLagP99Seconds: pct(lags, 99),
        pollLagMaxSeconds: pct(lags, 100),
        // Normal feeds not polled within interval + 60 s at the phase's end (their lag is still growing).
        overdueAtEnd: after.overdue.length,
        cpuSecondsPer1000Polls: round((cpu / polls) * 1_000, 2),
        rssMbByInstance: peaks.map((mb) => round(mb)),
        feedHostCpuSeconds: round(after.cpuSeconds - before.cpuSeconds, 1),
      };
    };
    const steady = await phase(`${options.instances} instances`, false);
    const kill = options.kill && options.instances > 1;
    const killed = await phase(kill ? 'one instance killed' : 'the same instances', kill);
    await host.call({ cmd: 'publishing', on: false });
    // Drain: every story published should reach its channel.
    const final = await host.call<HostStats>({ cmd: 'stats', intervalMs });
    const tag = (body: unknown) => /report (\d+-\d+)/.exec(JSON.stringify(body))?.[1];
    const received = () => {
      const seen = new Map<string, number[]>();
      for (const post of hooks.delivered()) {
        const story = tag(post.body);
        if (story) seen.set(`${post.path}|${story}`, [...(seen.get(`${post.path}|${story}`) ?? []), post.at]);
      }
      return seen;
    };
    const want = final.expected.map((e) => ({ ...e, key: `/c${e.channel}|${e.story}` }));
    const drainStarted = Date.now();
    await until(
      () => {
        const got = received();
        return want.every((e) => got.has(e.key));
      },
      Math.max(60_000, intervalMs + 60_000),
      1_000,
    );
    const drainSeconds = (Date.now() - drainStarted) / 1_000;
    await sleep(2_000);
    const got = received();
    const wanted = new Set(want.map((e) => e.key));
    const lost = want.filter((e) => !got.has(e.key)).length;
    const duplicated = [...got.values()].reduce((sum, times) => sum + times.length - 1, 0);
    const unexpected = [...got.keys()].filter((key) => !wanted.has(key)).length;
    const latencies = want.flatMap((e) => (got.has(e.key) ? [(got.get(e.key)?.[0] ?? 0) - e.publishedAt] : []));
    const memory = await redisMemory(prefix, { feeds: options.feeds });
    const peakRss = children.map((c) => round(processUsage(c.child.pid)?.peakMb ?? Number.NaN));
    const lagOk = steady.pollLagP99Seconds <= 60 && killed.pollLagP99Seconds <= 60;
    return {
      figure: 'scale',
      ...options,
      feedsPerChannel,
      normalFeeds,
      setupSeconds: round(setupSeconds),
      firstPollSeconds: round(firstPollSeconds),
      phases: [steady, killed],
      storiesPublished: final.published,
      alertsExpected: want.length,
      alertsDelivered: want.length - lost,
      lost,
      duplicated,
      unexpected,
      drainSeconds: round(drainSeconds),
      feedToChatP50Seconds: pct(latencies, 50),
      feedToChatP99Seconds: pct(latencies, 99),
      redis: memory,
      peakRssMbByInstance: peakRss,
      seconds: Math.round((Date.now() - started) / 1_000),
      load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
      target: 'poll lag p99 <= 60 s beyond the interval in both phases; nothing lost or duplicated',
      ok: lagOk && lost === 0 && duplicated === 0,
    };
  } finally {
    for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGTERM');
    await Promise.race([Promise.all(children.map((c) => c.exited)), sleep(15_000)]);
    for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
    await app.close();
    await hooks.close();
    await host.call({ cmd: 'close' }).catch(() => undefined);
    temp.remove();
    await deletePrefix(prefix);
    for (const file of existingCache()) if (!cacheBefore.has(file)) rmSync(join(CACHE_DIR, file), { force: true });
  }
}

const CACHE_DIR = join(packageRoot(import.meta.url), 'dist', '.yaml-cache');
function existingCache(): string[] {
  try {
    return readdirSync(CACHE_DIR);
  } catch {
    return [];
  }
}
