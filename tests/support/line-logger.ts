import { createLogger, type Logger } from '../../src/shared/logger.js';

/** A real pino logger at `info` whose JSON lines are kept, for tests that read what was logged. */
export function lineLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => (lines.push(line), true) } as unknown as NodeJS.WritableStream,
  });
  return { logger, lines };
}
