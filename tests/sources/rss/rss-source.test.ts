import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/domain/clock.js';
import type { PollResult } from '../../../src/domain/source.js';
import { createFeedFetcher, type FeedFetcher } from '../../../src/shared/http/feed-fetcher.js';
import { readFeed, type FeedReader } from '../../../src/sources/rss/feed-read.js';
import { createRssSource, type RssSourceDefinition } from '../../../src/sources/rss/rss-source.js';
import { rssDocument, startFeedServer, type FeedServer } from '../../fakes/feed-server.js';

const clock: Clock = { now: () => new Date('2026-02-18T12:00:00Z') };
let server: FeedServer;
let fetcher: FeedFetcher;

/** readFeed, counting its calls: a 304 must not reach it. */
function countingReader(): { read: FeedReader; calls: () => number } {
  let calls = 0;
  return {
    read: (text, options) => {
      calls += 1;
      return readFeed(text, options);
    },
    calls: () => calls,
  };
}

function source(path: string, extra: Partial<RssSourceDefinition> = {}, read?: FeedReader) {
  return createRssSource(
    { id: 'feed-1', url: server.url(path), intervalMs: 600_000, backfill: 0, ...extra },
    { fetcher, clock, ...(read ? { read } : {}) },
  );
}

function okItems(result: PollResult) {
  if (!result.ok) throw new Error(`poll failed: ${result.failure.kind} ${result.failure.message}`);
  return result;
}

const doc = rssDocument({
  title: 'Gov feed',
  items: [
    {
      title: 'FCC adds Hikvision to the Covered List',
      link: 'https://example.com/a',
      guid: 'a',
      pubDate: new Date('2026-02-17T10:00:00Z'),
      description: '<p>The <b>FCC</b> acted.</p>',
    },
    { title: 'Relative link item', link: '/news/b?utm_source=rss', pubDate: 'Tue, 17 Feb 2026 09:00:00 GMT' },
  ],
});

beforeAll(async () => {
  server = await startFeedServer();
  fetcher = createFeedFetcher({ timeoutMs: 2_000 });
});
afterEach(() => server.reset());
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

