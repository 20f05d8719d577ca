import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli.js';

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
  let stderr = '';
  let stdout = '';
  const input = new PassThrough();
  input.end();
  const done = main(['run', ...args], {
    env: { LOG_LEVEL: 'warn', ...env },
    io: {
      stdin: input,
      stdout: { write: (chunk: string) => ((stdout += chunk), true) } as NodeJS.WritableStream,
      stderr: { write: (chunk: string) => ((stderr += chunk), true) } as NodeJS.WritableStream,
    },
    signals,
  });
  return {
    stderr: () => stderr,
    stdout: () => stdout,
    async port() {
      for (let i = 0; i < 200; i++) {
        const match = /HTTP on port (\d+)/.exec(stderr);
        if (match) return Number(match[1]);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no HTTP port in: ${stderr}`);
    },
    async stop() {
      signals.emit('SIGTERM');
      return done;
    },
  };
}
