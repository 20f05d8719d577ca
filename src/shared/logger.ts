import { createRequire } from 'node:module';
import { pino, type Logger as PinoLogger } from 'pino';
import type PinoPretty from 'pino-pretty';
import { maskUrlsIn } from './mask-url.js';

/**
 * pino-pretty (and its ~40 modules) only for a terminal: loaded when first asked for, so a
 * command logging JSON to a file or pipe (cron, a container) does not load it at start-up.
 */
const loadPretty = (): typeof PinoPretty => createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;

export type Logger = PinoLogger;

export interface LoggerOptions {
  level?: string;
  /** Values that must never appear in a log line (tokens, webhook URLs). */
  secrets?: readonly string[];
  /** Where lines go; stdout by default. */
  destination?: NodeJS.WritableStream;
  /** Human-readable lines (for a terminal) instead of JSON. */
  pretty?: boolean;
}

/**
 * One JSON line per event (pino), or readable lines when `pretty` (a terminal). Known secrets are replaced by `***` in every line before
 * it is written, so a token inside an error message or a URL cannot leak into logs.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  const destination = options.destination ?? process.stdout;
  const out: NodeJS.WritableStream = options.pretty
    ? loadPretty()({
        destination,
        sync: true,
        colorize: true,
        ignore: 'pid,hostname,app',
        translateTime: 'SYS:HH:MM:ss',
      })
    : destination;
  // Every line: credentials and secret parameters of any URL in it are masked too (shared/mask-url.ts).
  const stream = {
    write(line: string) {
      let safe = maskUrlsIn(line);
      for (const secret of secrets) safe = safe.split(secret).join('***');
      out.write(safe);
    },
  };
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
