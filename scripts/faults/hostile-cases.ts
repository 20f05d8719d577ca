import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { alertEmbed } from '../../src/chat/discord/alert-embed.js';
import { alertBlocks } from '../../src/chat/slack/alert-blocks.js';
import type { Item } from '../../src/domain/item.js';
import type { FailureKind, PollResult } from '../../src/domain/source.js';
import type { FeedRoute } from '../../tests/fakes/feed-server.js';
import { rssDocument } from '../../tests/fakes/feed-server.js';

/** One hostile input: what the fake serves, and what a correct outcome looks like. */
export interface HostileCase {
  name: string;
  route: FeedRoute | ((origin: string) => FeedRoute);
  /** A feed added from chat (private networks refused) instead of one from the config file. */
  untrusted?: boolean;
  expect: { failure: FailureKind } | { items: (items: Item[]) => string | undefined };
}

const secretDir = mkdtempSync(join(tmpdir(), 'banwatch-faults-'));
export const SECRET_FILE = join(secretDir, 'secret.txt');
writeFileSync(SECRET_FILE, 'TOP-SECRET-CANARY');

const item = (
  n: number,
  extra: Partial<{ title: string; guid: string; link: string; pubDate: string; description: string }> = {},
) => ({
  title: `Item ${n}`,
  link: `https://news.example/${n}`,
  guid: `g-${n}`,
  pubDate: new Date(Date.UTC(2026, 10, 1, 12)).toUTCString(),
  ...extra,
});

/** A feed gzipped `layers` times (stored, not compressed: only the layers matter). */
function stackedGzip(layers: number): Buffer {
  let body = Buffer.from(rss([item(1)]));
  for (let i = 0; i < layers; i++) body = gzipSync(body, { level: 0 });
  return body;
}

const rss = (items: ReturnType<typeof item>[]) => rssDocument({ title: 'Feed', items });
const check = (ok: boolean, problem: string) => (ok ? undefined : problem);

