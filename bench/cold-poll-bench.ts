/**
 * The cold figures of issue 24, as a cron user runs banwatch: `node bin/banwatch.js poll --once`
 * (no Node flags, the default log level, SQLite), a fresh process each time, over 2,000 feeds
 * on a feed host process.
 *
 * - coldPoll: a changed poll (every feed has 5 new items and a new ETag) against rss-parser's bare
 *   parseString over the same bodies in one thread (a child process, as in the warm figure);
 * - coldUnchanged: the same command when every feed answers 304, as a share of the changed one.
 *
 * "Process start-up excluded": the command's wall time, spawn to exit, less the median wall time
 * of `node -e 0` (Node's own start and exit, measured in the same run). Module loading, config,
 * opening the store and starting the parser thread are the command's and count. Each figure is the
 * median of ROUNDS rounds, each changed poll next to its own baseline.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/shared/package-root.js';
import { startWebhookServer } from '../tests/fakes/webhook-server.js';
import { feedPath } from './bench-feeds.js';
import { startFeedHost } from './feed-host-client.js';
import { percentile, round, tempConfig } from './measure.js';
import { parseBaselineInChild } from './parse-baseline.js';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 3);
const CHANGED_TARGET = 2;
const UNCHANGED_TARGET = 0.1;
const RSS_TARGET_MB = 250;
const BIN = resolve(packageRoot(import.meta.url), 'bin', 'banwatch.js');

interface Run {
  seconds: number;
  peakRssMb: number;
  exitCode: number | null;
  stderrTail: string;
}

function hwmMb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1_024 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `node ...args` to its exit: wall seconds and peak RSS (VmHWM, read every 10 ms). */
function runNode(args: string[], logDir: string): Promise<Run> {
  return new Promise((done, fail) => {
    // Output goes to a file, as cron sends it to a log: a pipe the bench reads on a busy machine
    // would block the command's writes for as long as the bench is not scheduled.
    const log = join(logDir, 'poll.log');
    const fd = openSync(log, 'w');
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: packageRoot(import.meta.url),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    let peak = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, (child.pid && hwmMb(child.pid)) || 0);
    }, 10);
    child.once('error', fail);
    child.once('exit', (exitCode) => {
      const seconds = (performance.now() - started) / 1_000;
      clearInterval(timer);
      done({ seconds, peakRssMb: round(peak), exitCode, stderrTail: readFileSync(log, 'utf8').slice(-2_000) });
    });
  });
}

const median = (values: readonly number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

export async function benchColdPoll(): Promise<Record<string, unknown>[]> {
  const host = await startFeedHost();
  const hooks = await startWebhookServer();
  const temp = tempConfig('cold', (dir) => [
    `store: sqlite://${dir}/state.sqlite`,
    'delivery: {channelGap: 0s}',
    'channels:',
    `  - {id: bench, type: slack-webhook, url: "${hooks.url('/cold')}"}`,
    'sources:',
    ...Array.from(
      { length: FEEDS },
      (_, feed) => `  - {id: f${feed}, type: rss, url: "${host.origin}${feedPath(feed)}", interval: 10m}`,
    ),
  ]);
  const poll = async () => {
    const prof = process.env.BENCH_COLD_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_COLD_PROF}`] : [];
    const run = await runNode([...prof, BIN, 'poll', '--once', '--config', temp.file], temp.dir);
    if (run.exitCode !== 0) throw new Error(`poll --once exited ${run.exitCode}: ${run.stderrTail.slice(-400)}`);
    return run;
  };
  try {
    await host.publish(FEEDS, 1);
    await poll(); // the first poll records what the feeds hold: set-up, as a new user's first run
    const startups: number[] = [];
    const rounds: Array<{ changed: Run; unchanged: Run; bare: number; startup: number }> = [];
    for (let r = 0; r < ROUNDS; r++) {
      await host.publish(FEEDS, 2 + r);
      const starts: number[] = [];
      for (let i = 0; i < 3; i++) starts.push((await runNode(['-e', '0'], temp.dir)).seconds);
      const startup = median(starts);
      startups.push(startup);
      const changed = await poll();
      const unchanged = await poll();
      const full = (await host.stats()).full;
      if (full !== FEEDS) throw new Error(`expected ${FEEDS} full answers in the changed poll, saw ${full}`);
      const bare = (await parseBaselineInChild(host.origin, FEEDS)).seconds;
      rounds.push({ changed, unchanged, bare, startup });
    }
    const own = (run: Run, startup: number) => Math.max(0, run.seconds - startup);
    const ratios = rounds.map((r) => own(r.changed, r.startup) / r.bare);
    const shares = rounds.map((r) => own(r.unchanged, r.startup) / own(r.changed, r.startup));
    const ratio = median(ratios);
    const share = median(shares);
    const peak = Math.max(...rounds.map((r) => Math.max(r.changed.peakRssMb, r.unchanged.peakRssMb)));
    return [
      {
        figure: 'coldPoll',
        feeds: FEEDS,
        rounds: ROUNDS,
        nodeStartupSeconds: round(median(startups), 3),
        changedSecondsByRound: rounds.map((r) => round(own(r.changed, r.startup), 2)),
        bareParseSecondsByRound: rounds.map((r) => round(r.bare, 2)),
        ratioByRound: ratios.map((x) => round(x, 2)),
        ratio: round(ratio, 2),
        peakRssMb: peak,
        target: `median ratio <= ${CHANGED_TARGET}, peak RSS <= ${RSS_TARGET_MB} MB`,
        ok: ratio <= CHANGED_TARGET && peak <= RSS_TARGET_MB,
      },
      {
        figure: 'coldUnchanged',
        unchangedSecondsByRound: rounds.map((r) => round(own(r.unchanged, r.startup), 3)),
        shareByRound: shares.map((x) => round(x, 3)),
        share: round(share, 3),
        target: `median share <= ${UNCHANGED_TARGET}`,
        ok: share <= UNCHANGED_TARGET,
      },
    ];
  } finally {
    await hooks.close();
    await host.close();
    temp.remove();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const figure of await benchColdPoll()) process.stdout.write(`${JSON.stringify(figure)}\n`);
}
