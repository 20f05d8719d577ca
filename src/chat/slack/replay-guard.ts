import { MAX_SKEW_SECONDS } from './slack-signature.js';

/**
 * Remembers each verified Slack request (its `X-Slack-Signature` over timestamp and body) for
 * as long as its timestamp is acceptable, so a captured request cannot be sent again within the
 * five-minute window. In memory: several instances behind one URL each keep their own, so an
 * attacker who can pick the instance can replay once per instance (docs/security.md).
 */
export interface ReplayGuard {
  /** True the first time a signature is seen within its window; false for a replay. */
  firstUse(signature: string, timestampSeconds: number, nowMs: number): boolean;
}

/** At most this many signatures are remembered; beyond it the oldest are forgotten first. */
const MAX_REMEMBERED = 100_000;

export function createReplayGuard(maxRemembered = MAX_REMEMBERED): ReplayGuard {
  // Insertion order is arrival order, so the oldest entries sit at the front.
  const seen = new Map<string, number>();
  return {
    firstUse(signature, timestampSeconds, nowMs) {
      for (const [key, until] of seen) {
        if (until > nowMs && seen.size < maxRemembered) break;
        seen.delete(key);
      }
      if (seen.has(signature)) return false;
      // Accepted until the timestamp leaves the window on either side of our clock.
      seen.set(signature, (timestampSeconds + MAX_SKEW_SECONDS) * 1000 + 1000);
      return true;
    },
  };
}
