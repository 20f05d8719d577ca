import { PassThrough } from 'node:stream';
import { main } from '../../src/cli.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the banwatch command in this process with captured streams and the given environment. */
export async function runCli(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const input = new PassThrough();
  input.end(stdin);
  const status = await main(args, {
    env: { LOG_LEVEL: 'warn', ...env },
    io: {
      stdin: input,
      stdout: { write: (chunk: string) => ((stdout += chunk), true) } as NodeJS.WritableStream,
      stderr: { write: (chunk: string) => ((stderr += chunk), true) } as NodeJS.WritableStream,
    },
  });
  return { status, stdout, stderr };
}
