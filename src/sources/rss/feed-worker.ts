import { parentPort } from 'node:worker_threads';
import { readFeedBytes } from './feed-read.js';
import type { FeedTask, WorkerMessage } from './feed-reader-pool.js';

/**
 * Worker-thread entry: reads a feed's body (decoded here) into Items off
 * the main thread, so a large feed's synchronous XML parse never stalls the event loop that
 * answers slash commands.
 */
let previous: Promise<unknown> = Promise.resolve();
parentPort?.on('message', (task: FeedTask) => {
  // One task at a time, answered in the order sent: the pool holds two per thread and times the
  // first, so an answer must never overtake the one before it.
  previous = previous.then(() =>
    readFeedBytes(task.body, task.contentType, task.options).then((result) =>
      parentPort?.postMessage({ id: task.id, result } satisfies WorkerMessage),
    ),
  );
});
// Tasks are sent from now on: the pool's time limit counts from here, not from the thread's start.
parentPort?.postMessage({ ready: true } satisfies WorkerMessage);
