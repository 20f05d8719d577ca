import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typed, type TypedSource } from '../../src/app/build-sources.js';
import { buildWebRoutes } from '../../src/app/build-web.js';
import { loadVendorCatalog } from '../../src/classify/vendor-catalog.js';
import { DEFAULT_VENDORS_FILE, loadConfig } from '../../src/config/load-config.js';
import { deadLetterKey, type OutboxEntry } from '../../src/domain/outbox.js';
import { channelDirectory } from '../../src/pipeline/channel-directory.js';
import { startHttpServer, type RunningHttpServer } from '../../src/runtime/http-server.js';
import { createLogger } from '../../src/shared/logger.js';
import { createRssSource } from '../../src/sources/rss/rss-source.js';
import { openStores, type Stores } from '../../src/store/open-stores.js';
import { mutableClock } from '../support/mutable-clock.js';

/**
 * The /ui routes on the real shared HTTP server over a real SQLite store: nothing is served
 * without UI_TOKEN, pages need a session, actions need its CSRF token, and retry and drop change
 * the store.
 */
const TOKEN = 'routes-test-token-0123456789';
const clock = mutableClock('2026-12-06T12:00:00Z');
const logger = createLogger({ level: 'silent' });
let dir: string;
let stores: Stores;
let withToken: RunningHttpServer;
let without: RunningHttpServer;
/** The sources the pages list; empty but for the paging test. */
let listed: TypedSource[] = [];

const entry = (n: number): OutboxEntry => ({
  key: `ops|alert-${n}`,
  channelId: 'ops',
  payload: { type: 'notice', notice: { id: `alert-${n}`, title: 'Notice', text: `notice ${n}`, createdAt: '' } },
  attempts: 3,
  createdAt: '2026-12-06T11:00:00Z',
  nextAttemptAt: '2026-12-06T11:00:00Z',
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'banwatch-web-routes-'));
  stores = await openStores(`sqlite://${join(dir, 'state.sqlite')}`, clock);
  const deps = {
    stores,
    catalog: loadVendorCatalog(DEFAULT_VENDORS_FILE),
    channels: channelDirectory([], stores.channels),
    sources: () => listed,
    configuredBills: () => [],
    clock,
  };
  withToken = await startHttpServer(0, buildWebRoutes(TOKEN, deps), logger);
  without = await startHttpServer(0, buildWebRoutes(undefined, deps), logger);
});

afterAll(async () => {
  await withToken?.close();
  await without?.close();
  await stores?.close();
  rmSync(dir, { recursive: true, force: true });
});

const url = (server: RunningHttpServer, path: string) => `http://127.0.0.1:${server.port}${path}`;
const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(url(withToken, path), { method: 'POST', body: new URLSearchParams(form), redirect: 'manual', headers });

async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const answer = await post('/ui/sign-in', { token: TOKEN });
  const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const page = await (await fetch(url(withToken, '/ui/dead-letters'), { headers: { cookie } })).text();
  return { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '' };
}

