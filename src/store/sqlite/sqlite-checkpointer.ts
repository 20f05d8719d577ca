import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/**
 * The thread's whole program, plain JavaScript so that it starts without the TypeScript loader
 * the sources may run under (a loader would cost the thread tens of megabytes). PASSIVE copies
 * what no reader still needs and never waits for, or blocks, a writer; a busy or failed round is
 * simply tried again at the next.
 */
const CHECKPOINT_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('node:module').createRequire(workerData.module)('better-sqlite3');
const db = new Database(workerData.file, { timeout: 1000 });
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage('closed');
});
`;

export interface Checkpointer {
  close(): Promise<void>;
}

/**
 * Starts the thread that checkpoints `file`'s WAL every `everyMs`. The caller turns SQLite's
 * own checkpoints off on its connection; `onStopped` is called if the thread dies, so the
 * caller can turn them back on and the WAL cannot grow without bound.
 */
export function startCheckpointer(file: string, onStopped: (reason: string) => void, everyMs = 1_000): Checkpointer {
  const worker = new Worker(CHECKPOINT_THREAD, {
    eval: true,
    execArgv: [],
    workerData: { file, everyMs, module: import.meta.url },
    resourceLimits: { maxOldGenerationSizeMb: 16 },
  });
  worker.unref();
  let closing = false;
  worker.on('error', (error) => !closing && onStopped(error.message));
  worker.on('exit', (code) => !closing && onStopped(`exit code ${code}`));
  return {
    async close() {
      if (closing) return;
      closing = true;
      const closed = once(worker, 'message');
      worker.postMessage('close');
      // A thread that does not answer within a second is stopped anyway.
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]).catch(() => undefined);
      await worker.terminate();
    },
  };
}
