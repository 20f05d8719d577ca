/**
 * The bench's feed publisher, run as a child process (see feed-host-client.ts): in production
 * the feeds are on other machines, so serving them must cost the measured process neither
 * event-loop time nor memory. It serves bench-feeds.ts documents through the tests' fake feed
 * server (real ETags and 304s) and answers commands over the IPC channel.
 */
import { startFeedServer } from '../tests/fakes/feed-server.js';
import { feedBody, feedEtag, feedPath } from './bench-feeds.js';

export type HostCommand =
  | { id: number; cmd: 'publish'; feeds: number; version: number }
  | { id: number; cmd: 'stats' }
  | { id: number; cmd: 'close' };

export interface HostStats {
  requests: number;
  /** Requests answered with a full body (no matching If-None-Match). */
  full: number;
  distinctPaths: number;
  firstAt?: number;
  lastAt?: number;
  /** CPU seconds this host spent since the last publish: serving is not free on a 2-core machine. */
  cpuSeconds: number;
}

const server = await startFeedServer();
const etags = new Map<string, string>();
let cpuAtPublish = process.cpuUsage();
let published = { version: -1, feeds: 0, bytes: 0 };

function stats(): HostStats {
  const requests = server.requests;
  const full = requests.filter((r) => r.headers['if-none-match'] !== etags.get(r.path)).length;
  return {
    requests: requests.length,
    full,
    distinctPaths: new Set(requests.map((r) => r.path)).size,
    cpuSeconds: (({ user, system }) => Math.round((user + system) / 1e4) / 100)(process.cpuUsage(cpuAtPublish)),
    ...(requests.length ? { firstAt: requests[0]?.at, lastAt: requests.at(-1)?.at } : {}),
  };
}

function answer(id: number, value: unknown): void {
  process.send?.({ id, value });
}

process.on('message', (message: HostCommand) => {
  if (message.cmd === 'publish') {
    // The stats describe one cycle: counting starts again with each publish. The same version
    // again keeps the very same bodies and ETags.
    server.requests.length = 0;
    if (message.version !== published.version || message.feeds !== published.feeds) {
      published = { version: message.version, feeds: message.feeds, bytes: 0 };
      const now = Date.now();
      for (let feed = 0; feed < message.feeds; feed++) {
        const body = feedBody(feed, message.version, now);
        published.bytes += Buffer.byteLength(body);
        etags.set(feedPath(feed), feedEtag(feed, message.version));
        server.route(feedPath(feed), { body, etag: feedEtag(feed, message.version) });
      }
    }
    const { bytes } = published;
    cpuAtPublish = process.cpuUsage();
    answer(message.id, { bytes, averageBytes: Math.round(bytes / Math.max(1, message.feeds)) });
  } else if (message.cmd === 'stats') {
    answer(message.id, stats());
  } else {
    void server.close().then(() => {
      answer(message.id, true);
      process.disconnect?.();
    });
  }
});

process.on('disconnect', () => void server.close().finally(() => process.exit(0)));
answer(0, { origin: server.origin });
