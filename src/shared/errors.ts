import type { ErrorCode } from './error-codes.js';

export type { ErrorCode } from './error-codes.js';

/**
 * Coded errors (codes and their exit statuses in error-codes.ts). `UserError` is a refusal meant for the person who asked (bad arguments,
 * not allowed, unknown vendor): it is shown to them as is and is not a bug. Every other
 * `BanwatchError` is a fault that is logged with its code; plain `Error`s are bugs.
 */
export class BanwatchError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BanwatchError';
    this.code = code;
  }
}

export class UserError extends BanwatchError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'UserError';
  }
}

/** Config problems: reported with their paths, then the process exits with status 2. */
export class ConfigError extends BanwatchError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('CONFIG_INVALID', `invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** A store (SQLite, Redis, PostgreSQL) that cannot be reached or answered with an error. */
export class StoreError extends BanwatchError {
  /** `STORE_CORRUPT`: the store answered, and what it holds failed its integrity check. */
  constructor(message: string, options?: { cause?: unknown; code?: 'STORE_UNAVAILABLE' | 'STORE_CORRUPT' }) {
    super(
      options?.code ?? 'STORE_UNAVAILABLE',
      message,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'StoreError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** A message safe to show: the error's own text, never a stack. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
