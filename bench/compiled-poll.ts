import { readFileSync } from 'node:fs';
import { startBanwatch } from '../scripts/faults/banwatch-process.js';
import { round } from './measure.js';

/** The kernel's high-water mark of a process's RSS (Linux), in MB; undefined once it is gone. */
function peakRssMb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? round(Number(match[1]) / 1_024) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One `banwatch poll --once` of the compiled command (plain node, no tsx, the same pollAll and
 * worker-thread parsing as the bench's in-process app): its peak RSS, read from
 * /proc/PID/status every 20 ms, shows what the bench process's own tooling adds to the figure.
 */
export async function compiledPollOnce(
  configFile: string,
): Promise<{ peakRssMb?: number; seconds: number; exitCode: number | null }> {
  const started = performance.now();
  const child = startBanwatch(['poll', '--once', '--config', configFile]);
  const pid = child.child.pid;
  let peak: number | undefined;
  const timer = setInterval(() => {
    const now = pid === undefined ? undefined : peakRssMb(pid);
    if (now !== undefined) peak = Math.max(peak ?? 0, now);
  }, 20);
  try {
    const exitCode = await child.exited;
    return {
      ...(peak !== undefined ? { peakRssMb: peak } : {}),
      seconds: round((performance.now() - started) / 1_000, 2),
      exitCode,
    };
  } finally {
    clearInterval(timer);
  }
}
