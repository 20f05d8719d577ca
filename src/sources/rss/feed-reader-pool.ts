import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../shared/start-worker.js';
import type { FeedBytesReader, FeedReadOptions, FeedReadResult } from './feed-read.js';

export interface FeedReaderPool {
  readBytes: FeedBytesReader;
  close(): Promise<void>;
}

/** What a worker is sent: a response body, decoded there. */
export interface FeedTask {
  id: number;
  body: Uint8Array;
  contentType?: string;
  options: FeedReadOptions;
}

interface Pending {
  task: FeedTask;
  resolve(result: FeedReadResult): void;
}

/**
 * The body's memory, moved to the worker rather than copied. A view of part of a larger buffer
 * (a pooled slice) is copied first, so nothing else that shares the buffer is taken away.
 */
function transferable(body: Uint8Array): Uint8Array {
  return body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer
    ? body
    : new Uint8Array(body);
}

/**
 * A parser thread holds one feed at a time, so V8's default young generation for a thread
 * (48 MB, grown when much survives) only adds resident memory: capped at 16 MB, the poll bench's
 * peak RSS fell by 20-25 MB in interleaved runs, with no change in the threads' CPU time beyond
 * the machine's noise. A feed too large for it just moves on to the old generation.
 */
const PARSER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

interface Slot {
  worker: Worker;
  busy?: Pending;
}

/**
 * Parser threads when the config names none: every core but the one the main thread needs
 * (fetching, classifying, storing: the longer half of a changed cycle), one to four. On the
 * bench's two cores one thread polled 2,000 changed feeds as fast as two did, with a peak RSS
 * 20 MB lower (three interleaved runs each).
 */
export function defaultParserThreads(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}

/**
 * A small pool of worker threads that parse feeds. Tasks queue when every worker is busy; a
 * worker that dies fails its task as a `parse` error and is replaced, so a feed that crashes
 * the parser cannot take the poller down.
 */
export function createFeedReaderPool(size = defaultParserThreads()): FeedReaderPool {
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: startWorker(import.meta.url, 'feed-worker', { resourceLimits: PARSER_LIMITS }) };
    slot.worker.unref();
    slot.worker.on('message', (message: { id: number; result: FeedReadResult }) => {
      if (slot.busy?.task.id === message.id) slot.busy.resolve(message.result);
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
      slot.worker.postMessage(task.task, [task.task.body.buffer as ArrayBuffer]);
    }
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  const submit = (task: FeedTask) =>
    new Promise<FeedReadResult>((resolve) => {
      if (closed) return resolve({ ok: false, failure: { kind: 'parse', message: 'the feed parser pool is closed' } });
      queue.push({ task, resolve });
      pump();
    });

  return {
    readBytes: (body, contentType, options) =>
      submit({ id: nextId++, body: transferable(body), ...(contentType ? { contentType } : {}), options }),
    async close() {
      closed = true;
      const stopping: FeedReadResult = { ok: false, failure: { kind: 'parse', message: 'banwatch is stopping' } };
      // Queued tasks and those a worker holds both get an answer: a poll awaiting one must end.
      for (const task of queue.splice(0)) task.resolve(stopping);
      for (const slot of slots) slot.busy?.resolve(stopping);
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
