import { setFlagsFromString } from 'node:v8';

/**
 * V8's interrupt budget for a one-shot command (`poll --once` and the other CLI commands): how
 * much a function runs before V8 considers optimizing it (67,584 bytecode-weighted ticks by
 * default). A process that lives seconds re-optimizes everything it runs, and perf over a cold
 * `poll --once` of 2,000 changed feeds found V8's optimizing compiler in a quarter of the
 * process's CPU samples (1.8 of 7.7 CPU seconds). Waiting longer before optimizing leaves
 * the code that runs a few hundred times to the baseline tiers and still optimizes the parser's and
 * classifier's hot loops. Interleaved runs on the bench's two cores: CPU 7.9 → 7.1 s, the
 * changed poll 4.7 → 4.35 s (3 rounds each). A long-running `run` keeps V8's default.
 */
export const ONE_SHOT_INTERRUPT_BUDGET = 1_000_000;

/** Process-wide (worker threads started later share it), so only the launcher calls it, first. */
export function tuneJitForOneShot(): void {
  setFlagsFromString(`--interrupt-budget=${ONE_SHOT_INTERRUPT_BUDGET}`);
}
