import { SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Clock } from '../../domain/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { HttpRoute } from '../platform.js';
import { boltLogger } from './bolt-logger.js';
import { slackClientOptions } from './slack-client.js';
import { createSlackHttpReceiver } from './slack-http-receiver.js';

/** How long stop() waits for Slack to finish closing the socket. */
const DISCONNECT_WAIT_MS = 5_000;

export interface SlackConnectionSettings {
  appToken?: string;
  signingSecret?: string;
  apiUrl?: string;
}

export interface SlackConnection {
  mode: 'socket' | 'http';
  /** What Bolt receives events through. */
  receiver: Receiver;
  /** POST /slack/events in HTTP mode; none in Socket Mode. */
  routes: HttpRoute[];
  /** Closes the connection (Socket Mode); waits at most a few seconds. */
  close(): Promise<void>;
}

/**
 * How Slack reaches banwatch. With an app-level token: Socket Mode, an outgoing WebSocket
 * (Bolt's SocketModeReceiver; the URL comes from apps.connections.open, so SLACK_API_URL applies
 * to it too), no public URL needed. Otherwise HTTP: signed requests to /slack/events on
 * banwatch's own server.
 */
export function createSlackConnection(
  settings: SlackConnectionSettings,
  deps: { clock: Clock; logger: Logger },
): SlackConnection {
  if (settings.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: settings.appToken,
      logger: boltLogger(deps.logger, 'slack-socket-mode'),
      installerOptions: { clientOptions: slackClientOptions(settings.apiUrl, deps.logger) },
    });
    return {
      mode: 'socket',
      receiver,
      routes: [],
      async close() {
        let timer: NodeJS.Timeout | undefined;
        const waited = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, DISCONNECT_WAIT_MS);
          timer.unref();
        });
        await Promise.race([receiver.client.disconnect(), waited]);
        clearTimeout(timer);
      },
    };
  }
  if (!settings.signingSecret)
    throw new Error('Slack HTTP mode needs a signing secret (or an app token for Socket Mode)');
  const receiver = createSlackHttpReceiver({
    signingSecret: settings.signingSecret,
    clock: deps.clock,
    logger: deps.logger,
  });
  return { mode: 'http', receiver, routes: [receiver.route], close: async () => undefined };
}
