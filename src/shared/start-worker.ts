import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread from the module `name` next to the caller (`callerUrl` is the caller's
 * `import.meta.url`): its compiled .js in production; when running from the TypeScript sources
 * (tests, scripts) a tiny bootstrap registers tsx in the thread first.
 */
export function startWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  // Compiled code needs none of the parent's loader flags: a TypeScript runner's loader would
  // otherwise start again in every thread, with a hooks thread of its own (tens of MB each).
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), { execArgv: [], ...options });
  const entry = JSON.stringify(new URL(`./${name}.ts`, callerUrl).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); })`, {
    ...options,
    eval: true,
  });
}
