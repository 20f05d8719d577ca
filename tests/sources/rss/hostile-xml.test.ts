import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/sources/rss/feed-parse.js';
import { readFeed } from '../../../src/sources/rss/feed-read.js';
import { prepareXml } from '../../../src/sources/rss/xml-prepare.js';
import { rssDocument, startFeedServer, type FeedServer } from '../../fakes/feed-server.js';

const OPTIONS = { baseUrl: 'https://example.com/feed.xml', sourceId: 's', now: new Date('2026-01-01T00:00:00Z') };

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>a &lol9; b</title><guid>1</guid></item>
</channel></rss>`;

let server: FeedServer;
let secretFile: string;
beforeAll(async () => {
  server = await startFeedServer();
  secretFile = join(mkdtempSync(join(tmpdir(), 'banwatch-xxe-')), 'secret.txt');
  writeFileSync(secretFile, 'TOP-SECRET-CONTENT');
});
afterAll(async () => {
  await server.close();
});

describe('what the XML parser itself does (a canary for upgrades of saxes)', () => {
  const parse = (xml: string) => {
    const parser = new SaxesParser({ xmlns: false });
    let text = '';
    parser.on('text', (value) => (text += value));
    parser.write(xml).close();
    return text;
  };

  it('saxes does not expand entities declared in the DTD: it rejects the reference', () => {
    const doc =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "EXPANDED">]><rss version="2.0"><channel><title>t &x; t</title></channel></rss>';
    expect(() => parse(doc)).toThrow(/undefined entity/);
  });

  it('saxes rejects the billion laughs quickly instead of expanding it', () => {
    const started = Date.now();
    expect(() => parse(BILLION_LAUGHS)).toThrow(/undefined entity/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('saxes rejects characters XML forbids, which is why they are replaced before parsing', () => {
    expect(() => parse('<rss><title>a\u0007b</title></rss>')).toThrow(/disallowed character/);
  });
});

describe('banwatch on hostile XML', () => {
  it('never expands the billion laughs: the reference stays literal and the feed still reads', async () => {
    const started = Date.now();
    const result = await readFeed(BILLION_LAUGHS, OPTIONS);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.items[0]?.title).toBe('a &lol9; b');
  });

  it('never expands a quadratic blow-up (one big entity used many times)', async () => {
    const doc =
      `<!DOCTYPE rss [<!ENTITY big "${'x'.repeat(100_000)}">]><rss version="2.0"><channel>` +
      `<item><guid>1</guid><title>${'&big;'.repeat(20_000)}</title></item></channel></rss>`;
    const result = await readFeed(doc, OPTIONS);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.items[0]?.title.length).toBeLessThanOrEqual(300);
      expect(result.items[0]?.title).toMatch(/^&big;&big;/);
    }
  });

  it('never reads a file through an external entity (XXE)', async () => {
    const doc =
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secretFile}">]>` +
      '<rss version="2.0"><channel><title>x</title><item><guid>1</guid><title>leak: &xxe;</title></item></channel></rss>';
    const result = await readFeed(doc, OPTIONS);
    expect(JSON.stringify(result)).not.toContain('TOP-SECRET');
    expect(result.ok && result.items[0]?.title).toBe('leak: &xxe;');
  });

  it('never fetches an external DTD or parameter entity', async () => {
    server.route('/evil.dtd', { body: '<!ENTITY leak "fetched">', contentType: 'application/xml-dtd' });
    const doc =
      `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "${server.url('/evil.dtd')}" [<!ENTITY % p SYSTEM "${server.url('/evil.dtd')}"> %p;]>` +
      '<rss version="2.0"><channel><item><guid>1</guid><title>&leak;</title></item></channel></rss>';
    const result = await readFeed(doc, OPTIONS);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(0);
    expect(result.ok && result.items[0]?.title).toBe('&leak;');
  });

  it('turns forbidden character references into U+FFFD instead of failing', async () => {
    const doc = rssDocument({ items: [{ guid: '1', title: 'PLACEHOLDER' }] }).replace(
      'PLACEHOLDER',
      'a&#0;b&#x1;c&#xD800;d&#x110000;e',
    );
    const result = await readFeed(doc, OPTIONS);
    expect(result.ok && result.items[0]?.title).toBe('a\ufffdb\ufffdc\ufffdd\ufffde');
  });

  it('turns characters XML forbids, written literally, into U+FFFD instead of failing the feed', async () => {
    const doc = rssDocument({ items: [{ guid: '1', title: 'PLACEHOLDER' }] }).replace(
      'PLACEHOLDER',
      'a\u0007b\u001bc\ud800d\uffffe',
    );
    const result = await readFeed(doc, OPTIONS);
    expect(result.ok && result.items[0]?.title).toBe('a\ufffdb\ufffdc\ufffdd\ufffde');
  });

  it('refuses nesting 50,000 elements deep as a parse failure of that feed (issue 20: depth is bounded)', async () => {
    const doc = `<rss version="2.0"><channel><item><guid>1</guid><title>deep${'<b>'.repeat(50_000)}x${'</b>'.repeat(50_000)}</title></item></channel></rss>`;
    const result = await readFeed(doc, OPTIONS);
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'parse', message: 'the feed nests elements more than 100 deep' },
    });
  });

  it('still reads markup nested as deep as real feeds go', async () => {
    const doc = `<rss version="2.0"><channel><item><guid>1</guid><title>deep${'<b>'.repeat(90)}x${'</b>'.repeat(90)}</title></item></channel></rss>`;
    const result = await readFeed(doc, OPTIONS);
    expect(result.ok && result.items.map((item) => item.key)).toHaveLength(1);
  });

  it('stays linear on pathological markup (ampersands, unclosed comments, tag soup)', async () => {
    const started = Date.now();
    prepareXml('&'.repeat(2_000_000));
    prepareXml('<!--'.repeat(200_000));
    prepareXml('<![CDATA['.repeat(200_000));
    const soup = rssDocument({
      items: [{ guid: '1', title: '<a title="'.repeat(20_000), description: '<a '.repeat(100_000) }],
    });
    await readFeed(soup, OPTIONS);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe('size and volume', () => {
  it('reads 10,000 items in one feed, quickly', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      title: `Item ${i}: ministry bans vendor ${i % 50}`,
      link: `https://example.com/news/${i}`,
      guid: `urn:item:${i}`,
      pubDate: new Date(Date.UTC(2025, 0, 1, 0, 0, i)),
      description: `<p>Body of item ${i} with <b>markup</b> &amp; entities.</p>`,
    }));
    const started = Date.now();
    const result = await readFeed(rssDocument({ items }), OPTIONS);
    const elapsed = Date.now() - started;
    expect(result.ok && result.items.length).toBe(10_000);
    if (result.ok)
      expect(result.items[9_999]).toMatchObject({
        title: 'Item 9999: ministry bans vendor 49',
        summary: 'Body of item 9999 with markup & entities.',
      });
    expect(elapsed).toBeLessThan(5_000);
  });

  it('bounds a 100 KB title and a 1 MB description', async () => {
    const result = await readFeed(
      rssDocument({
        items: [{ guid: '1', title: 'word '.repeat(20_000), description: `<p>${'text '.repeat(200_000)}</p>` }],
      }),
      OPTIONS,
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.items[0]?.title.length).toBeLessThanOrEqual(300);
      expect(result.items[0]?.title.endsWith('…')).toBe(true);
      expect(result.items[0]?.summary?.length).toBeLessThanOrEqual(4_000);
    }
  });
});

describe('documents that are not feeds', () => {
  it.each([
    ['an empty body', '', 'empty'],
    ['whitespace', '  \n\t ', 'empty'],
    ['an HTML page', '<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>', 'HTML page'],
    ['an HTML page without doctype', '<html lang="en"><body>nope</body></html>', 'HTML page'],
    ['JSON', '{"version":"https://jsonfeed.org/version/1.1","items":[]}', 'JSON'],
    ['plain text', 'Service temporarily unavailable', 'did not return XML'],
    [
      'another XML document',
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
      'the document is a <svg>',
    ],
    ['malformed XML', '<rss version="2.0"><channel><title>x</titl></channel></rss>', 'not well-formed XML'],
    ['a cut-off feed', '<rss version="2.0"><channel><title>x</title><item><title>y</title>', 'cut off'],
  ])('%s is a parse failure', async (_name, text, words) => {
    const result = await parseFeed(text, OPTIONS.baseUrl);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.kind).toBe('parse');
      expect(result.failure.message).toContain(words);
      expect(result.failure.message).not.toMatch(/\n|at .*\.js/);
    }
  });
});
