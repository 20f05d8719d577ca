import { REST } from '@discordjs/rest';
import { DISCORD_API_URL } from './discord-settings.js';

/** Discord answers in well under a second; a request still open after this is treated as lost. */
export const REST_TIMEOUT_MS = 10_000;

export interface DiscordRestOptions {
  token: string;
  apiUrl?: string;
  timeoutMs?: number;
}

/**
 * The one REST client of the adapter (posting, interaction answers, command registration).
 * It never waits on its own: a rate limit on /channels throws RateLimitError so the outbox can
 * schedule the retry from Retry-After instead of holding the delivery run, and 5xx answers are
 * not retried here because the outbox retries them with backoff.
 */
export function createDiscordRest(options: DiscordRestOptions): REST {
  const rest = new REST({
    api: options.apiUrl ?? DISCORD_API_URL,
    timeout: options.timeoutMs ?? REST_TIMEOUT_MS,
    retries: 0,
    rejectOnRateLimit: (limit) => limit.route.startsWith('/channels'),
    userAgentAppendix: 'banwatch',
  });
  return rest.setToken(options.token);
}

/** Stops the client's sweep timers, so a one-shot command can exit. */
export function closeDiscordRest(rest: REST): void {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
}
