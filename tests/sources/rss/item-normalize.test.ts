import { describe, expect, it } from 'vitest';
import { itemKey } from '../../../src/domain/item-identity.js';
import { entryReader, type EntryReader, type RawEntry } from '../../../src/sources/rss/feed-entries.js';
import { entryKey, normalizeEntries, normalizeEntry } from '../../../src/sources/rss/item-normalize.js';

const NOW = new Date('2026-02-18T12:00:00Z');
const context = { sourceId: 'feed-1', now: NOW };
const entry = (overrides: Partial<RawEntry>): RawEntry => ({ dates: [], ...overrides });

describe('normalizeEntry', () => {
  it('builds a news Item with plain text, key from the guid and the first readable date', () => {
    const item = normalizeEntry(
      entry({
        title: { value: '  FCC bans <b>Hikvision</b> &amp; Dahua\n gear ', html: true },
        summary: { value: '<p>The <a href="x">FCC</a> voted.</p>', html: true },
        link: 'https://example.com/a',
        guid: ' urn:1 ',
        dates: ['not a date', 'Tue, 17 Feb 2026 10:00:00 GMT', '2020-01-01'],
      }),
      context,
    );
    expect(item).toEqual({
      sourceId: 'feed-1',
      key: itemKey({ guid: 'urn:1' }),
      title: 'FCC bans Hikvision & Dahua gear',
      summary: 'The FCC voted.',
      link: 'https://example.com/a',
      guid: 'urn:1',
      publishedAt: new Date('2026-02-17T10:00:00Z'),
      kind: 'news',
    });
  });

  it('keeps plain-text titles as written', () => {
    expect(
      normalizeEntry(entry({ guid: 'g', title: { value: 'History of the <blink> tag', html: false } }), context)?.title,
    ).toBe('History of the <blink> tag');
  });

  it('drops dates more than a day ahead but keeps dates a few hours ahead', () => {
    const ahead = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toUTCString();
    expect(normalizeEntry(entry({ guid: 'g', dates: [ahead(30)] }), context)?.publishedAt).toBeUndefined();
    expect(normalizeEntry(entry({ guid: 'g', dates: [ahead(3)] }), context)?.publishedAt).toBeInstanceOf(Date);
  });

  it('falls back to the link, then the title, for identity', () => {
    expect(normalizeEntry(entry({ link: 'https://x.org/a?utm_source=rss' }), context)?.key).toBe(
      itemKey({ link: 'https://x.org/a' }),
    );
    expect(normalizeEntry(entry({ title: { value: 'Only a title', html: true } }), context)?.key).toBe(
      itemKey({ title: 'Only a title' }),
    );
  });

  it('drops an entry without any identity', () => {
    expect(normalizeEntry(entry({ summary: { value: 'text only', html: true } }), context)).toBeUndefined();
    expect(normalizeEntry(entry({ title: { value: '<img src="x">', html: true } }), context)).toBeUndefined();
  });

  it('makes up a display title from the summary without changing the key', () => {
    const item = normalizeEntry(
      entry({ guid: 'g', summary: { value: 'A summary that has to stand in for the title', html: true } }),
      context,
    );
    expect(item?.title).toBe('A summary that has to stand in for the title');
    expect(item?.key).toBe(itemKey({ guid: 'g' }));
  });

  it('bounds title and summary', () => {
    const item = normalizeEntry(
      entry({
        guid: 'g',
        title: { value: 'long '.repeat(50_000), html: true },
        summary: { value: 'word '.repeat(50_000), html: false },
      }),
      context,
    );
    expect(item?.title.length).toBeLessThanOrEqual(300);
    expect(item?.summary?.length).toBeLessThanOrEqual(4_000);
    expect(item?.summary?.endsWith('…')).toBe(true);
  });
});

describe('normalizeEntries', () => {
  it('keeps the first of entries sharing a key and keeps feed order', () => {
    const { items, keys } = normalizeEntries(
      [
        entry({ guid: 'a', title: { value: 'first', html: true } }),
        entry({ guid: 'b', title: { value: 'second', html: true } }),
        entry({ guid: 'a', title: { value: 'first again', html: true } }),
        entry({ link: 'https://x.org/p?utm_medium=rss', title: { value: 'third', html: true } }),
        entry({ link: 'http://www.x.org/p/', title: { value: 'third again', html: true } }),
        entry({}),
      ].map(entryReader),
      context,
    );
    expect(items.map((i) => i.title)).toEqual(['first', 'second', 'third']);
    expect(keys).toEqual(items.map((i) => i.key));
  });

  it('keys but does not return the entries whose key is known', () => {
    const entries = [
      entry({ guid: 'new', title: { value: 'fresh news', html: false } }),
      entry({ guid: 'old', title: { value: 'seen before', html: false } }),
      entry({ title: { value: 'Title only', html: false } }),
    ].map(entryReader);
    const all = normalizeEntries(entries, context);
    const known = new Set([all.keys[1] as string, all.keys[2] as string]);
    const { items, keys } = normalizeEntries(entries, context, known);
    expect(items.map((i) => i.title)).toEqual(['fresh news']);
    expect(keys).toEqual(all.keys);
  });

  it('reads a known entry no further than its key: the guid, or the link without one', () => {
    const untouchable = (what: string) => () => {
      throw new Error(`${what} was read`);
    };
    const byGuid: EntryReader = {
      guid: () => 'old',
      link: untouchable('link'),
      title: untouchable('title'),
      entry: untouchable('entry'),
    };
    const byLink: EntryReader = {
      guid: () => undefined,
      link: () => 'https://x.org/old',
      title: untouchable('title'),
      entry: untouchable('entry'),
    };
    const fresh = entryReader(entry({ guid: 'new', title: { value: 'fresh news', html: false } }));
    const known = new Set([itemKey({ guid: 'old' }) as string, itemKey({ link: 'https://x.org/old' }) as string]);
    const { items, keys } = normalizeEntries([byGuid, byLink, fresh], context, known);
    expect(items.map((i) => i.title)).toEqual(['fresh news']);
    expect(keys).toEqual([itemKey({ guid: 'old' }), itemKey({ link: 'https://x.org/old' }), itemKey({ guid: 'new' })]);
  });
});

describe('entryKey', () => {
  it.each([
    ['a guid (trimmed)', entry({ guid: '  urn:x:1 ', link: 'https://x.org/a', title: { value: 'T', html: false } })],
    [
      'a link without tracking',
      entry({ link: 'https://www.x.org/a/?utm_source=rss&b=2', title: { value: 'T', html: false } }),
    ],
    [
      'a title when the link is not http',
      entry({ link: 'ftp://x.org/a', title: { value: '<b>Ban</b> &amp; more', html: true } }),
    ],
    ['a long html title', entry({ title: { value: `<i>${'word '.repeat(400)}</i>`, html: true } })],
  ])('is the key normalizeEntry gives: %s', (_name, raw) => {
    expect(entryKey(raw)).toBeDefined();
    expect(entryKey(raw)).toBe(normalizeEntry(raw, context)?.key);
  });

  it('is undefined for an entry without identity', () => {
    expect(entryKey(entry({ summary: { value: 'no title', html: false } }))).toBeUndefined();
  });
});
