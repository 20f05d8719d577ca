import { parentPort } from 'node:worker_threads';
import { readFeed, readFeedBytes } from './feed-read.js';
import type { FeedTask } from './feed-reader-pool.js';

/**
 * Worker-thread entry: reads a feed (its body, decoded here, or decoded text) into Items off
 * the main thread, so a large feed's synchronous XML parse never stalls the event loop that
 * answers slash commands.
 */
parentPort?.on('message', (task: FeedTask) => {
  const reading = 'body' in task ? readFeedBytes(task.body, task.contentType, task.options) : readFeed(task.text, task.options);
  void reading.then((result) => parentPort?.postMessage({ id: task.id, result }));
});
