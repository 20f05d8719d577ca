import type { FeedBytesReader } from '../sources/rss/feed-read.js';
import { createFeedReaderPool, type FeedReaderPool } from '../sources/rss/feed-reader-pool.js';

/**
 * Feed parsing in worker threads, started on the first feed that needs parsing: commands that
 * never poll (`vendor`, `status`) start no thread.
 */
export function lazyFeedReader(threads?: number): { readBytes: FeedBytesReader; close(): Promise<void> } {
  let pool: FeedReaderPool | undefined;
  return {
    readBytes: (body, contentType, options) => {
      pool ??= createFeedReaderPool(threads);
      return pool.readBytes(body, contentType, options);
    },
    close: async () => {
      await pool?.close();
      pool = undefined;
    },
  };
}
