import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFeedFetcher, type FeedFetcher, type FetchOutcome } from '../../../src/shared/http/feed-fetcher.js';
import { startFeedServer, type FeedServer } from '../../fakes/feed-server.js';

let server: FeedServer;
const fetchers: FeedFetcher[] = [];

function fetcher(options: Parameters<typeof createFeedFetcher>[0] = {}): FeedFetcher {
  const f = createFeedFetcher(options);
  fetchers.push(f);
  return f;
}

function failureOf(outcome: FetchOutcome) {
  if (outcome.ok) throw new Error(`expected a failure, got HTTP ${outcome.status}`);
  return outcome.failure;
}

function bodyOf(outcome: FetchOutcome) {
  if (!outcome.ok || outcome.notModified) throw new Error(`expected a body, got ${JSON.stringify(outcome)}`);
  return outcome;
}

beforeAll(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  server.reset();
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
});
afterAll(async () => {
  await server.close();
});

describe('a plain fetch', () => {
  it('returns the body with its validators and names banwatch in the User-Agent', async () => {
    server.route('/a.xml', { body: '<rss/>', etag: '"v1"', lastModified: 'Wed, 21 Oct 2015 07:28:00 GMT' });
    const out = bodyOf(await fetcher().fetch(server.url('/a.xml')));
    expect(out.body.toString()).toBe('<rss/>');
    expect(out.status).toBe(200);
    expect(out.etag).toBe('"v1"');
    expect(out.lastModified).toBe('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(out.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(out.finalUrl).toBe(server.url('/a.xml'));
    const sent = server.requestsTo('/a.xml')[0]?.headers;
    expect(sent?.['user-agent']).toMatch(/^banwatch\/0\.1 /);
    expect(sent?.['accept-encoding']).toContain('gzip');
    expect(sent?.['if-none-match']).toBeUndefined();
  });

  it('undoes gzip, deflate and br', async () => {
    const body = '<rss version="2.0"><channel><title>ü</title></channel></rss>';
    for (const encoding of ['gzip', 'deflate', 'br'] as const) {
      server.route(`/${encoding}.xml`, { body, encoding });
      const out = bodyOf(await fetcher().fetch(server.url(`/${encoding}.xml`)));
      expect(out.body.toString('utf8')).toBe(body);
    }
  });
});

describe('conditional GET', () => {
  it('sends If-None-Match and gets a 304 without a body', async () => {
    server.route('/c.xml', { body: '<rss/>', etag: '"abc"' });
    const f = fetcher();
    const first = bodyOf(await f.fetch(server.url('/c.xml')));
    const second = await f.fetch(server.url('/c.xml'), { etag: first.etag });
    expect(second).toEqual({ ok: true, notModified: true, status: 304, finalUrl: server.url('/c.xml') });
    expect(server.requestsTo('/c.xml')[1]?.headers['if-none-match']).toBe('"abc"');
  });

  it('sends If-Modified-Since and gets a 304', async () => {
    const lastModified = 'Wed, 21 Oct 2015 07:28:00 GMT';
    server.route('/m.xml', { body: '<rss/>', lastModified });
    const out = await fetcher().fetch(server.url('/m.xml'), { lastModified });
    expect(out.ok && out.notModified).toBe(true);
    expect(server.requestsTo('/m.xml')[0]?.headers['if-modified-since']).toBe(lastModified);
  });

  it('gets the full body when the validator no longer matches', async () => {
    server.route('/n.xml', { body: '<rss>new</rss>', etag: '"v2"' });
    const out = bodyOf(await fetcher().fetch(server.url('/n.xml'), { etag: '"v1"' }));
    expect(out.body.toString()).toBe('<rss>new</rss>');
    expect(out.etag).toBe('"v2"');
  });
});

describe('status codes', () => {
  it('turns 429 with Retry-After seconds into http-429 with retryAfterMs', async () => {
    server.route('/r.xml', { status: 429, retryAfter: 120 });
    const failure = failureOf(await fetcher().fetch(server.url('/r.xml')));
    expect(failure).toMatchObject({ kind: 'http-429', retryAfterMs: 120_000 });
  });

  it('reads an HTTP-date Retry-After against the injected clock', async () => {
    const now = new Date('2025-01-01T00:00:00Z');
    server.route('/d.xml', { status: 503, retryAfter: 'Wed, 01 Jan 2025 00:05:00 GMT' });
    const failure = failureOf(await fetcher({ clock: { now: () => now } }).fetch(server.url('/d.xml')));
    expect(failure).toMatchObject({ kind: 'http-5xx', retryAfterMs: 300_000 });
  });

  it('classifies 500, 404 and 403', async () => {
    server.route('/500', { status: 500, body: 'oops' }).route('/403', { status: 403 });
    const f = fetcher();
    expect(failureOf(await f.fetch(server.url('/500')))).toEqual({
      kind: 'http-5xx',
      message: 'server error (HTTP 500)',
    });
    expect(failureOf(await f.fetch(server.url('/missing'))).kind).toBe('http-4xx');
    expect(failureOf(await f.fetch(server.url('/403'))).message).toContain('403');
  });
});

describe('deadline', () => {
  it('ends a server that never answers as timeout', async () => {
    server.route('/slow', { delayMs: 5_000, body: '<rss/>' });
    const started = Date.now();
    const failure = failureOf(await fetcher({ timeoutMs: 300 }).fetch(server.url('/slow')));
    expect(failure.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('ends a one-byte-a-second drip as timeout: the deadline covers the body', async () => {
    server.route('/drip', { body: '<rss>' + 'x'.repeat(100) + '</rss>', dripBytesPerSecond: 1 });
    const started = Date.now();
    const failure = failureOf(await fetcher({ timeoutMs: 1_200 }).fetch(server.url('/drip')));
    expect(failure.kind).toBe('timeout');
    expect(failure.message).toContain('1.2 s');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('reports a cancelled fetch without throwing', async () => {
    server.route('/slow2', { delayMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const failure = failureOf(await fetcher().fetch(server.url('/slow2'), { signal: controller.signal }));
    expect(failure).toEqual({ kind: 'network', message: 'the fetch was cancelled' });
  });
});

describe('size cap', () => {
  const cap = 1024 * 1024;

  it('stops at an announced Content-Length above the cap', async () => {
    server.route('/big', { generatedBytes: 50 * cap });
    const failure = failureOf(await fetcher({ maxBytes: cap }).fetch(server.url('/big')));
    expect(failure.kind).toBe('too-large');
    expect(failure.message).toContain('announced 50 MiB');
  });

  it('counts bytes when no length is announced', async () => {
    server.route('/chunked', { generatedBytes: 3 * cap, announceLength: false });
    const failure = failureOf(await fetcher({ maxBytes: cap }).fetch(server.url('/chunked')));
    expect(failure).toEqual({ kind: 'too-large', message: 'the feed is larger than 1 MiB' });
  });

  it('accepts a body exactly at the cap', async () => {
    server.route('/exact', { generatedBytes: cap, announceLength: false });
    expect(bodyOf(await fetcher({ maxBytes: cap }).fetch(server.url('/exact'))).body.length).toBe(cap);
  });

  it('counts the decompressed bytes: a gzip bomb ends as too-large', async () => {
    server.route('/bomb', { gzipBombBytes: 512 * cap });
    const before = process.memoryUsage().arrayBuffers;
    const started = Date.now();
    const failure = failureOf(await fetcher({ maxBytes: cap }).fetch(server.url('/bomb')));
    expect(failure.kind).toBe('too-large');
    expect(failure.message).toContain('after decompression');
    expect(Date.now() - started).toBeLessThan(5_000);
    // 512 MiB inflated would show here; the reader keeps at most the cap and one zlib chunk.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * cap);
  });

  it('also stops a compressed body whose text is over the cap', async () => {
    server.route('/gz', { body: 'a'.repeat(2 * cap), gzip: true });
    expect(failureOf(await fetcher({ maxBytes: cap }).fetch(server.url('/gz'))).kind).toBe('too-large');
  });

  it('reports a corrupt gzip body and an unknown coding as parse failures', async () => {
    server.route('/corrupt', { body: Buffer.from('this is not gzip'), headers: { 'content-encoding': 'gzip' } });
    server.route('/zstd', { body: gzipSync('x'), headers: { 'content-encoding': 'zstd' } });
    const f = fetcher();
    expect(failureOf(await f.fetch(server.url('/corrupt'))).kind).toBe('parse');
    expect(failureOf(await f.fetch(server.url('/zstd')))).toMatchObject({
      kind: 'parse',
      message: expect.stringContaining('zstd') as string,
    });
  });
});

describe('redirects', () => {
  function chain(length: number, prefix: string): void {
    for (let i = 0; i < length; i++)
      server.route(`/${prefix}${i}`, { redirectTo: `/${prefix}${i + 1}`, status: i % 2 ? 301 : 302 });
    server.route(`/${prefix}${length}`, { body: '<rss>end</rss>' });
  }

  it('follows five redirects and reports the final URL', async () => {
    chain(5, 'ok');
    const out = bodyOf(await fetcher().fetch(server.url('/ok0')));
    expect(out.body.toString()).toBe('<rss>end</rss>');
    expect(out.finalUrl).toBe(server.url('/ok5'));
  });

  it('refuses a sixth redirect', async () => {
    chain(6, 'long');
    const failure = failureOf(await fetcher().fetch(server.url('/long0')));
    expect(failure).toMatchObject({
      kind: 'network',
      message: expect.stringContaining('too many redirects') as string,
    });
    expect(server.requestsTo('/long6')).toHaveLength(0);
  });

  it('stops a loop at the first repeated URL', async () => {
    server.route('/a', { redirectTo: '/b' }).route('/b', { redirectTo: server.url('/a') });
    const failure = failureOf(await fetcher().fetch(server.url('/a')));
    expect(failure).toMatchObject({ kind: 'network', message: expect.stringContaining('redirect loop') as string });
    expect(server.requests).toHaveLength(2);
  });

  it('refuses a redirect to a scheme other than http(s)', async () => {
    server.route('/file', { redirectTo: 'file:///etc/passwd' });
    expect(failureOf(await fetcher().fetch(server.url('/file'))).kind).toBe('blocked');
  });

  it('keeps the conditional headers on every hop', async () => {
    server.route('/cond', { redirectTo: '/cond2' }).route('/cond2', { body: 'x', etag: '"e"' });
    const out = await fetcher().fetch(server.url('/cond'), { etag: '"e"' });
    expect(out.ok && out.notModified).toBe(true);
  });
});

describe('URLs and connections', () => {
  it('rejects what is not an http(s) URL as config', async () => {
    const f = fetcher();
    expect(failureOf(await f.fetch('ftp://example.com/feed')).kind).toBe('config');
    expect(failureOf(await f.fetch('not a url')).kind).toBe('config');
  });

  it('reports a refused connection and a cut connection as network', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const f = fetcher();
    expect(failureOf(await f.fetch(`http://127.0.0.1:${port}/`))).toMatchObject({
      kind: 'network',
      message: expect.stringContaining('refused') as string,
    });
    server.route('/cut', { body: 'x'.repeat(10_000), cutAfterBytes: 100 });
    expect(failureOf(await f.fetch(server.url('/cut'))).kind).toBe('network');
  });
});
