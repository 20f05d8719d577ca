import { afterAll, describe, expect, it } from 'vitest';
import { readFeedBytes } from '../../../src/sources/rss/feed-read.js';
import { createFeedReaderPool, defaultParserThreads } from '../../../src/sources/rss/feed-reader-pool.js';
import { rssDocument } from '../../fakes/feed-server.js';

const OPTIONS = { baseUrl: 'https://example.com/feed.xml', sourceId: 's', now: new Date('2026-01-01T00:00:00Z') };
const pool = createFeedReaderPool(2);
afterAll(() => pool.close());

const latin1 = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));

describe('feed reader pool', () => {
  it('reads bodies in worker threads exactly as in this thread, decoding by the Content-Type there', async () => {
    const utf8 = Buffer.from(
      rssDocument({
        items: [{ guid: '1', title: 'Huawei bannie du réseau 5G — « risque »', link: 'https://example.com/a' }],
      }),
    );
    const isoText = rssDocument({
      items: [{ guid: '2', title: 'Prohibición de cámaras Hikvision', link: 'https://example.com/b' }],
    });
    const cases: Array<[Uint8Array, string | undefined]> = [
      [utf8, 'application/rss+xml; charset=utf-8'],
      [latin1(isoText), 'text/xml; charset=iso-8859-1'],
    ];
    for (const [body, contentType] of cases) {
      const here = await readFeedBytes(new Uint8Array(body), contentType, OPTIONS);
      const there = await pool.readBytes(new Uint8Array(body), contentType, OPTIONS);
      expect(there).toEqual(here);
      expect(there.ok && there.items[0]?.title).toMatch(/réseau|Prohibición/);
    }
  });

  it('moves a body that owns its memory to the worker, and copies one that shares a buffer', async () => {
    const owned = new Uint8Array(Buffer.from(rssDocument({ items: [{ guid: '1', title: 'a' }] })));
    await pool.readBytes(owned, undefined, OPTIONS);
    expect(owned.byteLength).toBe(0);

    const shared = new Uint8Array(64 * 1024);
    const text = Buffer.from(rssDocument({ items: [{ guid: '1', title: 'b' }] }));
    shared.set(text, 100);
    const slice = shared.subarray(100, 100 + text.byteLength);
    const result = await pool.readBytes(slice, undefined, OPTIONS);
    expect(result.ok && result.items[0]?.title).toBe('b');
    expect(shared.byteLength).toBe(64 * 1024);
    expect(Buffer.from(slice).toString()).toBe(text.toString());
  });

  it('answers a bad body with a parse failure from the worker', async () => {
    const result = await pool.readBytes(Buffer.from('<html><body>not a feed</body></html>'), 'text/html', OPTIONS);
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'parse', message: 'the address returned an HTML page, not a feed' },
    });
  });

  it('fails what is still queued when closed, and refuses new work', async () => {
    const other = createFeedReaderPool(1);
    const body = () =>
      Buffer.from(rssDocument({ items: Array.from({ length: 500 }, (_, i) => ({ guid: String(i), title: `t${i}` })) }));
    const pending = Array.from({ length: 5 }, () => other.readBytes(body(), undefined, OPTIONS));
    await other.close();
    const results = await Promise.all(pending);
    expect(results.some((r) => !r.ok && r.failure.message === 'banwatch is stopping')).toBe(true);
    expect(await other.readBytes(body(), undefined, OPTIONS)).toEqual({
      ok: false,
      failure: { kind: 'parse', message: 'the feed parser pool is closed' },
    });
  });

  it('leaves the main thread a core of its own by default, with one to four parser threads', () => {
    expect([1, 2, 3, 4, 8, 64].map((cores) => defaultParserThreads(cores))).toEqual([1, 1, 2, 3, 4, 4]);
  });
});
