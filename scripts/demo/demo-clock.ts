import type { Clock } from '../../src/domain/clock.js';

/** A clock the demo moves forward by hand (to the next 08:30 in Berlin), injected as tests inject theirs. */
export function mutableDemoClock(start: Date): Clock & { set(date: Date): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    set: (date) => {
      now = date.getTime();
    },
  };
}
