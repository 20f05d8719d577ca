import type { IncomingMessage } from 'node:http';
import { BanwatchError } from '../../shared/errors.js';

/** Reads a request body into memory, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit)
    throw new BanwatchError('BODY_TOO_LARGE', `request body over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.destroy();
      throw new BanwatchError('BODY_TOO_LARGE', `request body over ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The payload of a Slack request: slash commands are form fields, interactivity is a form
 * field `payload` holding JSON, the Events API is JSON. Undefined when it is none of these.
 */
export function parseSlackBody(contentType: string | undefined, body: Buffer): Record<string, unknown> | undefined {
  const text = body.toString('utf8');
  try {
    if ((contentType ?? '').startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(text);
      const payload = form.get('payload');
      return payload !== null ? asObject(JSON.parse(payload)) : Object.fromEntries(form);
    }
    if ((contentType ?? '').startsWith('application/json')) return asObject(JSON.parse(text));
  } catch {
    return undefined;
  }
  return undefined;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
