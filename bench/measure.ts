/** Small measuring tools shared by the bench files: timers, percentiles, RSS and loop delay, configs. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../src/config/load-config.js';

/**
 * A bench script next to `moduleUrl`, to start in its own process the way this bench runs:
 * compiled JavaScript with plain node (`npm run bench`), or TypeScript through tsx.
 */
export function siblingScript(moduleUrl: string, name: string): { file: string; execArgv: string[] } {
  const typescript = moduleUrl.endsWith('.ts');
  return {
    file: fileURLToPath(new URL(`./${name}.${typescript ? 'ts' : 'js'}`, moduleUrl)),
    execArgv: typescript ? ['--import', 'tsx'] : [],
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/**
 * CPU seconds the main thread has used (Linux: its /proc task entry, whose id is the pid).
 * Event-loop utilization would count the time the thread waited for a core as busy.
 */
function mainThreadCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after "pid (comm) ".
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Waits until this process (every thread: parser threads, the WAL checkpoint thread, V8's
 * background GC) has used under 5% of a core over a quarter second, for at most `maxMs`.
 * Returns how long it waited.
 */
export async function untilIdle(maxMs = 15_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const before = process.cpuUsage();
    await sleep(250);
    const used = process.cpuUsage(before);
    if ((used.user + used.system) / 1_000 < 12.5 || performance.now() - started > maxMs)
      return performance.now() - started;
  }
}

/**
 * Seconds taken by `work`, with its result, and where the CPU went meanwhile: the main
 * thread's CPU time and the whole process's (every thread: main, parser workers, GC, libuv).
 * Their difference is mostly the parser threads.
 */
export async function timed<T>(
  work: () => Promise<T>,
): Promise<{ seconds: number; result: T; mainCpuSeconds?: number; processCpuSeconds: number }> {
  const started = performance.now();
  const main = mainThreadCpuSeconds();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  const mainAfter = mainThreadCpuSeconds();
  return {
    seconds: (performance.now() - started) / 1_000,
    result,
    ...(main !== undefined && mainAfter !== undefined ? { mainCpuSeconds: mainAfter - main } : {}),
    processCpuSeconds: (used.user + used.system) / 1e6,
  };
}

/**
 * Peak RSS of this process (worker threads included), sampled every 20 ms, with the main
 * isolate's heap at that moment and a peak per phase (`phase(name)` starts the next one).
 * A timer sample only runs when the event loop is free, so `peakMb()` samples once more.
 */
export function rssSampler(everyMs = 20): {
  phase(name: string): void;
  peakMb(): number;
  report(): {
    peakRssMb: number;
    heapUsedMbAtPeak: number;
    externalMbAtPeak: number;
    samples: number;
    peakMbByPhase: Record<string, number>;
  };
  stop(): void;
} {
  const mb = (bytes: number) => round(bytes / 1_048_576);
  let peak = { rss: 0, heapUsed: 0, external: 0 };
  let samples = 0;
  let current = 'start';
  const phases: Record<string, number> = {};
  const take = () => {
    samples++;
    const rss = process.memoryUsage.rss();
    phases[current] = Math.max(phases[current] ?? 0, rss);
    if (rss > peak.rss) {
      const usage = process.memoryUsage();
      peak = { rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external };
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    phase: (name) => {
      take();
      current = name;
    },
    peakMb: () => {
      take();
      return mb(peak.rss);
    },
    report: () => ({
      peakRssMb: mb(peak.rss),
      heapUsedMbAtPeak: mb(peak.heapUsed),
      externalMbAtPeak: mb(peak.external),
      samples,
      peakMbByPhase: Object.fromEntries(Object.entries(phases).map(([name, bytes]) => [name, mb(bytes)])),
    }),
    stop: () => clearInterval(timer),
  };
}

/**
 * Event-loop delay while `work` runs (perf_hooks histogram, 5 ms sampling resolution). Node's
 * readings include the sampling interval (an idle loop reads about 5 ms), so they overstate the
 * delay by that much; they are reported as read.
 */
export async function withLoopDelay<T>(
  work: () => Promise<T>,
): Promise<{ result: T; samplingMs: number; p50Ms: number; p99Ms: number; maxMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  try {
    const result = await work();
    histogram.disable();
    const ms = (ns: number) => round(ns / 1e6, 2);
    return {
      result,
      samplingMs: 5,
      p50Ms: ms(histogram.percentile(50)),
      p99Ms: ms(histogram.percentile(99)),
      maxMs: ms(histogram.max),
    };
  } finally {
    histogram.disable();
  }
}

export interface TempConfig {
  dir: string;
  file: string;
  config: Config;
  remove(): void;
}

/** Writes a banwatch YAML into a fresh temp dir and loads it as the CLI would (no environment). */
export function tempConfig(name: string, lines: (dir: string) => string[]): TempConfig {
  const dir = mkdtempSync(join(tmpdir(), `banwatch-bench-${name}-`));
  const file = join(dir, 'banwatch.yaml');
  writeFileSync(file, `${lines(dir).join('\n')}\n`);
  return {
    dir,
    file,
    config: loadConfig({ file, env: {} }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Waits until `check` holds, polling every `everyMs`; false when `timeoutMs` passed first. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 20,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(everyMs);
  }
}

/** A pino-shaped logger that drops everything, for apps the bench drives. */
export { silentLogger } from '../src/shared/logger.js';
