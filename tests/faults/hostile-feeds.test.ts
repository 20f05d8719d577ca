import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from '../../scripts/faults/hostile-cases.js';
import { runHostileCases, type HostileOutcome } from '../../scripts/faults/hostile-run.js';

/** Issue 7's hostile-feed catalogue, as `npm run faults` runs it. */
describe('hostile feeds', () => {
  let outcomes: Map<string, HostileOutcome>;
  beforeAll(async () => {
    outcomes = new Map((await runHostileCases()).map((o) => [o.name, o]));
  }, 120_000);

  it.each(HOSTILE_CASES.map((c) => c.name))(
    '%s: a classified error or a correct parse, without delaying other feeds',
    (name) => {
      const outcome = outcomes.get(name);
      expect(outcome?.problem).toBeUndefined();
      expect(outcome?.passed).toBe(true);
    },
  );
});
