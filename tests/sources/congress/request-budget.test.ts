import { describe, expect, it } from 'vitest';
import { createRequestBudget } from '../../../src/sources/congress/request-budget.js';
import { mutableClock } from '../../support/mutable-clock.js';

describe('request budget', () => {
  it('allows the limit within a sliding hour, then says how long to wait', () => {
    const clock = mutableClock('2026-01-01T00:00:00Z');
    const budget = createRequestBudget({ clock, limit: 3 });
    expect([budget.take(), budget.take()]).toEqual([true, true]);
    clock.advance(600_000);
    expect(budget.take()).toBe(true);
    expect(budget.take()).toBe(false);
    expect(budget.waitMs()).toBe(3_000_000);
    clock.advance(3_000_000);
    // The first two fell out of the window; the third still counts.
    expect([budget.take(), budget.take(), budget.take()]).toEqual([true, true, false]);
  });

  it("defaults to Congress.gov's 5,000 an hour", () => {
    const budget = createRequestBudget({ clock: mutableClock() });
    let taken = 0;
    while (budget.take()) taken++;
    expect(taken).toBe(5_000);
  });
});
