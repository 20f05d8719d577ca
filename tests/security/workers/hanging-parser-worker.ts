import { parentPort } from 'node:worker_threads';

/** A parser thread that never answers: it spins on the first task, as a pathological parse would. */
parentPort?.on('message', () => {
  for (;;) {
    // Spins until the pool ends this thread.
  }
});
// As the real worker does: tasks come once the thread listens.
parentPort?.postMessage({ ready: true });