describe('the dashboard routes', () => {
  it('lists sources 200 to a page, with links between the pages', async () => {
    const fetcher = { fetch: () => Promise.reject(new Error('never polled here')) };
    listed = Array.from({ length: 450 }, (_, n) =>
      typed(
        createRssSource(
          { id: `feed-${n}`, url: `https://news${n}.example/feed`, intervalMs: 600_000, backfill: 0 },
          { fetcher, clock },
        ),
        'rss',
      ),
    );
    try {
      const { cookie } = await signIn();
      const get = async (path: string) => (await fetch(url(withToken, path), { headers: { cookie } })).text();
      const rows = (page: string) => [...page.matchAll(/<tr id="source-(feed-\d+)"/g)].map((m) => m[1]);
      const first = await get('/ui/sources');
      expect(rows(first)).toHaveLength(200);
      expect(rows(first)[0]).toBe('feed-0');
      expect(first).toContain('450 sources, 1-200 shown');
      expect(first).toContain('Page 1 of 3');
      expect(first).toContain('href="/ui/sources?page=2" rel="next"');
      const last = await get('/ui/sources?page=3');
      expect(rows(last)).toEqual(Array.from({ length: 50 }, (_, n) => `feed-${400 + n}`));
      expect(last).toContain('href="/ui/sources?page=2" rel="prev"');
      expect(last).not.toContain('rel="next"');
      // A page past the end shows the last one rather than an empty table.
      expect(rows(await get('/ui/sources?page=99'))).toHaveLength(50);
    } finally {
      listed = [];
    }
  });

  it('answers 404 on every /ui path when UI_TOKEN is not set', async () => {
    for (const path of ['/ui', '/ui/', '/ui/sign-in', '/ui/alerts', '/ui/style.css']) {
      expect((await fetch(url(without, path))).status, path).toBe(404);
    }
  });

  it('sends a visitor without a session to the sign-in form, and a wrong token back to it', async () => {
    const page = await fetch(url(withToken, '/ui/alerts'), { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/ui/sign-in');
    expect((await fetch(url(withToken, '/ui/alerts.csv'), { redirect: 'manual' })).status).toBe(303);
    const wrong = await post('/ui/sign-in', { token: 'routes-test-token-012345678X' });
    expect(wrong.headers.get('location')).toBe('/ui/sign-in?failed=1');
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('signs in to a strict HttpOnly cookie, Secure behind an https proxy, and serves pages with a strict CSP', async () => {
    const plain = await post('/ui/sign-in', { token: TOKEN });
    expect(plain.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const proxied = await post('/ui/sign-in', { token: TOKEN }, { 'x-forwarded-proto': 'https' });
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure$/);
    const { cookie } = await signIn();
    const overview = await fetch(url(withToken, '/ui'), { headers: { cookie } });
    expect(overview.status).toBe(200);
    expect(overview.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await overview.text()).toContain('<h1>Overview</h1>');
    expect((await fetch(url(withToken, '/ui/vendor?name=NoSuchVendorAnywhere'), { headers: { cookie } })).status).toBe(
      404,
    );
  });

  it('retries and drops dead letters only with the session and its CSRF token', async () => {
    await stores.outbox.enqueue([entry(1), entry(2)]);
    await stores.outbox.deadLetter(entry(1), 'HTTP 404', '2026-12-06T11:30:00.000Z');
    await stores.outbox.deadLetter(entry(2), 'HTTP 410', '2026-12-06T11:31:00.000Z');
    const [second, first] = await stores.outbox.deadLetters();
    const { cookie, csrf } = await signIn();
    const key = deadLetterKey(first!);
    expect((await post('/ui/dead-letters/retry', { key })).status).toBe(403);
    expect((await post('/ui/dead-letters/retry', { key, csrf: 'forged' }, { cookie })).status).toBe(403);
    expect((await post('/ui/dead-letters/retry', { key, csrf }, {})).status).toBe(403);
    expect(await stores.outbox.counts()).toEqual({ pending: 0, dead: 2 });

    const retried = await post('/ui/dead-letters/retry', { key, csrf }, { cookie });
    expect(retried.headers.get('location')).toBe('/ui/dead-letters?done=retried');
    expect(await stores.outbox.counts()).toEqual({ pending: 1, dead: 1 });
    expect((await stores.outbox.pending())[0]).toMatchObject({ key: 'ops|alert-1', attempts: 0 });
    const again = await post('/ui/dead-letters/retry', { key, csrf }, { cookie });
    expect(again.headers.get('location')).toBe('/ui/dead-letters?done=gone');

    const dropped = await post('/ui/dead-letters/drop', { key: deadLetterKey(second!), csrf }, { cookie });
    expect(dropped.headers.get('location')).toBe('/ui/dead-letters?done=dropped');
    expect(await stores.outbox.counts()).toEqual({ pending: 1, dead: 0 });
  });
});

describe('UI_TOKEN in the config', () => {
  const file = () => {
    const path = join(dir, 'ui.yaml');
    writeFileSync(path, 'sources: []\nchannels: []\n');
    return path;
  };

  it('is read from UI_TOKEN or UI_TOKEN_FILE and masked like every secret', () => {
    const config = loadConfig({ file: file(), env: { UI_TOKEN: TOKEN } });
    expect(config.ui).toEqual({ token: TOKEN });
    expect(config.secrets).toContain(TOKEN);
    const secretFile = join(dir, 'ui-token');
    writeFileSync(secretFile, `${TOKEN}\n`);
    expect(loadConfig({ file: file(), env: { UI_TOKEN_FILE: secretFile } }).ui).toEqual({ token: TOKEN });
    expect(loadConfig({ file: file(), env: {} }).ui).toBeUndefined();
  });

  it('refuses a token shorter than 16 characters', () => {
    expect(() => loadConfig({ file: file(), env: { UI_TOKEN: 'short' } })).toThrow(/UI_TOKEN: expected at least 16/);
  });
});
