import { EventEmitter } from 'node:events';
import { main } from '../../src/cli.js';
import { capturedIo } from './captured-io.js';

export interface RunningCli {
  stderr(): string;
  stdout(): string;
  /** Resolves with the HTTP port once the banner printed it. */
  port(): Promise<number>;
  stop(): Promise<number>;
}

/** `banwatch run` in this process, stopped by a SIGTERM the test sends. */
export function runInProcess(args: string[], env: Record<string, string>): RunningCli {
  const signals = new EventEmitter();
  const { io, stdout, stderr } = capturedIo('');
  const done = main(['run', ...args], { env: { LOG_LEVEL: 'warn', ...env }, io, signals });
  return {
    stderr,
    stdout,
    async port() {
      for (let i = 0; i < 300; i++) {
        const match = /HTTP on port (\d+)/.exec(stderr());
        if (match) return Number(match[1]);
        if (/^banwatch: /m.test(stderr())) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`banwatch run did not start:\n${stderr()}`);
    },
    /** SIGTERM until `run` returns: a signal sent before it listens would otherwise be lost. */
    async stop() {
      let finished = false;
      const status = done.finally(() => {
        finished = true;
      });
      while (!finished) {
        signals.emit('SIGTERM');
        await Promise.race([status, new Promise((resolve) => setTimeout(resolve, 200))]);
      }
      return status;
    },
  };
}
