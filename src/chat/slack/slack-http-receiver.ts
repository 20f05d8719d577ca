import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver } from '@slack/bolt';
import type { Clock } from '../../domain/clock.js';
import { errorMessage } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { HttpRoute } from '../platform.js';
import { parseSlackBody, readBody } from './request-body.js';
import { createReplayGuard } from './replay-guard.js';
import { verifySlackSignature } from './slack-signature.js';

export const SLACK_EVENTS_PATH = '/slack/events';
/** Slash commands and interactivity payloads are small; nothing Slack sends comes near this. */
const BODY_LIMIT = 1024 * 1024;
/** Acknowledge anyway before Slack's 3 s deadline when no listener did. */
const ACK_DEADLINE_MS = 2_500;

export interface SlackHttpReceiverDeps {
  signingSecret: string;
  clock: Clock;
  logger: Logger;
}

export interface SlackHttpReceiver extends Receiver {
  /** POST /slack/events, mounted on banwatch's shared HTTP server. */
  readonly route: HttpRoute;
}

/**
 * A Bolt Receiver that is only transport: banwatch's HTTP server hands it POSTs to
 * /slack/events; it checks the signature (401 before anything else runs), answers Slack's URL
 * verification, and passes the payload to `app.processEvent` with an `ack` that writes the
 * HTTP response. It opens no server of its own.
 */
export function createSlackHttpReceiver(deps: SlackHttpReceiverDeps): SlackHttpReceiver {
  let app: App | undefined;
  const replays = createReplayGuard();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!app) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('not ready');
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, BODY_LIMIT);
    } catch {
      if (!res.headersSent) res.writeHead(413, { 'content-type': 'text/plain', connection: 'close' }).end('too large');
      return;
    }
    // Slack's periodic certificate check may come unsigned (Bolt lets it through too); it runs nothing.
    if (isSslCheck(req.headers['content-type'], body)) {
      res.writeHead(200).end();
      return;
    }
    const timestamp = header(req, 'x-slack-request-timestamp');
    const signature = header(req, 'x-slack-signature');
    const nowMs = deps.clock.now().getTime();
    let check = verifySlackSignature(deps.signingSecret, { timestamp, signature, body }, nowMs);
    // A genuine request seen before within its window is a replay: refused like a forgery.
    if (check.ok && !replays.firstUse(signature as string, Number(timestamp), nowMs))
      check = { ok: false, reason: 'replayed request' };
    if (!check.ok) {
      deps.logger.warn(
        { reason: check.reason, path: SLACK_EVENTS_PATH },
        'refused a Slack request that failed verification',
      );
      res.writeHead(401, { 'content-type': 'text/plain' }).end('invalid signature');
      return;
    }
    const payload = parseSlackBody(req.headers['content-type'], body);
    if (!payload) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('unreadable payload');
      return;
    }
    if (payload.type === 'url_verification') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ challenge: typeof payload.challenge === 'string' ? payload.challenge : '' }));
      return;
    }
    await dispatch(app, payload, req, res);
  }

  async function dispatch(
    target: App,
    body: Record<string, unknown>,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    let acked = false;
    const ack = async (response?: unknown): Promise<void> => {
      if (acked) return;
      acked = true;
      clearTimeout(deadline);
      if (response === undefined || response === '') res.writeHead(200).end();
      else if (typeof response === 'string')
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(response);
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(response));
    };
    const deadline = setTimeout(() => {
      deps.logger.warn('no Slack listener acknowledged in time; acknowledged empty');
      void ack();
    }, ACK_DEADLINE_MS);
    const retry = header(req, 'x-slack-retry-num');
    try {
      await target.processEvent({
        body,
        ack,
        ...(retry ? { retryNum: Number(retry), retryReason: header(req, 'x-slack-retry-reason') } : {}),
      });
      await ack();
    } catch (error) {
      deps.logger.error({ err: error }, `Slack request failed: ${errorMessage(error)}`);
      clearTimeout(deadline);
      if (!acked) {
        acked = true;
        res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      }
    }
  }

  return {
    route: { method: 'POST', path: SLACK_EVENTS_PATH, handle },
    init(boltApp: App) {
      app = boltApp;
    },
    async start() {
      return undefined;
    },
    async stop() {
      return undefined;
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isSslCheck(contentType: string | undefined, body: Buffer): boolean {
  if (!(contentType ?? '').startsWith('application/x-www-form-urlencoded') || body.length > 200) return false;
  const form = new URLSearchParams(body.toString('utf8'));
  return form.get('ssl_check') === '1' && !form.has('command') && !form.has('payload');
}
