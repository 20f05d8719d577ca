import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRoute } from '../chat/platform.js';
import { BanwatchError, errorMessage } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

export interface RunningHttpServer {
  port: number;
  /** The address it listens on. */
  host: string;
  close(): Promise<void>;
}

/**
 * banwatch's one HTTP server: Slack events, Discord interactions and the health and metrics
 * endpoints share PORT. Unknown paths get 404, a known path with another method 405.
 */
export async function startHttpServer(
  port: number,
  routes: readonly HttpRoute[],
  logger: Logger,
  /** Loopback unless the operator says otherwise (HOST): nothing is exposed by accident. */
  host = '127.0.0.1',
): Promise<RunningHttpServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const matching = routes.filter((route) => route.path === path);
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      res
        .writeHead(matching.length ? 405 : 404, { 'content-type': 'text/plain' })
        .end(matching.length ? 'method not allowed' : 'not found');
      return;
    }
    Promise.resolve(route.handle(req, res)).catch((error: unknown) => {
      logger.error({ err: error, path }, `HTTP ${path} failed: ${errorMessage(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenFailure(error, host, port)));
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    host,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What an operator can do about a server that cannot listen: a typed error, not a bug. */
function listenFailure(error: unknown, host: string, port: number): BanwatchError {
  const code = (error as { code?: string }).code;
  const where = `${host}:${port}`;
  const why =
    code === 'EADDRINUSE'
      ? `port ${port} is in use (another banwatch or another program); set PORT to a free one`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EADDRNOTAVAIL'
        ? `HOST "${host}" is not a name or address of this machine; set HOST to one (or leave it unset)`
        : code === 'EACCES'
          ? `port ${port} needs privileges this process has not; set PORT above 1023`
          : errorMessage(error);
  return new BanwatchError('LISTEN_FAILED', `cannot listen on ${where}: ${why}`, { cause: error });
}
