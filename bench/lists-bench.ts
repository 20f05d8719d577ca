/**
 * The list figures of issue 17, measured in a child process (bench/lists-bench-child.ts) started
 * with the bot's own Node flags, so the peak memory is that of a list poll and not of the benches
 * that ran before it in this process.
 */
import { execFile } from 'node:child_process';
import { NODE_FLAGS } from '../src/shared/node-flags.js';
import { siblingScript } from './measure.js';

/** A poll of a 100 MB list must not need more than this (the bot's whole budget is 300 MB). */
const PEAK_TARGET_MB = 600;
const UNCHANGED_TARGET_MS = 1_000;

export async function benchLists(): Promise<Record<string, unknown>> {
  const child = siblingScript(import.meta.url, 'lists-bench-child');
  const output = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [...NODE_FLAGS, ...child.execArgv, child.file],
      { maxBuffer: 1_048_576, timeout: 600_000 },
      (error: Error | null, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
  const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  return {
    figure: 'lists',
    ...result,
    target: `peak RSS < ${PEAK_TARGET_MB} MB for the ${String(result.fileMb)} MB SDN.XML; unchanged (304) poll < ${UNCHANGED_TARGET_MS} ms`,
    ok:
      Number(result.peakRssMb) < PEAK_TARGET_MB &&
      Number(result.unchangedPollMs) < UNCHANGED_TARGET_MS &&
      result.unchangedNotModified === true &&
      result.unchangedByHashNotModified === true,
  };
}
