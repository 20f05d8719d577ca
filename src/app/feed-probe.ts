import type { FeedProbe } from '../commands/handlers/feeds-handler.js';
import type { Clock } from '../domain/clock.js';
import type { FeedFetcher } from '../shared/http/feed-fetcher.js';
import type { FeedBytesReader } from '../sources/rss/feed-read.js';
import { createRssSource } from '../sources/rss/rss-source.js';

/**
 * Fetches a feed once through the fetcher that will poll it, before it is added: an address
 * that resolves to a private or metadata address at any hop, a page that is not a feed, or a
 * dead host is refused with the reason instead of becoming a feed that fails forever.
 */
export function feedProbe(deps: {
  trustedFetcher: Pick<FeedFetcher, 'fetch'>;
  guardedFetcher: Pick<FeedFetcher, 'fetch'>;
  clock: Clock;
  readBytes?: FeedBytesReader;
}): FeedProbe {
  return async (url, trusted) => {
    const source = createRssSource(
      { id: 'probe', url, intervalMs: 60_000, backfill: 0 },
      {
        fetcher: trusted ? deps.trustedFetcher : deps.guardedFetcher,
        clock: deps.clock,
        ...(deps.readBytes ? { readBytes: deps.readBytes } : {}),
      },
    );
    const result = await source.poll(undefined);
    if (result.ok) return { ok: true };
    const what =
      result.failure.kind === 'parse'
        ? 'it is not a readable feed'
        : result.failure.kind === 'blocked'
          ? 'that address is not allowed'
          : 'it could not be fetched';
    return { ok: false, message: `${what} (${result.failure.message})` };
  };
}
