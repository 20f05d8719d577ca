import { ErrorCode } from '@slack/web-api';
import type { DeliveryOutcome } from '../../domain/notifier.js';

/**
 * Slack error codes worth another attempt later. Every other `ok: false` answer of
 * chat.postMessage is permanent (a bad channel, a revoked token, a missing scope, a message
 * Slack refuses): retrying it would only delay the dead letter that tells someone to act.
 */
const TRANSIENT = new Set([
  'internal_error',
  'fatal_error',
  'request_timeout',
  'service_unavailable',
  'ratelimited',
  'rate_limited',
  'message_limit_exceeded',
]);

/** The bot token was refused: nothing will go out until an operator fixes it, so the channel pauses (no dead letter). */
const CREDENTIALS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

/** Errors that come from the thread, not the message: the alert can still go out on its own. */
export const THREAD_ERRORS = new Set([
  'thread_not_found',
  'restricted_action_thread_locked',
  'restricted_action_non_threadable_channel',
  'invalid_thread_ts',
]);

interface SlackErrorShape {
  code?: unknown;
  data?: { error?: unknown };
  retryAfter?: unknown;
  statusCode?: unknown;
  original?: { name?: string; message?: string; cause?: { code?: string } };
}

/** The `error` of an `ok: false` Web API answer, or undefined for any other failure. */
export function slackErrorCode(error: unknown): string | undefined {
  const shape = error as SlackErrorShape | undefined;
  return shape?.code === ErrorCode.PlatformError && typeof shape.data?.error === 'string'
    ? shape.data.error
    : undefined;
}

/**
 * Sorts a failed Web API call into the outbox's closed set: a rate limit waits for Retry-After,
 * Slack's transient errors, 5xx and network trouble are retried, everything else is rejected with
 * Slack's own error code as the reason (what the dead-letter list shows).
 */
export function deliveryFailure(error: unknown): Exclude<DeliveryOutcome, { status: 'delivered' }> {
  const shape = (error ?? {}) as SlackErrorShape;
  switch (shape.code) {
    case ErrorCode.RateLimitedError: {
      const seconds = typeof shape.retryAfter === 'number' && shape.retryAfter >= 0 ? shape.retryAfter : undefined;
      return {
        status: 'retry',
        reason: 'rate limited by Slack',
        ...(seconds !== undefined ? { retryAfterMs: Math.ceil(seconds * 1000) } : {}),
      };
    }
    case ErrorCode.PlatformError: {
      const code = slackErrorCode(error) ?? 'unknown_error';
      if (CREDENTIALS.has(code)) return { status: 'unauthorized', reason: code };
      return TRANSIENT.has(code) ? { status: 'retry', reason: code } : { status: 'rejected', reason: code };
    }
    case ErrorCode.HTTPError: {
      const status = typeof shape.statusCode === 'number' ? shape.statusCode : 0;
      const reason = `HTTP ${status} from the Slack API`;
      return status >= 500 || status === 408 ? { status: 'retry', reason } : { status: 'rejected', reason };
    }
    case ErrorCode.RequestError: {
      const name = shape.original?.name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      return {
        status: 'retry',
        reason: timedOut
          ? 'Slack API timed out'
          : `network error (${shape.original?.cause?.code ?? shape.original?.message ?? 'unknown'})`,
      };
    }
    default:
      return { status: 'retry', reason: `unexpected error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
