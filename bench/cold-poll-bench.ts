/**
 * The cold figures of issue 24, as a cron user runs banwatch: `node bin/banwatch.js poll --once`
 * (no Node flags, the default log level, SQLite), a fresh process each time, over 2,000 feeds
 * on a feed host process.
 *
 * - coldPoll: a changed poll (every feed has 5 new items and a new ETag) against rss-parser's bare
 *   parseString over the same bodies in one thread (a child process, as in the warm figure);
 * - coldUnchanged: the same command when every feed answers 304, as a share of the changed one,
 *   beside its floor: a fresh process that only makes the same conditional GETs
 *   (conditional-get-floor.ts), timed the same way. On this 2-core VM that floor alone is about
 *   a tenth of the changed poll, so the gap above it is what banwatch's own work costs.
 *
 * "Process start-up excluded": start-up is everything before the command's first feed request
 * (Node's own start, loading banwatch's modules, reading and validating the configuration,
 * opening the store), timed from the spawn to the first request the feed host sees (both on
 * this machine's clock). The polls are timed from that request to the process's exit, so
 * starting the parser thread, every fetch, parse, classification, store write and delivery,
 * and closing the store all count. The whole command, start-up included, is printed beside it.
 * Each figure is the median of ROUNDS rounds, each changed poll next to its own baseline.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/shared/package-root.js';
import { startWebhookServer } from '../tests/fakes/webhook-server.js';
import { feedPath } from './bench-feeds.js';
import { startFeedHost } from './feed-host-client.js';
import { percentile, round, tempConfig } from './measure.js';
import { conditionalGetFloorArgs } from './conditional-get-floor.js';
import { parseBaselineInChild } from './parse-baseline.js';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 3);
const CHANGED_TARGET = 2;
const UNCHANGED_TARGET = 0.1;
const RSS_TARGET_MB = 250;
const BIN = resolve(packageRoot(import.meta.url), 'bin', 'banwatch.js');

interface Run {
  seconds: number;
  /** Date.now() at the spawn: the feed host's request times are on the same clock. */
  spawnedAt: number;
  peakRssMb: number;
  /**
   * [Date.now(), CPU seconds so far] every 10 ms, all the command's threads: the last is its CPU
   * as last read before it exited, and the one at its first feed request splits off start-up.
   */
  cpuReadings: Array<[number, number]>;
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

/**
 * utime + stime of a running process in seconds (fields 14 and 15 of /proc/PID/stat, in the
 * kernel's USER_HZ of 100 per second), read from the outside so the measured command loads
 * nothing more.
 */
function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** The command's CPU seconds as last read before it exited. */
const commandCpu = (run: Run): number => run.cpuReadings.at(-1)?.[1] ?? 0;

