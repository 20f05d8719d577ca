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

/** What a worker posts: `ready` once it listens, then one answer per task. */
export type WorkerMessage = { ready: true } | { id: number; result: FeedReadResult };

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
  /** The thread has loaded its module and listens: a slow start is not charged to a feed's time limit. */
  ready: boolean;
  /** Tasks sent to the thread and not yet answered, in the order it takes them: the first is being parsed. */
  held: Pending[];
  /** The first held task's time limit, counted from when the thread started on it. */
  timer?: NodeJS.Timeout;
  /** Ends this thread, answers its task and schedules its replacement. */
  fail?: (reason: string) => void;
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

/** The pool's guards against a parser thread that hangs or keeps dying. */
export interface FeedReaderPoolOptions {
  /**
   * How long one task may hold a thread before the thread is ended and replaced and the feed
   * reported as a `parse` failure. The thread bounds its own parse (feed-limits.ts, 5 s); this
   * is the last resort for anything else (decoding, a bug), so it is generous.
   */
  taskTimeLimitMs?: number;
  /** Wait before starting the replacement for the `restarts`-th thread in a row that died. */
  respawnDelayMs?: (restarts: number) => number;
  /** Told of each replacement (logs, tests). */
  onRespawn?: (event: { reason: string; restarts: number; delayMs: number }) => void;
  /** The worker module (tests start threads that hang or crash). */
  worker?: { callerUrl: string; name: string };
}

export const TASK_TIME_LIMIT_MS = 30_000;

/**
 * Tasks a parser thread holds at once: the feed it parses and the next, so that it starts the
 * next as soon as it posts an answer instead of waiting for the main thread (busy with a commit
 * or a classification) to read the answer and send more. The next one's body is copied, not
 * moved, so that if the thread dies on the first the next can be sent again elsewhere.
 */
export const TASKS_PER_THREAD = 2;

/** 100 ms, doubling per death in a row, at most 30 s: a crash loop costs a thread start every 30 s. */
export function respawnBackoff(restarts: number): number {
  return Math.min(30_000, 100 * 2 ** Math.max(0, restarts - 1));
}

/**
 * A small pool of worker threads that parse feeds. Tasks queue when every worker is busy. A
 * worker that dies, or holds a task past the time limit, fails that task as a `parse` error and
 * is replaced after a backoff that grows while replacements keep dying (and resets once one
 * finishes a task), so a feed that crashes or hangs the parser cannot take the poller down or
 * keep a core busy restarting threads.
 */
export function createFeedReaderPool(
  size = defaultParserThreads(),
  options: FeedReaderPoolOptions = {},
): FeedReaderPool {
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  const timeLimitMs = options.taskTimeLimitMs ?? TASK_TIME_LIMIT_MS;
  const backoff = options.respawnDelayMs ?? respawnBackoff;
  const module = options.worker ?? { callerUrl: import.meta.url, name: 'feed-worker' };
  const respawns = new Set<NodeJS.Timeout>();
  let restarts = 0;
  let nextId = 1;
  let closed = false;

  /** (Re)starts the time limit for the task the thread is now on, if any. */
  const arm = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = slot.held.length
      ? setTimeout(
          () => slot.fail?.(`it took more than ${timeLimitMs / 1000} s on one feed and was replaced`),
          timeLimitMs,
        )
      : undefined;
  };

  const spawn = (): Slot => {
    const slot: Slot = {
      worker: startWorker(module.callerUrl, module.name, { resourceLimits: PARSER_LIMITS }),
      ready: false,
      held: [],
    };
    slot.worker.unref();
    slot.worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        slot.ready = true;
        pump();
        return;
      }
      if (slot.held[0]?.task.id !== message.id) return;
      restarts = 0;
      const done = slot.held.shift();
      arm(slot);
      done?.resolve(message.result);
      pump();
    });
    let gone = false;
    const fail = (reason: string) => {
      if (gone) return;
      gone = true;
      // The task it was on is the one that stopped it; the others it held go to another thread.
      const [stopped, ...innocent] = slot.held.splice(0);
      arm(slot);
      queue.unshift(...innocent);
      stopped?.resolve({
        ok: false,
        failure: { kind: 'parse', message: `the feed parser stopped: ${reason}`, stoppedParser: true },
      });
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      void slot.worker.terminate();
      if (closed) return;
      pump();
      restarts++;
      const delayMs = backoff(restarts);
      options.onRespawn?.({ reason, restarts, delayMs });
      const timer = setTimeout(() => {
        respawns.delete(timer);
        if (closed) return;
        slots.push(spawn());
        pump();
      }, delayMs);
      respawns.add(timer);
    };
    slot.fail = fail;
    slot.worker.on('error', (error) => fail(error.message));
    slot.worker.on('exit', (code) => !closed && fail(`exit code ${code}`));
    return slot;
  };

  const pump = () => {
    for (const slot of slots) {
      while (slot.ready && slot.held.length < TASKS_PER_THREAD) {
        const task = queue.shift();
        if (!task) return;
        slot.held.push(task);
        if (slot.held.length === 1) {
          arm(slot);
          slot.worker.postMessage(task.task, [task.task.body.buffer as ArrayBuffer]);
        } else slot.worker.postMessage(task.task);
      }
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
      for (const timer of respawns) clearTimeout(timer);
      respawns.clear();
      const stopping: FeedReadResult = { ok: false, failure: { kind: 'parse', message: 'banwatch is stopping' } };
      // Queued tasks and those a worker holds both get an answer: a poll awaiting one must end.
      for (const task of queue.splice(0)) task.resolve(stopping);
      for (const slot of slots) {
        for (const task of slot.held.splice(0)) task.resolve(stopping);
        arm(slot);
      }
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
