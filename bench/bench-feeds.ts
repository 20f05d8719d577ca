/**
 * The bench's feeds: RSS 2.0 documents of about 20 KB, 20 items each with an HTML description,
 * as a news site publishes them. A feed is a sliding window over its own numbered stories:
 * version v holds stories v*fresh .. v*fresh+19, so each new version brings `fresh` new items
 * (new guids) and drops as many old ones, the way a changed feed looks to a poller.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/shared/package-root.js';
import { parseEvalJsonl } from '../src/classify/eval/eval-rows.js';
import { rssDocument, type RssItemSpec } from '../tests/fakes/feed-server.js';

export const ITEMS_PER_FEED = 20;
/** New stories per feed per version: a busy news feed between two polls. */
export const FRESH_PER_VERSION = 5;
/** One story in this many is a ban headline, so a changed cycle queues alerts too. */
const RELEVANT_EVERY = 50;

const root = (path: string): string => join(packageRoot(import.meta.url), path);

interface Pools {
  relevant: string[];
  other: string[];
}

let pools: Pools | undefined;

/** Real labelled headlines: the ban ones become alerts, the others are the everyday noise. */
function headlinePools(): Pools {
  if (pools) return pools;
  const files = [
    'dev-headlines.jsonl',
    'held-out-headlines.jsonl',
    'held-out-wire-headlines.jsonl',
    'held-out-lead-headlines.jsonl',
  ];
  const rows = files.flatMap((file) => parseEvalJsonl(readFileSync(root(`tests/fixtures/classify/${file}`), 'utf8')));
  pools = {
    relevant: rows.filter((r) => r.relevant).map((r) => r.title),
    other: rows.filter((r) => !r.relevant).map((r) => r.title),
  };
  return pools;
}

// Neutral article prose: a summary that names no vendor and no ban, so only the headline decides.
const SENTENCES = [
  'The company said the rollout would begin in the coming weeks across several regions.',
  'Analysts at two brokerages said the figures were broadly in line with expectations.',
  'A spokesperson declined to comment on pricing or on the timing of later releases.',
  'Researchers presented the results at a conference in Lisbon on Thursday.',
  'The update also changes how the settings page groups privacy options &amp; notifications.',
  'Shipments in the quarter rose 4 percent from a year earlier, according to the filing.',
  'Engineers said the new design cuts power draw by roughly a fifth under typical loads.',
  'The standard body expects to publish a final draft before the end of the year.',
];

/** Deterministic small hash, so a story always has the same text whichever process renders it. */
function mix(a: number, b: number): number {
  let h = (a * 0x9e3779b1) ^ (b * 0x85ebca77);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

function description(feed: number, story: number): string {
  const parts: string[] = [];
  for (let p = 0; p < 3; p++) {
    // Two or three sentences a paragraph: descriptions of 600-900 characters, 20 KB a feed.
    const count = 2 + (mix(story, p) % 2);
    const sentences = Array.from(
      { length: count },
      (_, s) => SENTENCES[mix(feed + p, story * 3 + s) % SENTENCES.length],
    );
    parts.push(`<p>${sentences.join(' ')}</p>`);
  }
  return `${parts.join('')}<p><a href="https://news${feed % 50}.example/f${feed}/story-${story}">Read the full story</a></p>`;
}

export function isBanStory(feed: number, story: number): boolean {
  return (feed * 7 + story) % RELEVANT_EVERY === 0;
}

function storyItem(feed: number, story: number, now: number): RssItemSpec {
  const { relevant, other } = headlinePools();
  const ban = isBanStory(feed, story);
  const pool = ban ? relevant : other;
  const headline = pool[mix(feed, story) % pool.length] as string;
  return {
    // A story number keeps ban headlines distinct, so no two feeds carry "the same story".
    title: ban ? `${headline} (report ${feed}-${story})` : headline,
    link: `https://news${feed % 50}.example/f${feed}/story-${story}?utm_source=rss`,
    guid: `bench-${feed}-${story}`,
    guidIsPermaLink: false,
    pubDate: new Date(now - (1_000 - (story % 1_000)) * 60_000),
    description: description(feed, story),
  };
}

/** The document of `feed` at `version`, newest story first. */
export function feedBody(feed: number, version: number, now = Date.now()): string {
  const first = version * FRESH_PER_VERSION;
  const items: RssItemSpec[] = [];
  for (let story = first + ITEMS_PER_FEED - 1; story >= first; story--) items.push(storyItem(feed, story, now));
  return rssDocument({ title: `Bench wire ${feed}`, link: `https://news${feed % 50}.example/`, items });
}

/** Ban stories that `version` adds over `version - 1` for feeds 0..count-1: the alerts a changed cycle should queue. */
export function banStoriesAdded(count: number, version: number): number {
  let total = 0;
  const first = (version - 1) * FRESH_PER_VERSION + ITEMS_PER_FEED;
  for (let feed = 0; feed < count; feed++) {
    for (let story = first; story < first + FRESH_PER_VERSION; story++) if (isBanStory(feed, story)) total++;
  }
  return total;
}

export const feedPath = (feed: number): string => `/feeds/${feed}.xml`;
export const feedEtag = (feed: number, version: number): string => `"f${feed}-v${version}"`;
