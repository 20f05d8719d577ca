import { gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFeed } from '../../src/sources/rss/feed-read.js';
import { gzipBomb, rssDocument, startFeedServer, type FeedServer } from '../fakes/feed-server.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterEach(() => server.reset());
afterAll(async () => {
  await server.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await request(server.url(path), { headers });
  const body = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, headers: response.headers, body };
}

describe('the fake feed server', () => {
  it('listens on 127.0.0.1 and serves routes, with 404 for the rest', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    server.route('/a.xml', { body: '<rss/>', headers: { 'x-extra': '1' } });
    const a = await get('/a.xml');
    expect([a.status, a.body.toString(), a.headers['content-type'], a.headers['x-extra']]).toEqual([
      200,
      '<rss/>',
      'application/rss+xml; charset=utf-8',
      '1',
    ]);
    expect((await get('/nope')).status).toBe(404);
  });

  it('records method, path, headers and time of every request', async () => {
    server.route('/r', { body: 'x' });
    const before = Date.now();
    await get('/r?q=1', { 'user-agent': 'probe' });
    expect(server.requests).toEqual([
      {
        method: 'GET',
        path: '/r?q=1',
        headers: expect.objectContaining({ 'user-agent': 'probe' }) as object,
        at: expect.any(Number) as number,
      },
    ]);
    expect(server.requests[0]?.at).toBeGreaterThanOrEqual(before);
    expect(server.requestsTo('/r?q=1')).toHaveLength(1);
  });

  it('answers conditional requests with real 304s', async () => {
    server.route('/c', { body: 'x', etag: '"e1"', lastModified: 'Tue, 17 Feb 2026 10:00:00 GMT' });
    expect((await get('/c', { 'if-none-match': '"e1"' })).status).toBe(304);
    expect((await get('/c', { 'if-none-match': 'W/"e1", "zz"' })).status).toBe(304);
    expect((await get('/c', { 'if-none-match': '"e0"' })).status).toBe(200);
    expect((await get('/c', { 'if-modified-since': 'Tue, 17 Feb 2026 10:00:00 GMT' })).status).toBe(304);
    expect((await get('/c', { 'if-modified-since': 'Tue, 17 Feb 2026 09:59:59 GMT' })).status).toBe(200);
  });

  it('sends statuses with Retry-After and redirects with Location', async () => {
    server.route('/429', { status: 429, retryAfter: 7 }).route('/moved', { redirectTo: '/a', status: 301 });
    const limited = await get('/429');
    expect([limited.status, limited.headers['retry-after']]).toEqual([429, '7']);
    const moved = await get('/moved');
    expect([moved.status, moved.headers.location]).toEqual([301, '/a']);
  });

  it('delays and drips', async () => {
    server.route('/delay', { body: 'x', delayMs: 200 }).route('/drip', { body: 'abc', dripBytesPerSecond: 10 });
    let started = Date.now();
    await get('/delay');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    started = Date.now();
    expect((await get('/drip')).body.toString()).toBe('abc');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('generates big bodies, compressed bodies and gzip bombs', async () => {
    server
      .route('/big', { generatedBytes: 3_000_000 })
      .route('/gz', { body: 'hello', gzip: true })
      .route('/bomb', { gzipBombBytes: 5_000_000 });
    const big = await get('/big');
    expect([big.body.length, big.headers['content-length']]).toEqual([3_000_000, '3000000']);
    const gz = await get('/gz');
    expect([gz.headers['content-encoding'], gunzipSync(gz.body).toString()]).toEqual(['gzip', 'hello']);
    const bomb = await get('/bomb');
    expect(bomb.body.length).toBeLessThan(50_000);
    expect(gunzipSync(bomb.body).length).toBe(5_000_000);
    expect(await gzipBomb(5_000_000)).toBe(await gzipBomb(5_000_000));
  });

  it('cuts a connection mid-body', async () => {
    server.route('/cut', { body: 'x'.repeat(10_000), cutAfterBytes: 10 });
    await expect(get('/cut')).rejects.toThrow();
  });

  it('takes a plain handler for anything else', async () => {
    server.route('/custom', (_req, res) => res.writeHead(418).end('teapot'));
    expect((await get('/custom')).status).toBe(418);
  });
});

describe('rssDocument', () => {
  it('builds an RSS 2.0 feed that reads back, with text escaped', async () => {
    const text = rssDocument({
      items: [
        {
          title: 'A & B <c>',
          link: 'https://e.com/a?x=1&y=2',
          guid: 'g1',
          guidIsPermaLink: false,
          pubDate: new Date('2026-01-02T03:04:05Z'),
          description: '<p>d</p>',
        },
      ],
    });
    expect(text).toContain('<guid isPermaLink="false">g1</guid>');
    const result = await readFeed(text, { baseUrl: 'https://e.com/feed', sourceId: 's', now: new Date('2026-02-01') });
    expect(result.ok && result.items[0]).toMatchObject({
      title: 'A & B <c>',
      link: 'https://e.com/a?x=1&y=2',
      guid: 'g1',
      summary: 'd',
    });
    expect(result.ok && result.items[0]?.publishedAt?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });
});
