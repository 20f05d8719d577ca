import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's rule: a request more than five minutes from now is refused (replays). */
export const MAX_SKEW_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export interface SignedRequest {
  /** `x-slack-request-timestamp`, seconds since the epoch. */
  timestamp: string | undefined;
  /** `x-slack-signature`, `v0=` and a hex HMAC. */
  signature: string | undefined;
  /** The raw body, exactly as received. */
  body: Buffer;
}

/** The `v0=` signature of a body at a timestamp (also used by tests and the benchmark to sign). */
export function slackSignature(signingSecret: string, timestamp: string, body: Buffer | string): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(body);
  return `v0=${hmac.digest('hex')}`;
}

/**
 * Verifies a request from Slack: HMAC-SHA256 of `v0:TIMESTAMP:BODY` with the signing secret,
 * compared in constant time, and a timestamp within five minutes of `nowMs` either way (Bolt's
 * own check accepts any future timestamp; a captured request must not be replayable later).
 */
export function verifySlackSignature(signingSecret: string, request: SignedRequest, nowMs: number): SignatureCheck {
  const { timestamp, signature } = request;
  if (!timestamp || !signature) return { ok: false, reason: 'missing signature headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed timestamp' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale timestamp' };
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'malformed signature' };
  const expected = Buffer.from(slackSignature(signingSecret, timestamp, request.body));
  const given = Buffer.from(signature);
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'signature mismatch' };
}
