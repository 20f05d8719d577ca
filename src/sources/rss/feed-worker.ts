import { parentPort } from 'node:worker_threads';
import { readFeed, type FeedReadOptions } from './feed-read.js';

/**
 * Worker-thread entry: reads feed text into Items off the main thread, so a large feed's
 * synchronous XML parse never stalls the event loop that answers slash commands.
 */
interface Task {
  id: number;
  text: string;
  options: FeedReadOptions;
}

parentPort?.on('message', (task: Task) => {
  void readFeed(task.text, task.options).then((result) => parentPort?.postMessage({ id: task.id, result }));
});
