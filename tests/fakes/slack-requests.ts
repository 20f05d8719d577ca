import { createHmac } from 'node:crypto';

/** What Slack sends banwatch: slash-command forms and signed POSTs (re-exported by slack-api.ts). */

/** Slack's slash-command form fields, with defaults for what a test does not care about. */
export function slashCommandForm(fields: {
  text: string;
  user_id: string;
  channel_id: string;
  response_url: string;
  user_name?: string;
  channel_name?: string;
  command?: string;
}): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0TEST',
    team_domain: 'banwatch-test',
    channel_name: fields.channel_name ?? 'security',
    user_name: fields.user_name ?? fields.user_id.toLowerCase(),
    command: fields.command ?? '/banwatch',
    api_app_id: 'A0TEST',
    trigger_id: '1.2.3',
    ...fields,
  }).toString();
}

export interface SignedPostResult {
  status: number;
  body: string;
  /** Milliseconds from sending to the complete answer (the ack). */
  ms: number;
}

/**
 * POSTs a form body the way Slack does: `x-slack-request-timestamp` and `x-slack-signature`
 * (`v0=` HMAC-SHA256 of `v0:TIMESTAMP:BODY`), computed here independently of banwatch's code.
 * `timestamp` (seconds) and `signature` override what is sent, to test refusals.
 */
export async function signedPost(
  url: string,
  secret: string,
  body: string,
  options: { timestamp?: number; signature?: string | null; contentType?: string } = {},
): Promise<SignedPostResult> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': timestamp,
  };
  if (options.signature !== null) headers['x-slack-signature'] = options.signature ?? signature;
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, body: text, ms: performance.now() - started };
}
