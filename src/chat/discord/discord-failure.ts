import { DiscordAPIError, HTTPError, RateLimitError } from '@discordjs/rest';
import type { DeliveryOutcome } from '../../domain/notifier.js';

/** Discord's JSON error codes that mean "this channel will not take our messages". */
const PERMANENT_CODES: Record<number, string> = {
  10003: 'Unknown Channel',
  50001: 'Missing Access',
  50013: 'Missing Permissions',
  50008: 'Cannot send messages in a non-text channel',
  50035: 'Invalid Form Body',
};

/**
 * Sorts a failed REST call into the outbox's closed set: a rate limit waits for Retry-After;
 * Missing Access, Unknown Channel, Missing Permissions and any other 4xx (a revoked token, a
 * deleted channel) are dead letters with that reason; 5xx, timeouts and network trouble are
 * retried. Reasons never carry the request URL: interaction URLs hold tokens.
 */
export function sortDiscordFailure(error: unknown): Exclude<DeliveryOutcome, { status: 'delivered' }> {
  if (error instanceof RateLimitError) {
    const wait = error.retryAfter > 0 ? error.retryAfter : error.timeToReset;
    return {
      status: 'retry',
      reason: `rate limited (429${error.global ? ', global' : ''})`,
      ...(wait > 0 ? { retryAfterMs: Math.ceil(wait) } : {}),
    };
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : undefined;
    const known = code !== undefined ? PERMANENT_CODES[code] : undefined;
    const reason = `Discord ${error.status}${code !== undefined ? ` ${code}` : ''}: ${known ?? oneLine(error.message)}`;
    if (error.status === 429) return { status: 'retry', reason };
    // The bot token was refused: the channel pauses until it is fixed, its alerts kept.
    if (error.status === 401) return { status: 'unauthorized', reason };
    if (error.status === 408 || error.status >= 500) return { status: 'retry', reason };
    return { status: 'rejected', reason };
  }
  if (error instanceof HTTPError)
    return { status: 'retry', reason: `Discord ${error.status}: ${oneLine(error.message) || 'server error'}` };
  const name = (error as Error | undefined)?.name;
  if (name === 'AbortError' || name === 'TimeoutError')
    return { status: 'retry', reason: 'Discord did not answer in time' };
  // After a 401 the client forgets the token and refuses every later call with this message.
  if (/expected token to be set/i.test((error as Error | undefined)?.message ?? '')) {
    return {
      status: 'unauthorized',
      reason: 'Discord rejected the bot token (401); set a valid DISCORD_TOKEN and restart',
    };
  }
  return { status: 'retry', reason: `network error (${causeOf(error)})` };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