/** The catalogue of issue 7: each must end in a classified error or a correct parse. */
export const HOSTILE_CASES: HostileCase[] = [
  {
    // Issue 20 (J): the unclosed item is recovered by the lenient reader, with a warning.
    name: 'malformed XML (an item left unclosed)',
    route: { body: '<rss><channel><item><title>x</title></channel>' },
    expect: {
      items: (items) => check(items.length === 1 && items[0]?.title === 'x', 'the one item was not recovered'),
    },
  },
  {
    name: 'malformed XML with nothing to recover',
    route: { body: '<rss><channel><title>x</titl></channel>' },
    expect: { failure: 'parse' },
  },
  // Issue 20 (F): parsing and decoding are bounded; past a bound the feed fails, the poller goes on.
  {
    name: 'a million-deep element nesting',
    route: { body: `<rss><channel>${'<x>'.repeat(1_000_000)}${'</x>'.repeat(1_000_000)}</channel></rss>` },
    expect: { failure: 'parse' },
  },
  {
    name: 'a million-deep nesting, left unclosed (lenient reader)',
    route: { body: `<rss><channel>${'<x>'.repeat(1_000_000)}` },
    expect: { failure: 'parse' },
  },
  {
    name: '400,000 empty elements',
    route: { body: `<rss><channel>${'<x/>'.repeat(400_000)}</channel></rss>` },
    expect: { failure: 'parse' },
  },
  {
    name: '3,200 stacked content encodings',
    route: () => ({ body: stackedGzip(3_200), headers: { 'content-encoding': Array(3_200).fill('gzip').join(',') } }),
    expect: { failure: 'parse' },
  },
  {
    name: 'XXE (external entity to a local file)',
    route: {
      body: `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://${SECRET_FILE}">]><rss version="2.0"><channel><item><title>&x;</title><guid>1</guid></item></channel></rss>`,
    },
    expect: {
      items: (items) =>
        check(!JSON.stringify(items).includes('TOP-SECRET-CANARY'), 'the secret file leaked into an item'),
    },
  },
  {
    name: 'entity expansion (billion laughs)',
    route: {
      body: `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><rss version="2.0"><channel><item><title>&j;</title><guid>1</guid></item></channel></rss>`,
    },
    expect: {
      items: (items) =>
        check(
          items.every((i) => i.title.length < 1_000),
          'an entity was expanded',
        ),
    },
  },
  { name: '50 MB body', route: { generatedBytes: 50 * 1024 * 1024 }, expect: { failure: 'too-large' } },
  {
    name: '50 MB body without Content-Length',
    route: { generatedBytes: 50 * 1024 * 1024, announceLength: false },
    expect: { failure: 'too-large' },
  },
  {
    name: 'gzip body expanding past the cap',
    route: { gzipBombBytes: 64 * 1024 * 1024 },
    expect: { failure: 'too-large' },
  },
  {
    name: 'slow drip of one byte a second',
    route: { body: rss([item(1)]), dripBytesPerSecond: 1 },
    expect: { failure: 'timeout' },
  },
  { name: 'redirect loop', route: { redirectTo: '/hostile' }, expect: { failure: 'network' } },
  {
    name: 'redirect to a private address (feed added from chat)',
    untrusted: true,
    route: { redirectTo: 'http://10.0.0.1/feed.xml' },
    expect: { failure: 'blocked' },
  },
  {
    name: 'redirect to the cloud metadata address (feed added from chat)',
    untrusted: true,
    route: { redirectTo: 'http://169.254.169.254/latest/meta-data/' },
    expect: { failure: 'blocked' },
  },
  {
    name: 'an HTML page',
    route: {
      body: '<!doctype html><html><head><title>Not a feed</title></head><body>hi</body></html>',
      contentType: 'text/html',
    },
    expect: { failure: 'parse' },
  },
  { name: 'an empty 200', route: { body: '' }, expect: { failure: 'parse' } },
  {
    name: 'invalid UTF-8',
    route: {
      body: Buffer.concat([
        Buffer.from(
          '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><item><guid>1</guid><title>bad ',
        ),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from(' bytes</title></item></channel></rss>'),
      ]),
    },
    expect: {
      items: (items) => check(items.length === 1 && /bad .*bytes/.test(items[0]?.title ?? ''), 'the item was lost'),
    },
  },
  {
    name: 'ISO-8859-1 feed',
    route: {
      body: Buffer.from(
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><item><guid>1</guid><title>Sécurité réseau</title></item></channel></rss>',
        'latin1',
      ),
      contentType: 'application/rss+xml',
    },
    expect: {
      items: (items) => check(items[0]?.title === 'Sécurité réseau', `decoded as ${JSON.stringify(items[0]?.title)}`),
    },
  },
  {
    name: 'invalid and future dates',
    route: {
      body: rss([
        item(1, { pubDate: 'not a date' }),
        item(2, { pubDate: new Date(Date.now() + 30 * 86_400_000).toUTCString() }),
      ]),
    },
    expect: {
      items: (items) =>
        check(items.length === 2 && items.every((i) => i.publishedAt === undefined), 'a bad or future date was kept'),
    },
  },
  {
    name: 'missing and duplicate guids',
    route: {
      body: rss([
        item(1, { guid: '' }),
        item(2, { guid: 'same' }),
        item(3, { guid: 'same' }),
        { ...item(4), guid: '' },
      ]),
    },
    expect: {
      items: (items) =>
        check(items.length === 3 && new Set(items.map((i) => i.key)).size === 3, `got ${items.length} items`),
    },
  },
  {
    name: '10,000 items in one feed',
    route: { body: rss(Array.from({ length: 10_000 }, (_, n) => item(n))) },
    expect: { items: (items) => check(items.length === 10_000, `got ${items.length} items`) },
  },
  {
    name: 'titles with mentions, Markdown, control characters and bidi overrides',
    route: {
      body: rss([
        item(1, { title: '<!channel> @everyone *bold* [x](https://evil.example) \u0007\u001b[31m \u202Eevil' }),
      ]),
    },
    expect: {
      items: (items) =>
        check(
          // eslint-disable-next-line no-control-regex -- the point of the check: no BEL or ESC survived
          items.length === 1 && !/[\u0007\u001b]/.test(items[0]?.title ?? '') && renderedSafely(items[0] as Item),
          'control characters or live mentions survived',
        ),
    },
  },
  {
    name: 'a title of 100 KB',
    route: { body: rss([item(1, { title: 'x'.repeat(100_000) })]) },
    expect: {
      items: (items) =>
        check(
          items.length === 1 && (items[0]?.title.length ?? 0) <= 2_000,
          `title of ${items[0]?.title.length} characters`,
        ),
    },
  },
];

/** The item as Slack and Discord would receive it: no live mention, no raw link syntax. */
function renderedSafely(item: Item): boolean {
  const alert = {
    id: 'x',
    sourceId: 'hostile',
    sourceName: 'hostile',
    itemKey: item.key,
    title: item.title,
    link: item.link,
    createdAt: new Date().toISOString(),
    matchedBy: 'test',
    classification: {
      relevant: true,
      score: 1,
      vendors: [],
      action: 'ban' as const,
      stage: 'rule' as const,
      jurisdiction: 'US-federal',
      reasons: [],
    },
  };
  const slack = JSON.stringify(alertBlocks(alert));
  const discord = alertEmbed(alert);
  return (
    !slack.includes('<!channel>') &&
    !/@everyone/.test(JSON.stringify(discord.embeds)) &&
    discord.allowed_mentions.parse.length === 0
  );
}

/** Whether a poll result is the outcome the case asks for; a message when not. */
export function judge(hostile: HostileCase, result: PollResult): string | undefined {
  if ('failure' in hostile.expect) {
    if (result.ok) return `expected a ${hostile.expect.failure} failure, got ${result.items.length} items`;
    return result.failure.kind === hostile.expect.failure
      ? undefined
      : `expected ${hostile.expect.failure}, got ${result.failure.kind}: ${result.failure.message}`;
  }
  if (!result.ok) return `expected a correct parse, got ${result.failure.kind}: ${result.failure.message}`;
  return hostile.expect.items(result.items);
}
