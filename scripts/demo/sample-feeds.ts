import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startFeedServer, type FeedServer } from '../../tests/fakes/feed-server.js';
import { xmlText } from '../../tests/support/xml-text.js';

/** demo/feeds: the bundled sample feeds (see demo/README.md). */
export const SAMPLE_FEED_DIR = resolve(import.meta.dirname, '..', '..', 'demo', 'feeds');

/** The sample feeds, as sources in the demo's config. */
export const SAMPLE_FEEDS = [
  { id: 'perimeter-weekly', file: 'perimeter-weekly.xml', name: 'Perimeter Weekly' },
  { id: 'carrier-wire', file: 'carrier-wire.xml', name: 'Carrier Wire' },
  { id: 'statehouse-dispatch', file: 'statehouse-dispatch.atom', name: 'Statehouse Dispatch' },
  { id: 'world-tech-desk', file: 'world-tech-desk.xml', name: 'World Tech Desk' },
] as const;

// Each sample file marks, with this comment, where its later items end: those above it are
// published during the demo, those below it are what the feed already held.
const MARKER = /<!--\s*demo:[\s\S]*?-->/;
const ENTRY = /[ \t]*<(item|entry)\b[\s\S]*?<\/\1>\s*\n/g;
const DATE = /<(pubDate|lastBuildDate|updated|published)>([^<]+)<\/\1>/g;

interface SampleFeed {
  id: string;
  path: string;
  atom: boolean;
  /** The feed before the demo publishes anything. */
  before: string;
  /** The feed after. */
  after: string;
  /** Titles of the items published during the demo. */
  published: string[];
}

export interface SampleFeedServer {
  urlOf(id: string): string;
  /** Serves every feed with its later items too. */
  publish(): void;
  /** Titles the feeds gained in `publish()`. */
  published(): string[];
  close(): Promise<void>;
}

/** Moves every date by `shiftMs`, keeping each field's format (RFC 822 in RSS, ISO 8601 in Atom). */
function shiftDates(xml: string, shiftMs: number): string {
  return xml.replace(DATE, (whole, tag: string, value: string) => {
    const time = Date.parse(value);
    if (Number.isNaN(time)) return whole;
    const moved = new Date(time + shiftMs);
    const text =
      tag === 'pubDate' || tag === 'lastBuildDate'
        ? moved.toUTCString()
        : moved.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return `<${tag}>${text}</${tag}>`;
  });
}

function newestDate(xml: string): number {
  return Math.max(
    ...[...xml.matchAll(DATE)].map((match) => Date.parse(match[2] as string)).filter((time) => !Number.isNaN(time)),
  );
}

function splitFeed(id: string, file: string, shiftMs: number): SampleFeed {
  const after = shiftDates(readFileSync(join(SAMPLE_FEED_DIR, file), 'utf8'), shiftMs);
  const cut = MARKER.exec(after)?.index ?? 0;
  const later = [...after.matchAll(ENTRY)].filter((match) => (match.index ?? 0) < cut).map((match) => match[0]);
  const before = later.reduce((text, entry) => text.replace(entry, ''), after);
  const published = later.map((entry) => xmlText(/<title>([\s\S]*?)<\/title>/.exec(entry)?.[1] ?? ''));
  return { id, path: `/${file}`, atom: file.endsWith('.atom'), before, after, published };
}

/**
 * Serves the sample feeds over real HTTP on 127.0.0.1, with ETags (so unchanged feeds answer
 * 304). The files carry fixed dates; they are moved so the newest item is an hour old,
 * because banwatch rightly ignores news older than `maxAgeDays`.
 */
export async function startSampleFeeds(now: Date): Promise<SampleFeedServer> {
  const raw = SAMPLE_FEEDS.map((feed) => readFileSync(join(SAMPLE_FEED_DIR, feed.file), 'utf8'));
  const shiftMs = now.getTime() - 3_600_000 - Math.max(...raw.map(newestDate));
  const feeds = SAMPLE_FEEDS.map((feed) => splitFeed(feed.id, feed.file, shiftMs));
  const server: FeedServer = await startFeedServer();
  const serve = (feed: SampleFeed, body: string) =>
    server.route(feed.path, {
      body,
      etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`,
      contentType: feed.atom ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8',
    });
  for (const feed of feeds) serve(feed, feed.before);
  return {
    urlOf: (id) => server.url(feeds.find((feed) => feed.id === id)?.path ?? `/${id}`),
    publish: () => feeds.forEach((feed) => serve(feed, feed.after)),
    published: () => feeds.flatMap((feed) => feed.published),
    close: () => server.close(),
  };
}
