import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_OPML_FEEDS, readOpml } from '../../../src/sources/opml/opml-read.js';
import { writeOpml } from '../../../src/sources/opml/opml-write.js';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'opml', name), 'utf8');

describe('readOpml', () => {
  it('reads every feed of a real export, through nested folders', async () => {
    const result = await readOpml(fixture('all-govinfo-feeds.opml'));
    if (!result.ok) throw new Error(result.message);
    expect(result.feeds).toHaveLength(151);
    expect(result.title).toMatch(/^All available RSS feeds for govinfo/);
    const bills = result.feeds.find((f) => f.url === 'https://www.govinfo.gov/rss/bills.xml');
    expect(bills).toEqual({
      url: 'https://www.govinfo.gov/rss/bills.xml',
      title: 'Congressional Bills - New items on govinfo',
      folders: ['Bills and Statutes'],
    });
  });

  it('accepts outlines without type and with odd attribute case', async () => {
    const text =
      '<opml version="1.0"><body><outline title="A"><outline title="B"><outline text="Deep" XMLURL="https://x.org/deep.xml"/></outline></outline><outline text="folder only"/></body></opml>';
    const result = await readOpml(text);
    expect(result).toEqual({
      ok: true,
      title: undefined,
      feeds: [{ url: 'https://x.org/deep.xml', title: 'Deep', folders: ['A', 'B'] }],
      beyondLimit: 0,
    });
  });

  it('reads up to its limit and counts the feeds past it rather than dropping them unsaid', async () => {
    const count = MAX_OPML_FEEDS + 3;
    const outlines = Array.from({ length: count }, (_, i) => `<outline xmlUrl="https://s${i}.example/f"/>`).join('');
    const result = await readOpml(`<opml version="2.0"><body>${outlines}</body></opml>`);
    if (!result.ok) throw new Error(result.message);
    expect(result.feeds).toHaveLength(MAX_OPML_FEEDS);
    expect(result.feeds.at(-1)?.url).toBe(`https://s${MAX_OPML_FEEDS - 1}.example/f`);
    expect(result.beyondLimit).toBe(3);
  });

  it('refuses what is not OPML, and never expands entities', async () => {
    expect(await readOpml('<rss><channel/></rss>')).toEqual({
      ok: false,
      message: 'not an OPML file (no <opml><body>)',
    });
    expect((await readOpml('<opml><body><outline')).ok).toBe(false);
    const laughs =
      '<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><opml><body><outline text="&b;" xmlUrl="https://x.org/f"/></body></opml>';
    const result = await readOpml(laughs);
    expect(result.ok ? (result.feeds[0]?.title?.length ?? 0) : 0).toBeLessThan(20);
  });
});

describe('writeOpml', () => {
  it('round-trips: what it writes reads back as the same feeds', async () => {
    const source = await readOpml(fixture('bills-and-statutes.opml'));
    if (!source.ok) throw new Error(source.message);
    const written = writeOpml(
      'banwatch feeds',
      source.feeds.map((f) => ({ url: f.url, title: f.title ?? f.url, folder: 'gov & "laws"' })),
      new Date('2026-11-29T00:00:00Z'),
    );
    expect(written).toContain('<opml version="2.0">');
    expect(written).toContain('text="gov &amp; &quot;laws&quot;"');
    const again = await readOpml(written);
    if (!again.ok) throw new Error(again.message);
    expect(again.feeds.map((f) => [f.url, f.title])).toEqual(source.feeds.map((f) => [f.url, f.title]));
    expect(again.feeds.every((f) => f.folders[0] === 'gov & "laws"')).toBe(true);
  });
});
