import type { DeliveryOutcome } from '../../domain/notifier.js';
import { parseRetryAfter } from '../../shared/http/retry-after.js';

export interface PostResult {
  outcome: DeliveryOutcome;
  /** The parsed JSON body of the answer, when there was one (a refusal's names its error code). */
  body?: unknown;
  /** The answer's HTTP status; absent when none came (network trouble, a timeout). */
  httpStatus?: number;
}

/**
 * The webhook itself no longer takes posts (deleted, its token revoked, its channel archived or
 * closed to it): every alert would be refused alike, so the channel is paused with its alerts
 * kept, as for refused credentials, rather than each alert dead-lettered until someone notices.
 */
export function webhookGone(reason: string): DeliveryOutcome {
  return {
    status: 'unauthorized',
    reason: `the webhook no longer takes posts (${reason}); give the channel a new webhook URL`,
  };
}

const DEFAULT_TIMEOUT_MS = 15_000;

export interface PostOptions {
  fetch?: typeof fetch;
  /** How long a platform may take to answer before the attempt counts as failed (retried). */
  timeoutMs?: number;
}
const MAX_ERROR_TEXT = 300;

/**
 * POSTs a JSON payload to a webhook and sorts the answer for the outbox: 2xx delivered;
 * 429 and 5xx and network trouble retried (honouring Retry-After, in the header or Discord's
 * `retry_after` body field); any other 4xx rejected (each platform's notifier tells a webhook
 * that is gone, `webhookGone`, from a refused message).
 * Never throws. The URL is a secret and never appears in the reasons.
 */
export async function postJson(url: string, payload: unknown, options: PostOptions = {}): Promise<PostResult> {
  const fetchImpl = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'banwatch/0.1' },
      body: JSON.stringify(payload),
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    const name = (error as Error).name;
    const reason =
      name === 'TimeoutError' || name === 'AbortError' ? 'timed out' : `network error (${causeCode(error)})`;
    return { outcome: { status: 'retry', reason } };
  }
  const text = (await response.text().catch(() => '')).slice(0, 64_000);
  const body = parseJson(text);
  const httpStatus = response.status;
  if (response.ok) return { outcome: { status: 'delivered' }, body, httpStatus };
  const detail = `HTTP ${response.status}${text ? `: ${oneLine(text)}` : ''}`;
  if (response.status === 429) {
    return {
      outcome: {
        status: 'retry',
        reason: detail,
        retryAfterMs: retryAfterMs(response.headers.get('retry-after'), body),
      },
      httpStatus,
    };
  }
  if (response.status >= 500 || response.status === 408)
    return { outcome: { status: 'retry', reason: detail }, body, httpStatus };
  return { outcome: { status: 'rejected', reason: detail }, body, httpStatus };
}

/** Retry-After in seconds or as an HTTP date; Discord also sends `retry_after` (seconds) in the body. */
export function retryAfterMs(header: string | null, body?: unknown): number | undefined {
  const fromHeader = parseRetryAfter(header ?? undefined, new Date());
  if (fromHeader !== undefined) return fromHeader;
  const fromBody = (body as { retry_after?: unknown } | undefined)?.retry_after;
  if (typeof fromBody === 'number' && fromBody >= 0) return Math.ceil(fromBody * 1000);
  return undefined;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_ERROR_TEXT);
}

function causeCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? 'unknown';
}