/** Runs `node ...args` to its exit: wall seconds, peak RSS (VmHWM) and CPU, read every 10 ms. */
function runNode(args: string[], logDir: string): Promise<Run> {
  return new Promise((done, fail) => {
    // Output goes to a file, as cron sends it to a log: a pipe the bench reads on a busy machine
    // would block the command's writes for as long as the bench is not scheduled.
    const log = join(logDir, 'poll.log');
    const fd = openSync(log, 'w');
    const started = performance.now();
    const spawnedAt = Date.now();
    const child = spawn(process.execPath, args, {
      cwd: packageRoot(import.meta.url),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    let peak = 0;
    const cpuReadings: Array<[number, number]> = [];
    const timer = setInterval(() => {
      peak = Math.max(peak, (child.pid && hwmMb(child.pid)) || 0);
      const cpu = child.pid && cpuSecondsOf(child.pid);
      if (cpu) cpuReadings.push([Date.now(), cpu]);
    }, 10);
    child.once('error', fail);
    child.once('exit', (exitCode) => {
      const seconds = (performance.now() - started) / 1_000;
      clearInterval(timer);
      done({
        seconds,
        spawnedAt,
        peakRssMb: round(peak),
        cpuReadings,
        exitCode,
        stderrTail: readFileSync(log, 'utf8').slice(-2_000),
      });
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
  const prof = process.env.BENCH_COLD_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_COLD_PROF}`] : [];
  const exitsCleanly = async (args: string[], what: string) => {
    const run = await runNode(args, temp.dir);
    if (run.exitCode !== 0) throw new Error(`${what} exited ${run.exitCode}: ${run.stderrTail.slice(-400)}`);
    return run;
  };
  const poll = () => exitsCleanly([...prof, BIN, 'poll', '--once', '--config', temp.file], 'poll --once');
  try {
    await host.publish(FEEDS, 1);
    await poll(); // the first poll records what the feeds hold: set-up, as a new user's first run
    interface Timed {
      run: Run;
      /** Spawn to the first feed request. */
      startup: number;
      /** The first feed request to the exit. */
      polls: number;
      /** CPU the feed host spent answering this command. */
      hostCpuSeconds: number;
      /** The command's CPU from its first feed request to its exit. */
      pollCpuSeconds: number;
    }
    /** Runs the command; the host's counts were reset just before, so its first request is this run's. */
    const timedPoll = async (expectFull: number, command = poll): Promise<Timed> => {
      const run = await command();
      const stats = await host.stats();
      if (stats.full !== expectFull) throw new Error(`expected ${expectFull} full answers, the host saw ${stats.full}`);
      if (stats.firstAt === undefined) throw new Error('the poll made no feed request');
      const startup = (stats.firstAt - run.spawnedAt) / 1_000;
      const { firstAt } = stats;
      const atFirstRequest = run.cpuReadings.findLast(([at]) => at <= firstAt)?.[1] ?? 0;
      return {
        run,
        startup,
        polls: run.seconds - startup,
        hostCpuSeconds: stats.cpuSeconds,
        pollCpuSeconds: commandCpu(run) - atFirstRequest,
      };
    };
    const rounds: Array<{ changed: Timed; unchanged: Timed; floor: Timed; bare: number }> = [];
    for (let r = 0; r < ROUNDS; r++) {
      const version = 2 + r;
      await host.publish(FEEDS, version);
      const changed = await timedPoll(FEEDS);
      await host.publish(FEEDS, version); // the same bodies and ETags: the counts start again
      const unchanged = await timedPoll(0);
      await host.publish(FEEDS, version);
      const floor = await timedPoll(0, () =>
        exitsCleanly(conditionalGetFloorArgs(host.origin, FEEDS, version), 'the conditional GET floor'),
      );
      const bare = (await parseBaselineInChild(host.origin, FEEDS)).seconds;
      rounds.push({ changed, unchanged, floor, bare });
    }
    const ratios = rounds.map((r) => r.changed.polls / r.bare);
    const wholeRatios = rounds.map((r) => r.changed.run.seconds / r.bare);
    const shares = rounds.map((r) => r.unchanged.polls / r.changed.polls);
    const ratio = median(ratios);
    const share = median(shares);
    const peak = Math.max(...rounds.map((r) => Math.max(r.changed.run.peakRssMb, r.unchanged.run.peakRssMb)));
    return [
      {
        figure: 'coldPoll',
        feeds: FEEDS,
        rounds: ROUNDS,
        startupSecondsByRound: rounds.map((r) => round(r.changed.startup, 2)),
        changedSecondsByRound: rounds.map((r) => round(r.changed.polls, 2)),
        bareParseSecondsByRound: rounds.map((r) => round(r.bare, 2)),
        ratioByRound: ratios.map((x) => round(x, 2)),
        ratio: round(ratio, 2),
        wholeCommandRatio: round(median(wholeRatios), 2),
        // How much of the machine the changed polls (start-up excluded) and the feed host kept
        // busy: near the core count, a faster poll needs less CPU, not more parallel work.
        pollCpuSecondsByRound: rounds.map((r) => round(r.changed.pollCpuSeconds, 2)),
        commandCpuSecondsByRound: rounds.map((r) => round(commandCpu(r.changed.run), 2)),
        feedHostCpuSecondsByRound: rounds.map((r) => round(r.changed.hostCpuSeconds, 2)),
        coresBusyByRound: rounds.map((r) =>
          round((r.changed.pollCpuSeconds + r.changed.hostCpuSeconds) / r.changed.polls, 2),
        ),
        cores: availableParallelism(),
        peakRssMb: peak,
        target: `median ratio <= ${CHANGED_TARGET} (start-up excluded), peak RSS <= ${RSS_TARGET_MB} MB`,
        ok: ratio <= CHANGED_TARGET && peak <= RSS_TARGET_MB,
      },
      {
        figure: 'coldUnchanged',
        startupSecondsByRound: rounds.map((r) => round(r.unchanged.startup, 2)),
        unchangedSecondsByRound: rounds.map((r) => round(r.unchanged.polls, 3)),
        shareByRound: shares.map((x) => round(x, 3)),
        share: round(share, 3),
        wholeCommandShare: round(median(rounds.map((r) => r.unchanged.run.seconds / r.changed.run.seconds)), 3),
        floorSecondsByRound: rounds.map((r) => round(r.floor.polls, 3)),
        floorShare: round(median(rounds.map((r) => r.floor.polls / r.changed.polls)), 3),
        target: `median share <= ${UNCHANGED_TARGET} (start-up excluded)`,
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