describe('createRssSource', () => {
  it('exposes its definition, with the host as default name', () => {
    const s = createRssSource(
      { id: 'x', url: 'https://www.Example.com/feed', intervalMs: 5, backfill: 3 },
      { fetcher, clock },
    );
    expect({ id: s.id, name: s.name, intervalMs: s.intervalMs, backfill: s.backfill }).toEqual({
      id: 'x',
      name: 'example.com',
      intervalMs: 5,
      backfill: 3,
    });
    expect(
      createRssSource({ id: 'x', url: 'https://e.com/', intervalMs: 5, backfill: 0, name: 'Named' }, { fetcher, clock })
        .name,
    ).toBe('Named');
  });

  it('polls Items and keeps the validators and the item keys as the cursor', async () => {
    server.route('/feed.xml', { body: doc, etag: '"v1"', lastModified: 'Tue, 17 Feb 2026 10:00:00 GMT' });
    const result = okItems(await source('/feed.xml').poll(undefined));
    expect(result.cursor).toEqual({
      etag: '"v1"',
      lastModified: 'Tue, 17 Feb 2026 10:00:00 GMT',
      seen: result.items.map((item) => item.key),
    });
    expect(result.notModified).toBeUndefined();
    expect(result.items).toHaveLength(2);
    expect(result.items[0]).toMatchObject({
      sourceId: 'feed-1',
      title: 'FCC adds Hikvision to the Covered List',
      summary: 'The FCC acted.',
      guid: 'a',
      kind: 'news',
    });
    expect(result.items[0]?.publishedAt?.toISOString()).toBe('2026-02-17T10:00:00.000Z');
    expect(result.items[1]?.link).toBe(server.url('/news/b?utm_source=rss'));
  });

  it('sends the cursor as a conditional GET and does not parse a 304', async () => {
    server.route('/feed.xml', { body: doc, etag: '"v1"' });
    const reader = countingReader();
    const s = source('/feed.xml', {}, reader.read);
    const first = okItems(await s.poll(undefined));
    const second = okItems(await s.poll(first.cursor));
    expect(second).toEqual({ ok: true, items: [], cursor: first.cursor, notModified: true });
    expect(reader.calls()).toBe(1);
    expect(server.requestsTo('/feed.xml')[1]?.headers['if-none-match']).toBe('"v1"');
  });

  it('reads the feed again when it changed', async () => {
    server.route('/feed.xml', { body: doc, etag: '"v2"' });
    const result = okItems(await source('/feed.xml').poll({ etag: '"v1"' }));
    expect(result.items).toHaveLength(2);
    expect(result.cursor).toMatchObject({ etag: '"v2"' });
  });

  it('does not return again the items its cursor says were handed over', async () => {
    server.route('/feed.xml', { body: doc, etag: '"v1"' });
    const s = source('/feed.xml');
    const first = okItems(await s.poll(undefined));
    server.route('/feed.xml', {
      body: rssDocument({
        items: [
          { title: 'Dahua added to the Entity List', guid: 'c' },
          { title: 'FCC adds Hikvision to the Covered List', link: 'https://example.com/a', guid: 'a' },
          { title: 'Relative link item', link: '/news/b?utm_source=rss' },
        ],
      }),
      etag: '"v2"',
    });
    const second = okItems(await s.poll(first.cursor));
    expect(second.items.map((item) => item.title)).toEqual(['Dahua added to the Entity List']);
    expect(second.cursor).toEqual({ etag: '"v2"', seen: [second.items[0]?.key, ...(first.cursor.seen as string[])] });
    // Without a cursor (a probe, a lost feed state) every item comes back.
    expect(okItems(await s.poll(undefined)).items).toHaveLength(3);
  });

  it('keeps the remembered keys when a 304 or a failure answers', async () => {
    server.route('/feed.xml', { status: 503 });
    const cursor = { etag: '"v1"', seen: ['g:0000000000000001'] };
    expect(await source('/feed.xml').poll(cursor)).toMatchObject({ ok: false, cursor });
  });

  it('ignores a cursor of the wrong shape', async () => {
    server.route('/feed.xml', { body: doc });
    const keys = okItems(await source('/feed.xml').poll(undefined)).items.map((item) => item.key);
    const result = okItems(await source('/feed.xml').poll({ etag: 5, lastModified: null, seen: [...keys, 7] }));
    expect(server.requestsTo('/feed.xml')[1]?.headers['if-none-match']).toBeUndefined();
    expect(result.items).toHaveLength(2);
  });

  it.each([
    [
      'an HTML page',
      { body: '<!doctype html><html><body>Welcome</body></html>', contentType: 'text/html' },
      'HTML page',
    ],
    ['an empty 200', { body: '' }, 'empty'],
    // Malformed feeds are read leniently (tests/security/malformed-feeds.test.ts); these hold nothing to recover.
    ['malformed XML', { body: '<rss version="2.0"><channel><title>x</titl></channel></rss>' }, 'not well-formed'],
    ['a cut-off feed', { body: doc.slice(0, doc.indexOf('<item>')) }, 'cut off'],
    ['something that is not a feed', { body: '<?xml version="1.0"?><note>hi</note>' }, '<note>'],
  ])('reports %s as a parse failure and keeps the old cursor', async (_name, route, words) => {
    server.route('/bad.xml', route);
    const result = await source('/bad.xml').poll({ etag: '"old"' });
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'parse', message: expect.stringContaining(words) as string },
      cursor: { etag: '"old"' },
    });
  });

  it('passes fetch failures through with their kind and Retry-After', async () => {
    server.route('/limited.xml', { status: 429, retryAfter: 30 }).route('/broken.xml', { status: 502 });
    expect(await source('/limited.xml').poll(undefined)).toMatchObject({
      ok: false,
      failure: { kind: 'http-429', retryAfterMs: 30_000 },
      cursor: {},
    });
    expect(await source('/broken.xml').poll(undefined)).toMatchObject({ ok: false, failure: { kind: 'http-5xx' } });
  });

  it('resolves relative links against the URL after redirects', async () => {
    server.route('/old', { redirectTo: '/moved/feed.xml', status: 301 });
    server.route('/moved/feed.xml', { body: rssDocument({ items: [{ title: 't', link: 'story.html' }] }) });
    const result = okItems(await source('/old').poll(undefined));
    expect(result.items[0]?.link).toBe(server.url('/moved/story.html'));
  });

  it('decodes with the charset from Content-Type and undoes gzip', async () => {
    const prefix = Buffer.from('<rss version="2.0"><channel><item><guid>1</guid><title>');
    const cyrillic = Buffer.from([0xc7, 0xe0, 0xef, 0xf0, 0xe5, 0xf2]);
    const suffix = Buffer.from('</title></item></channel></rss>');
    server.route('/ru.xml', {
      body: Buffer.concat([prefix, cyrillic, suffix]),
      contentType: 'text/xml; charset=windows-1251',
      gzip: true,
    });
    expect(okItems(await source('/ru.xml').poll(undefined)).items[0]?.title).toBe('Запрет');
  });

  it('never throws, even when its collaborators do', async () => {
    const throwing = createRssSource(
      { id: 'x', url: 'https://e.com/', intervalMs: 1, backfill: 0 },
      { fetcher: { fetch: () => Promise.reject(new Error('boom')) }, clock },
    );
    expect(await throwing.poll({ etag: '"e"' })).toEqual({
      ok: false,
      failure: { kind: 'parse', message: 'unexpected error: boom' },
      cursor: { etag: '"e"' },
    });
  });

  it('stops when the caller aborts', async () => {
    server.route('/slow.xml', { body: doc, delayMs: 3_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await source('/slow.xml').poll(undefined, controller.signal);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network', message: 'the fetch was cancelled' } });
  });
});
