/**
 * A server that cannot listen is the operator's to fix (a port in use, a HOST that is not this
 * machine): a typed LISTEN_FAILED error saying which, not an unexpected INTERNAL one.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../src/runtime/http-server.js';
import { BanwatchError } from '../../src/shared/errors.js';
import { silentLogger } from '../../src/shared/logger.js';

describe('the HTTP server cannot listen', () => {
  it('says the port is in use', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const failure = await startHttpServer(port, [], silentLogger()).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(BanwatchError);
      expect(failure).toMatchObject({ code: 'LISTEN_FAILED' });
      expect((failure as Error).message).toContain(`port ${port} is in use`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('says HOST is not this machine', async () => {
    const failure = await startHttpServer(0, [], silentLogger(), 'not..a..host').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'LISTEN_FAILED' });
    expect((failure as Error).message).toContain('HOST "not..a..host" is not a name or address of this machine');
  });
});
