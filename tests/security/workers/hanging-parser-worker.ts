import { parentPort } from 'node:worker_threads';

/** A parser thread that never answers: it spins on the first task, as a pathological parse would. */
parentPort?.on('message', () => {
  for (;;) {
    // Spins until the pool ends this thread.
  }
});
