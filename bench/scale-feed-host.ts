/**
 * The scale run's feed server, in its own process: `feeds` small RSS feeds on 127.0.0.1 that
 * start empty and gain one story at a time. Every second a steady share of the feeds publishes
 * (`changesPerSecond`); every other poll answers 304 to its ETag. One feed in `slowEvery` answers
 * after `slowMs`, one in `failEvery` answers 500. It records, per feed, the gaps between polls
 * (the poll lag is a gap beyond the interval) and, per story, when it was published, and answers
 * commands over IPC.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScaleHostOptions {
  feeds: number;
  changesPerSecond: number;
  slowEvery: number;
  slowMs: number;
  failEvery: number;
  /** Every `banEvery`-th story is a ban headline naming the vendor its channel filters on. */
  banEvery: number;
  /** Every `otherVendorEvery`-th ban story names another vendor: the channel's filter drops it. */
  otherVendorEvery: number;
  /** Every `termEvery`-th story mentions its channel's watch term. */
  termEvery: number;
  /** Ban headlines to use, with `{vendor}` where the vendor goes. */
  templates: string[];
  vendors: string[];
  feedsPerChannel: number;
}

export type ScaleHostCommand =
  | { id: number; cmd: 'start'; options: ScaleHostOptions }
  | { id: number; cmd: 'publishing'; on: boolean }
  | { id: number; cmd: 'stats'; intervalMs: number }
  | { id: number; cmd: 'close' };

/** A story a channel should receive: `feed-version` -> channel and publish time. */
export interface ExpectedStory {
  story: string;
  channel: number;
  publishedAt: number;
}

let options: ScaleHostOptions | undefined;
let versions = new Uint32Array(0);
let lastPoll = new Float64Array(0);
const gaps: number[] = [];
const expected: ExpectedStory[] = [];
let requests = 0;
let full = 0;
let failed = 0;
let publishing = false;
const publishedAt = new Map<string, number>();
const ITEMS_SHOWN = 5;

const channelOf = (feed: number) => Math.floor(feed / (options?.feedsPerChannel ?? 10));
const kind = (feed: number) =>
  options && feed % options.failEvery === options.failEvery - 1
    ? 'failing'
    : options && feed % options.slowEvery === options.slowEvery - 2
      ? 'slow'
      : 'normal';

function story(feed: number, version: number): string {
  const o = options as ScaleHostOptions;
  const channel = channelOf(feed);
  const at = new Date(publishedAt.get(`${feed}-${version}`) ?? Date.now()).toUTCString();
  const tag = `(report ${feed}-${version})`;
  let title = `Quarterly results lift shares of regional carrier ${tag}`;
  // The story's kind turns with feed and version, so first stories are alerts too.
  const turn = feed + version;
  if (turn % o.banEvery === 0) {
    const other = turn % (o.banEvery * o.otherVendorEvery) === 0;
    const vendor = o.vendors[(channel + (other ? 1 : 0)) % o.vendors.length] as string;
    title = `${(o.templates[version % o.templates.length] as string).replace('{vendor}', vendor)} ${tag}`;
  } else if (turn % o.termEvery === 0) title = `Zq${channel}x opens a new office in Lisbon ${tag}`;
  const link = `https://scale${feed % 50}.example/f${feed}/s${version}`;
  return `<item><title>${title}</title><link>${link}</link><guid isPermaLink="false">s-${feed}-${version}</guid><pubDate>${at}</pubDate><description>The announcement came on a busy day for the sector; analysts expect more detail next week.</description></item>`;
}

function body(feed: number): string {
  const version = versions[feed] ?? 0;
  const items: string[] = [];
  for (let v = version; v > Math.max(0, version - ITEMS_SHOWN); v--) items.push(story(feed, v));
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Scale feed ${feed}</title><link>https://scale${feed % 50}.example/</link><description>bench</description>${items.join('')}</channel></rss>`;
}

/** Whether the story is one the feed's channel should get, by the bench's routing rules. */
function expectedFor(feed: number, version: number): boolean {
  const o = options as ScaleHostOptions;
  const turn = feed + version;
  if (turn % o.banEvery === 0) return turn % (o.banEvery * o.otherVendorEvery) !== 0;
  return turn % o.termEvery === 0;
}

const server = createServer((request, response) => {
  const match = /^\/s\/(\d+)\.xml$/.exec(request.url ?? '');
  const feed = match ? Number(match[1]) : -1;
  if (!options || feed < 0 || feed >= options.feeds) {
    response.writeHead(404).end();
    return;
  }
  requests++;
  const now = Date.now();
  const last = lastPoll[feed] ?? 0;
  if (last > 0 && kind(feed) === 'normal') gaps.push(now - last);
  lastPoll[feed] = now;
  const answer = () => {
    if (kind(feed) === 'failing') {
      failed++;
      response.writeHead(500, { 'content-type': 'text/plain' }).end('bench: failing feed');
      return;
    }
    const etag = `"s${feed}-v${versions[feed] ?? 0}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    full++;
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body(feed));
  };
  if (kind(feed) === 'slow') setTimeout(answer, options.slowMs);
  else answer();
});

let carry = 0;
setInterval(() => {
  if (!publishing || !options) return;
  carry += options.changesPerSecond / 10;
  for (; carry >= 1; carry--) {
    const feed = Math.floor(Math.random() * options.feeds);
    if (kind(feed) === 'failing') continue;
    const version = (versions[feed] = (versions[feed] ?? 0) + 1);
    const at = Date.now();
    publishedAt.set(`${feed}-${version}`, at);
    if (expectedFor(feed, version))
      expected.push({ story: `${feed}-${version}`, channel: channelOf(feed), publishedAt: at });
  }
}, 100).unref();

const answer = (id: number, value: unknown) => process.send?.({ id, value });

process.on('message', (message: ScaleHostCommand) => {
  if (message.cmd === 'start') {
    options = message.options;
    versions = new Uint32Array(options.feeds);
    lastPoll = new Float64Array(options.feeds);
    answer(message.id, true);
  } else if (message.cmd === 'publishing') {
    publishing = message.on;
    answer(message.id, { published: publishedAt.size });
  } else if (message.cmd === 'stats') {
    // Feeds not polled for longer than the interval by now are late as well: their lag so far counts.
    const now = Date.now();
    const overdue: number[] = [];
    for (let feed = 0; feed < (options?.feeds ?? 0); feed++) {
      const last = lastPoll[feed] ?? 0;
      if (kind(feed) === 'normal' && (last === 0 || now - last > message.intervalMs)) overdue.push(now - last);
    }
    answer(message.id, {
      requests,
      full,
      failed,
      published: publishedAt.size,
      gaps,
      overdue,
      neverPolled: overdue.filter((gap) => gap === now).length,
      expected,
      cpuSeconds: (({ user, system }) => (user + system) / 1e6)(process.cpuUsage()),
    });
    gaps.length = 0;
  } else {
    server.close();
    answer(message.id, true);
    process.disconnect?.();
  }
});
process.on('disconnect', () => process.exit(0));

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () =>
  answer(0, { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
);
