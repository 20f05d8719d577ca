import { parentPort } from 'node:worker_threads';
import { readFeedBytes } from '../../src/sources/rss/feed-read.js';
import type { FeedTask } from '../../src/sources/rss/feed-reader-pool.js';

/**
 * The feed worker (src/sources/rss/feed-worker.ts) with two hostile bodies it cannot survive,
 * for the pool's guards: a body starting `<!--hang-->` sends the thread into a loop that never
 * ends (as a parser stuck on a body would), one starting `<!--crash-->` ends the thread.
 * Every other body is read by the real reader.
 */
parentPort?.on('message', (task: FeedTask) => {
  const head = Buffer.from(task.body.subarray(0, 16)).toString('latin1');
  if (head.startsWith('<!--hang-->')) for (let spins = 0; ; spins++) if (spins < 0) break;
  if (head.startsWith('<!--crash-->')) process.exit(3);
  void readFeedBytes(task.body, task.contentType, task.options).then((result) =>
    parentPort?.postMessage({ id: task.id, result }),
  );
});
parentPort?.postMessage({ ready: true });
