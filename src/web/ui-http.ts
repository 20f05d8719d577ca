import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SafeHtml } from './html-escape.js';

/**
 * What every dashboard answer carries: no caching of operator data, no framing, no script at all
 * (charts are inline SVG), forms only back to the dashboard itself.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

const FORM_LIMIT = 16 * 1024;

export function sendHtml(
  res: ServerResponse,
  status: number,
  body: SafeHtml,
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS, ...headers })
    .end(body.value);
}

export function sendText(res: ServerResponse, status: number, type: string, body: string, headers = {}): void {
  res.writeHead(status, { 'content-type': type, ...SECURITY_HEADERS, ...headers }).end(body);
}

/** 303 See Other: after a POST the browser GETs the next page, so a reload repeats nothing. */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { location, ...SECURITY_HEADERS, ...headers }).end();
}

export function queryOf(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://dashboard.invalid').searchParams;
}

/** An urlencoded form body, refused past 16 KiB (no form of the dashboard comes near that). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > FORM_LIMIT) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
