import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

export interface LoggerOptions {
  level?: string;
  /** Values that must never appear in a log line (tokens, webhook URLs). */
  secrets?: readonly string[];
  /** Where lines go; stdout by default. */
  destination?: NodeJS.WritableStream;
}

/**
 * One JSON line per event (pino). Known secrets are replaced by `***` in every line before
 * it is written, so a token inside an error message or a URL cannot leak into logs.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  const out = options.destination ?? process.stdout;
  const stream = secrets.length
    ? {
        write(line: string) {
          let safe = line;
          for (const secret of secrets) safe = safe.split(secret).join('***');
          out.write(safe);
        },
      }
    : out;
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'banwatch' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
}

/** A logger that drops everything, for tests and one-shot commands that print their own output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
