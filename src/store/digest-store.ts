import type { Alert } from '../domain/alert.js';
import type { DigestInbox } from '../domain/digest.js';
import type { StoreBackend } from './backend.js';

/** A built period is remembered a little over a year: longer than any weekly digest's key could recur. */
const PERIOD_DONE_TTL = 400 * 86_400_000;
const DONE = 'done';

/**
 * Digest channels' collected alerts (one ordered space per channel, so one channel's digest
 * reads only its own) and the per-period claims that make a digest go out once.
 */
export function createDigestInbox(backend: StoreBackend): DigestInbox {
  const spaces = new Map<string, ReturnType<typeof backend.ordered<{ alert: Alert; at: string }>>>();
  const space = (channelId: string) => {
    let found = spaces.get(channelId);
    if (!found) {
      found = backend.ordered<{ alert: Alert; at: string }>(`digest-inbox:${channelId}`);
      spaces.set(channelId, found);
    }
    return found;
  };
  const periods = backend.claims('digests');
  const periodKey = (channelId: string, period: string) => `${channelId}|${period}`;
  return {
    async collect(channelId, alert, at) {
      // The summary is not shown in a digest; leaving it out keeps a busy week's inbox small.
      const { summary: _summary, ...kept } = alert;
      await space(channelId).append(alert.id, { alert: kept, at });
    },
    async collected(channelId) {
      return (await space(channelId).list()).map((entry) => entry.value);
    },
    async remove(channelId, alertIds) {
      for (const id of alertIds) await space(channelId).remove(id);
    },
    async claim(channelId, period, owner, ttlMs) {
      const key = periodKey(channelId, period);
      const value = (await periods.claim([key], owner, ttlMs)).get(key);
      return value === owner ? 'won' : value === DONE ? 'done' : 'held';
    },
    settle: (channelId, period) => periods.put([periodKey(channelId, period)], DONE, PERIOD_DONE_TTL),
  };
}
