import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../shared/start-worker.js';
import type { FeedReadOptions, FeedReader, FeedReadResult } from './feed-read.js';

export interface FeedReaderPool {
  read: FeedReader;
  close(): Promise<void>;
}

interface Pending {
  id: number;
  text: string;
  options: FeedReadOptions;
  resolve(result: FeedReadResult): void;
}

interface Slot {
  worker: Worker;
  busy?: Pending;
}

/**
 * A small pool of worker threads that parse feeds. Tasks queue when every worker is busy; a
 * worker that dies fails its task as a `parse` error and is replaced, so a feed that crashes
 * the parser cannot take the poller down.
 */
export function createFeedReaderPool(size = Math.max(2, Math.min(4, availableParallelism()))): FeedReaderPool {
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: startWorker(import.meta.url, 'feed-worker', { resourceLimits: { maxOldGenerationSizeMb: 256 } }) };
    slot.worker.unref();
    slot.worker.on('message', (message: { id: number; result: FeedReadResult }) => {
      if (slot.busy?.id === message.id) slot.busy.resolve(message.result);
      slot.busy = undefined;
      pump();
    });
    const fail = (reason: string) => {
      slot.busy?.resolve({ ok: false, failure: { kind: 'parse', message: `the feed parser stopped: ${reason}` } });
      slot.busy = undefined;
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      if (!closed) {
        slots.push(spawn());
        pump();
      }
    };
    slot.worker.on('error', (error) => fail(error.message));
    slot.worker.on('exit', (code) => code !== 0 && !closed && fail(`exit code ${code}`));
    return slot;
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.busy) continue;
      const task = queue.shift();
      if (!task) return;
      slot.busy = task;
      slot.worker.postMessage({ id: task.id, text: task.text, options: task.options });
    }
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    read: (text, options) =>
      new Promise<FeedReadResult>((resolve) => {
        if (closed) return resolve({ ok: false, failure: { kind: 'parse', message: 'the feed parser pool is closed' } });
        queue.push({ id: nextId++, text, options, resolve });
        pump();
      }),
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.resolve({ ok: false, failure: { kind: 'parse', message: 'banwatch is stopping' } });
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
