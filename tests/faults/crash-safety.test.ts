import { describe, expect, it } from 'vitest';
import { runCrashScenario } from '../../scripts/faults/crash-run.js';

/**
 * Issue 7: `banwatch run` killed with SIGKILL at 20 random moments over a stream of new items
 * loses no alert, and posts at most one twice per kill. Runs the compiled build (npm test
 * builds it first).
 */
describe('crash safety', () => {
  it('survives 20 kills: none missing, duplicates at most one per kill', async () => {
    const report = await runCrashScenario(20);
    process.stdout.write(`[crash safety] ${JSON.stringify(report)}\n`);
    expect(report.problems).toEqual([]);
    expect(report.lost).toBe(0);
    expect(report.survived).toBe(20);
    expect(report.alerts).toBeGreaterThan(40);
    expect(report.duplicates).toBeLessThanOrEqual(report.kills);
  }, 180_000);
});
