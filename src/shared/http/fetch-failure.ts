import type { SourceFailure } from '../../domain/source.js';
import { formatBytes } from './body-reader.js';
import { parseRetryAfter } from './retry-after.js';

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The error and its causes, outermost first (undici wraps socket errors). */
function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  let current: unknown = error;
  while (current && out.length < 8) {
    out.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return out;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const CLOSED_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);

/**
 * Sorts a thrown error from an exchange with `host` into exactly one failure kind with a short
 * message a person can act on (never a stack).
 */
export function failureFromError(error: unknown, host: string, timeoutMs: number): SourceFailure {
  for (const link of chain(error)) {
    const code = codeOf(link);
    if (code === 'BANWATCH_BLOCKED_ADDRESS') return { kind: 'blocked', message: firstLine((link as Error).message) };
    if (code && TIMEOUT_CODES.has(code)) {
      return { kind: 'timeout', message: `${host} did not answer within ${timeoutMs / 1000} s` };
    }
    if (code && DNS_CODES.has(code)) return { kind: 'network', message: `could not resolve the host name ${host}` };
    if (code === 'ECONNREFUSED') return { kind: 'network', message: `${host} refused the connection` };
    if (code && CLOSED_CODES.has(code))
      return { kind: 'network', message: `${host} closed the connection unexpectedly` };
    if (code && UNREACHABLE_CODES.has(code)) return { kind: 'network', message: `${host} is unreachable` };
    if (
      code &&
      (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    ) {
      return { kind: 'network', message: `TLS failure with ${host}: ${firstLine((link as Error).message)}` };
    }
    if (code && code.startsWith('HPE_')) return { kind: 'network', message: `${host} sent an invalid HTTP response` };
    if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
      return { kind: 'network', message: `${host} sent fewer bytes than it announced` };
    }
  }
  const message = error instanceof Error ? firstLine(error.message) : String(error);
  return { kind: 'network', message: `request to ${host} failed: ${message || 'unknown error'}` };
}

/** A non-success status, with Retry-After honoured for 429 and 503. */
export function failureFromStatus(status: number, retryAfter: string | undefined, now: Date): SourceFailure {
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(retryAfter, now) : undefined;
  const wait = retryAfterMs !== undefined ? `; asked to wait ${Math.ceil(retryAfterMs / 1000)} s` : '';
  const extra = retryAfterMs !== undefined ? { retryAfterMs } : {};
  if (status === 429) return { kind: 'http-429', message: `rate limited (HTTP 429)${wait}`, ...extra };
  if (status >= 500) return { kind: 'http-5xx', message: `server error (HTTP ${status})${wait}`, ...extra };
  if (status === 404 || status === 410) return { kind: 'http-4xx', message: `the feed is gone (HTTP ${status})` };
  if (status === 401 || status === 403) return { kind: 'http-4xx', message: `access denied (HTTP ${status})` };
  if (status >= 400) return { kind: 'http-4xx', message: `request refused (HTTP ${status})` };
  // 1xx that undici did not absorb, or a 3xx that is not a usable redirect.
  return { kind: 'http-4xx', message: `unexpected response (HTTP ${status})` };
}

export function tooLargeFailure(maxBytes: number, announced?: number): SourceFailure {
  const size = announced !== undefined ? ` (announced ${formatBytes(announced)})` : '';
  return { kind: 'too-large', message: `the feed is larger than ${formatBytes(maxBytes)}${size}` };
}
