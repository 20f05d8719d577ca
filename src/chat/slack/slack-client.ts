import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Logger } from '../../shared/logger.js';
import { boltLogger } from './bolt-logger.js';

/** One Web API call may take this long before it counts as a network failure. */
export const SLACK_TIMEOUT_MS = 10_000;
const DEFAULT_API_URL = 'https://slack.com/api/';

/** SLACK_API_URL or Slack's own, always ending in `/` (the client appends method names). */
export function slackApiUrl(apiUrl?: string): string {
  const url = apiUrl || DEFAULT_API_URL;
  return url.endsWith('/') ? url : `${url}/`;
}

/** fetch with a deadline: Bolt's `respond` posts to response_url with no timeout of its own. */
export function fetchWithTimeout(
  timeoutMs: number,
  fetchImpl: typeof fetch = fetch,
): NonNullable<WebClientOptions['fetch']> {
  return (url, init) =>
    fetchImpl(url, { ...(init as RequestInit | undefined), signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
}

/**
 * Options for a WebClient. Each consumer gets a fresh object, because Bolt, the WebClient and
 * the Socket Mode client write into the options they are given.
 */
export function slackClientOptions(
  apiUrl: string | undefined,
  logger: Logger,
  extra: WebClientOptions = {},
): WebClientOptions {
  return {
    slackApiUrl: slackApiUrl(apiUrl),
    logger: boltLogger(logger, 'slack-web-api'),
    timeout: SLACK_TIMEOUT_MS,
    fetch: fetchWithTimeout(SLACK_TIMEOUT_MS),
    ...extra,
  };
}

/**
 * The client banwatch itself calls Slack with (posting alerts, users.info, conversations.join).
 * No built-in retries and rate limits thrown, not waited out: the outbox owns retries and
 * schedules them from Retry-After, and a paused client would stall every channel at once.
 */
export function createSlackWebClient(botToken: string, apiUrl: string | undefined, logger: Logger): WebClient {
  return new WebClient(
    botToken,
    slackClientOptions(apiUrl, logger, { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }),
  );
}
