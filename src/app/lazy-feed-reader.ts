import type { FeedReader } from '../sources/rss/feed-read.js';
import { createFeedReaderPool, type FeedReaderPool } from '../sources/rss/feed-reader-pool.js';

/**
 * Feed parsing in worker threads, started on the first feed that needs parsing: commands that
 * never poll (`vendor`, `status`) start no thread.
 */
export function lazyFeedReader(): { read: FeedReader; close(): Promise<void> } {
  let pool: FeedReaderPool | undefined;
  return {
    read: (text, options) => {
      pool ??= createFeedReaderPool();
      return pool.read(text, options);
    },
    close: async () => {
      await pool?.close();
      pool = undefined;
    },
  };
}
