import { mkdtempSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess, type RunningCli } from '../support/run-in-process.js';

/**
 * Finding H: the HTTP server listened on every interface, and `/metrics` had no
 * authentication. Now it binds 127.0.0.1 unless HOST says otherwise (the container sets
 * 0.0.0.0), and METRICS_TOKEN, when set, is required as a bearer token.
 */
const TOKEN = 'metrics-token-0123456789abcdef';
/** An address of this machine that is not loopback: where a neighbour on the network would knock. */
const outward = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && !i.internal && i.family === 'IPv4')?.address;

let run: RunningCli | undefined;
afterEach(async () => {
  await run?.stop();
  run = undefined;
});

async function start(env: Record<string, string>): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-surface-'));
  writeFileSync(join(dir, 'c.yaml'), `store: sqlite://${join(dir, 's.sqlite')}\n`);
  run = runInProcess(['--config', join(dir, 'c.yaml')], { PORT: '0', ...env });
  return run.port();
}

const reach = (host: string, port: number, headers: Record<string, string> = {}) =>
  fetch(`http://${host}:${port}/metrics`, { headers }).then(
    (response) => response.status,
    () => 'unreachable' as const,
  );

describe('H: the HTTP surface', () => {
  it.skipIf(!outward)('listens on loopback only unless HOST says otherwise', async () => {
    const port = await start({});
    expect(await reach('127.0.0.1', port)).toBe(200);
    expect(await reach(outward as string, port)).toBe('unreachable');
    await run?.stop();
    run = undefined;
    const open = await start({ HOST: '0.0.0.0' });
    expect(await reach(outward as string, open)).toBe(200);
  });

  it('answers /metrics only with the bearer token when METRICS_TOKEN is set; /healthz stays open', async () => {
    const port = await start({ METRICS_TOKEN: TOKEN });
    expect(await reach('127.0.0.1', port)).toBe(401);
    expect(await reach('127.0.0.1', port, { authorization: 'Bearer wrong-token-0123456789abc' })).toBe(401);
    expect(await reach('127.0.0.1', port, { authorization: `Bearer ${TOKEN}` })).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(run?.stderr()).not.toContain(TOKEN);
  });
});
