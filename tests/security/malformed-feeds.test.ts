import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.js';
import { createFeedFetcher } from '../../src/shared/http/feed-fetcher.js';
import { readFeed } from '../../src/sources/rss/feed-read.js';
import { createRssSource } from '../../src/sources/rss/rss-source.js';
import { malformedCases } from '../../scripts/faults/malformed-cases.js';
import { runMalformedCases, type MalformedOutcome } from '../../scripts/faults/malformed-run.js';
import { startFeedServer, type FeedServer } from '../fakes/feed-server.js';

/**
 * Finding J (issue 20): a malformed but recoverable feed keeps every item that can be
 * recovered, reported as a warning of that feed, instead of being refused whole.
 *
 * Failed before the change (run against the previous commit in a separate worktree): every
 * malformed case but the unescaped `&` (already held by xml-prepare.ts) came back as a `parse`
 * failure with no items, so `recovered` was 0 and each case's `lost` equalled its item count;
 * dylanharris-malformed.rss.xml read 0 of its 34 items.
 */

const FIXTURES = new URL('../fixtures/feeds/', import.meta.url);
const OPTIONS = { baseUrl: 'https://example.com/', sourceId: 'j', now: new Date('2026-02-01T00:00:00Z') };

describe('malformed feeds, through the real fetcher, source and parser thread', () => {
  let outcomes: MalformedOutcome[];
  beforeAll(async () => {
    outcomes = await runMalformedCases();
  }, 60_000);

  it.each(malformedCases().map((c) => c.name))('%s: every recoverable item kept, nothing lost', (name) => {
    const outcome = outcomes.find((o) => o.name === name);
    expect(outcome?.problem).toBeUndefined();
    expect(outcome?.lost).toBe(0);
    expect(outcome?.passed).toBe(true);
  });

  it('recovers all 34 distinct items of the real dylanharris feed (35 entries, one guid twice)', () => {
    const dylan = outcomes.find((o) => o.name.startsWith('dylanharris'));
    expect(dylan).toMatchObject({ recovered: 34, expected: 34, lost: 0 });
    expect(dylan?.warning).toMatch(/^the feed is not well-formed XML: .*; 35 items recovered by a lenient reading$/);
  });

  it('keeps a feed cut off before its first item a parse failure that says nothing could be recovered', () => {
    const reuters = outcomes.find((o) => o.name.startsWith('reuters'));
    expect(reuters).toMatchObject({ recovered: 0, expected: 0, passed: true });
    expect(reuters?.warning).toBe(
      'the feed ends before its closing tags, it was probably cut off (line 19); no items could be recovered',
    );
  });
});

describe('what a lenient reading keeps and reports', () => {
  const item = (n: number) =>
    `<item><title>Item ${n}</title><link>https://news.example/${n}</link><guid>g-${n}</guid></item>`;

  it('leaves out an item the document ended inside, and says so', async () => {
    const text = `<rss version="2.0"><channel><title>t</title>${item(1)}${item(2)}<item><title>Item 3 is cut o`;
    const read = await readFeed(text, OPTIONS);
    expect(read.ok && read.items.map((i) => i.title)).toEqual(['Item 1', 'Item 2']);
    expect(read.ok && read.warning).toBe(
      'the feed ends before its closing tags, it was probably cut off (line 1); 2 items recovered by a lenient reading (1 cut-off item left out)',
    );
  });

  it('reads a well-formed feed strictly, with no warning', async () => {
    const read = await readFeed(readFileSync(new URL('bbc-world-2026.rss.xml', FIXTURES), 'utf8'), OPTIONS);
    expect(read.ok && read.items.length).toBe(33);
    expect(read.ok && read.warning).toBeUndefined();
  });
});

describe('the poll of a malformed feed', () => {
  let server: FeedServer;
  const fetcher = createFeedFetcher();
  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(async () => {
    await fetcher.close();
    await server.close();
  });

  it('succeeds with a warning and keeps no validators, so the next poll fetches the whole feed again', async () => {
    server.route('/broken.xml', {
      body: readFileSync(new URL('dylanharris-malformed.rss.xml', FIXTURES)),
      etag: '"broken-1"',
      lastModified: 'Tue, 17 Feb 2026 10:37:09 GMT',
    });
    const source = createRssSource(
      { id: 'broken', url: server.url('/broken.xml'), intervalMs: 60_000, backfill: 0 },
      { fetcher, clock: systemClock },
    );
    const first = await source.poll(undefined);
    expect(first.ok && first.items.length).toBe(34);
    expect(first.ok && first.warning).toMatch(/not well-formed XML/);
    expect(first.ok && first.cursor).not.toHaveProperty('etag');
    expect(first.ok && first.cursor).not.toHaveProperty('lastModified');
    const second = await source.poll(first.ok ? first.cursor : undefined);
    expect(second.ok && second.notModified).toBeFalsy();
  });
});
