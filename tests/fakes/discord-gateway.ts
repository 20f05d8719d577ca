/**
 * The fake Discord API's gateway (see discord-api.ts): a WebSocket server without a port of its
 * own, upgraded from the API server's /gateway path.
 */
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

export interface FakeGateway {
  /** The IDENTIFY payloads received (intents, token). */
  readonly identifies: Array<{ token?: string; intents?: number }>;
  /** Sends a dispatch event (op 0) to every connected client. */
  dispatch(event: string, data: unknown): void;
  readonly connections: number;
}

/** A message's text: ws hands a text frame over as a Buffer (as Buffer[] or ArrayBuffer only when asked to). */
function messageText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(raw).toString('utf8');
}

/**
 * Just enough of the gateway for discord.js to log in: HELLO, IDENTIFY -> READY (no guilds),
 * heartbeat ACKs, and dispatches the test sends. JSON encoding, no compression.
 */
export function fakeGateway(options: { applicationId?: string }) {
  const server = new WebSocketServer({ noServer: true });
  const clients = new Set<WebSocket>();
  const identifies: Array<{ token?: string; intents?: number }> = [];
  let sequence = 0;
  const sendTo = (ws: WebSocket, packet: object) => ws.send(JSON.stringify(packet));
  server.on('connection', (ws) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    sendTo(ws, { op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null });
    ws.on('message', (raw) => {
      const packet = JSON.parse(messageText(raw)) as { op: number; d?: { token?: string; intents?: number } };
      if (packet.op === 1) sendTo(ws, { op: 11, d: null, s: null, t: null });
      if (packet.op === 2) {
        identifies.push({ token: packet.d?.token, intents: packet.d?.intents });
        sendTo(ws, {
          op: 0,
          t: 'READY',
          s: ++sequence,
          d: {
            v: 10,
            user: {
              id: options.applicationId ?? '100000000000000001',
              username: 'banwatch',
              discriminator: '0',
              global_name: null,
              avatar: null,
              bot: true,
            },
            guilds: [],
            session_id: 'fake-session',
            resume_gateway_url: 'ws://127.0.0.1:1',
            shard: [0, 1],
            application: { id: options.applicationId ?? '100000000000000001', flags: 0 },
          },
        });
      }
    });
  });
  return {
    server,
    api: {
      identifies,
      dispatch(event: string, data: unknown) {
        for (const ws of clients) sendTo(ws, { op: 0, t: event, s: ++sequence, d: data });
      },
      get connections() {
        return clients.size;
      },
    } satisfies FakeGateway,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of clients) ws.terminate();
        server.close(() => resolve());
      }),
  };
}
