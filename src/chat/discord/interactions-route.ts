import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../domain/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { HttpRoute } from '../platform.js';
import { createSignatureVerifier } from './ed25519-verify.js';
import type { InteractionResponse, Respond } from './interaction-handler.js';
import { INTERACTIONS_PATH } from './discord-settings.js';
import { asInteraction, type RawInteraction } from './raw-interaction.js';

/** Interaction payloads are a few kilobytes; this bounds what an unsigned request can make us hold. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface InteractionsRouteDeps {
  publicKey: string;
  clock: Clock;
  logger: Logger;
  handle(interaction: RawInteraction, respond: Respond): Promise<void>;
  /** Keeps work that outlives the HTTP answer (a deferred edit) visible to shutdown. */
  track(work: Promise<void>): void;
}

/**
 * POST /discord/interactions. Order matters: read the raw body (bounded), verify the Ed25519
 * signature over timestamp + body, and only then parse it; anything unsigned or signed with
 * another key gets 401 before any of it is looked at. The first response is the HTTP answer;
 * a deferred command completes later through REST.
 */
export function interactionsRoute(deps: InteractionsRouteDeps): HttpRoute {
  const verify = createSignatureVerifier(deps.publicKey);
  return {
    method: 'POST',
    path: INTERACTIONS_PATH,
    async handle(req, res) {
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === 'too-large') return plain(res, 413, 'request too large');
      const signature = header(req, 'x-signature-ed25519');
      const timestamp = header(req, 'x-signature-timestamp');
      if (!verify({ signature, timestamp, body }, deps.clock.now())) {
        deps.logger.warn({ path: INTERACTIONS_PATH }, 'rejected a Discord interaction with a missing or bad signature');
        return plain(res, 401, 'invalid request signature');
      }
      let interaction: RawInteraction | undefined;
      try {
        interaction = asInteraction(JSON.parse(body.toString('utf8')));
      } catch {
        interaction = undefined;
      }
      if (!interaction) return plain(res, 400, 'not an interaction');

      let answered = false;
      const respond = async (response: InteractionResponse) => {
        if (answered || res.writableEnded) return;
        answered = true;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(response));
      };
      const work = deps.handle(interaction, respond).finally(() => {
        if (!answered) plain(res, 500, 'no answer');
      });
      deps.track(work);
      await work;
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function plain(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain', ...(status === 413 ? { connection: 'close' } : {}) }).end(text);
}

/** The raw body, or 'too-large' as soon as it passes `limit` (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
