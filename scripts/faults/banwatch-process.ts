import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { NODE_FLAGS } from '../../src/shared/node-flags.js';
import { packageRoot } from '../../src/shared/package-root.js';

const ROOT = packageRoot(import.meta.url);

export interface BanwatchProcess {
  child: ChildProcess;
  /** The last lines it wrote, for a failure message. */
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Starts the real `banwatch` command as its own process (the compiled build, with the flags
 * `npm start` gives it), so it can be killed and restarted like in production.
 */
export function startBanwatch(args: string[], env: Record<string, string> = {}): BanwatchProcess {
  const child = spawn(process.execPath, [...NODE_FLAGS, resolve(ROOT, 'bin', 'banwatch.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => tail, exited };
}
