/**
 * A local WebSocket server (ws, 127.0.0.1, port 0) that plays Slack's Socket Mode endpoint:
 * it greets each connection with `hello`, delivers envelopes, and records the acks the app
 * sends back (`{ envelope_id, payload }`). Point the fake Web API's apps.connections.open at
 * it with `slack.socketUrl = sockets.url`.
 *
 *   const ack = await sockets.deliver('slash_commands', { command: '/banwatch', text: 'help', ... });
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
  /** Milliseconds from sending the envelope to receiving its ack. */
  ms: number;
}

export interface FakeSocketServer {
  /** `ws://127.0.0.1:PORT/link?ticket=...` */
  readonly url: string;
  /** How many connections were opened so far. */
  readonly connections: number;
  /** Every message the app sent, parsed. */
  readonly received: Array<Record<string, unknown>>;
  /** Resolves once an app is connected (and greeted). */
  connected(timeoutMs?: number): Promise<void>;
  /** Sends an envelope of `type` and resolves with its ack. */
  deliver(type: string, payload: Record<string, unknown>, timeoutMs?: number): Promise<SocketAck>;
  close(): Promise<void>;
}

/** A message's text: ws hands a text frame over as a Buffer (as Buffer[] or ArrayBuffer only when asked to). */
function messageText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(raw).toString('utf8');
}

export async function startFakeSocketServer(): Promise<FakeSocketServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const received: Array<Record<string, unknown>> = [];
  const pending = new Map<string, (message: Record<string, unknown>) => void>();
  const onConnect = new Set<() => void>();
  let socket: WebSocket | undefined;
  let connections = 0;

  server.on('connection', (ws) => {
    connections += 1;
    socket = ws;
    ws.on('message', (data) => {
      const message = JSON.parse(messageText(data)) as Record<string, unknown>;
      received.push(message);
      const waiter = pending.get(String(message.envelope_id));
      if (waiter) waiter(message);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0TEST' },
      }),
    );
    for (const waiter of [...onConnect]) waiter();
  });

  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}/link?ticket=fake-ticket`,
    get connections() {
      return connections;
    },
    received,
    connected(timeoutMs = 10_000) {
      if (socket && socket.readyState === socket.OPEN) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no Socket Mode connection')), timeoutMs);
        const done = () => {
          clearTimeout(timer);
          onConnect.delete(done);
          resolve();
        };
        onConnect.add(done);
      });
    },
    deliver(type, payload, timeoutMs = 5_000) {
      if (!socket || socket.readyState !== socket.OPEN) return Promise.reject(new Error('no app connected'));
      const envelopeId = randomUUID();
      const started = performance.now();
      const acked = new Promise<SocketAck>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(envelopeId);
          reject(new Error(`no ack for ${type} envelope within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(envelopeId, (message) => {
          clearTimeout(timer);
          pending.delete(envelopeId);
          resolve({
            envelope_id: envelopeId,
            payload: message.payload as Record<string, unknown> | undefined,
            ms: performance.now() - started,
          });
        });
      });
      socket.send(
        JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type === 'slash_commands' }),
      );
      return acked;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
