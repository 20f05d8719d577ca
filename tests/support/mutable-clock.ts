import type { Clock } from '../../src/domain/clock.js';

/** A clock the test moves by hand. */
export interface MutableClock extends Clock {
  advance(ms: number): void;
  set(date: Date | string): void;
}

export function mutableClock(start: Date | string = '2026-11-01T12:00:00Z'): MutableClock {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (date) => {
      now = new Date(date).getTime();
    },
  };
}
