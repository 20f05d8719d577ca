import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-io.js';

export interface CapturedIo {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
}

/**
 * Streams for a command run in this process: what it writes is kept as text. `stdin`, when
 * given, is all the command can read (the stream ends after it); otherwise stdin stays open.
 */
export function capturedIo(stdin?: string): CapturedIo {
  let stdout = '';
  let stderr = '';
  const input = new PassThrough();
  if (stdin !== undefined) input.end(stdin);
  return {
    io: {
      stdin: input,
      stdout: { write: (chunk: string) => ((stdout += chunk), true) } as NodeJS.WritableStream,
      stderr: { write: (chunk: string) => ((stderr += chunk), true) } as NodeJS.WritableStream,
    },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}
