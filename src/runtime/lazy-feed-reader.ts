import type { FeedBytesReader } from '../sources/rss/feed-read.js';
import {
  createFeedReaderPool,
  type FeedReaderPool,
  type FeedReaderPoolOptions,
} from '../sources/rss/feed-reader-pool.js';
import type { Logger } from '../shared/logger.js';

/**
 * Feed parsing in worker threads, started on the first feed that needs parsing: commands that
 * never poll (`vendor`, `status`) start no thread. A command that will poll starts them at once
 * (`warm`), so a thread loads its modules on another core while the main thread is still starting.
 */
export function lazyFeedReader(
  threads?: number,
  logger?: Logger,
  options: FeedReaderPoolOptions = {},
): { readBytes: FeedBytesReader; warm(): void; close(): Promise<void> } {
  let pool: FeedReaderPool | undefined;
  const onRespawn: FeedReaderPoolOptions['onRespawn'] = (event) => {
    options.onRespawn?.(event);
    logger?.warn(
      { reason: event.reason, restarts: event.restarts, delayMs: event.delayMs },
      `a feed parser thread was replaced (${event.reason}); the new one starts in ${event.delayMs} ms`,
    );
  };
  const started = () => (pool ??= createFeedReaderPool(threads, { ...options, onRespawn }));
  return {
    readBytes: (body, contentType, readOptions) => started().readBytes(body, contentType, readOptions),
    warm: () => void started(),
    close: async () => {
      await pool?.close();
      pool = undefined;
    },
  };
}
