import { main } from '../../src/cli.js';
import { capturedIo } from './captured-io.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the banwatch command in this process with captured streams and the given environment. */
export async function runCli(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<CliRun> {
  const captured = capturedIo(stdin);
  const status = await main(args, { env: { LOG_LEVEL: 'warn', ...env }, io: captured.io });
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}
