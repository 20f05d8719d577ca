import type { Alert } from '../domain/alert.js';
import type { Channel } from '../domain/channel.js';
import type { Classification, Classifier } from '../domain/classification.js';
import type { Clock } from '../domain/clock.js';
import type { DigestInbox } from '../domain/digest.js';
import type { Item } from '../domain/item.js';
import { compactTrace, type ChannelTrace, type ItemTrace, type TraceStore } from '../domain/item-trace.js';
import type { Metrics } from '../domain/metrics.js';
import { storyKeys } from '../domain/item-identity.js';
import { outboxKey, type OutboxEntry } from '../domain/outbox.js';
import type {
  AlertLog,
  InstrumentIndex,
  ItemLedger,
  Outbox,
  StoryLedger,
  TrackedBillStore,
  WatchTermStore,
} from '../domain/ports.js';
import { prepareText, type WatchTerm } from '../domain/watch-term.js';
import type { Logger } from '../shared/logger.js';
import { classifyItem } from './classify-item.js';
import { instrumentRecord } from './instrument-record.js';
import { notAmongSources, routeItem } from './router.js';
import { billTenants, mayReceive } from '../domain/tenancy.js';

export interface IngestDeps {
  items: ItemLedger;
  stories: StoryLedger;
  watch: WatchTermStore;
  outbox: Outbox;
  alerts: AlertLog;
  classifier: Classifier;
  clock: Clock;
  logger: Logger;
  maxAgeMs: number;
  /** Where tracked bills and rules stand; updated as their stages are ingested. */
  instruments?: InstrumentIndex;
  /** Where what happened to each item is kept, for `why`. */
  traces?: TraceStore;
  metrics?: Metrics;
  /** Bills tracked at run time: one tracked from a workspace or server posts only to that tenant's channels. */
  trackedBills?: Pick<TrackedBillStore, 'list'>;
  /** Where digest channels collect their alerts; without it, digest channels get them live. */
  digests?: Pick<DigestInbox, 'collect'>;
}

export interface IngestSource {
  id: string;
  name: string;
  backfill: number;
  /** The source's items are already changes it computed (a bill's new stage): the first poll posts them too. */
  deltas?: boolean;
  /** Set for a feed added from chat: only that tenant's channels get its items. */
  scope?: string;
}

export interface IngestReport {
  received: number;
  fresh: number;
  queued: number;
  /** What happened to each new item (kept as traces for "why was this not posted"). */
  outcomes: Array<ItemTrace & { channels: ChannelTrace[] }>;
}

/**
 * Claims the items that are new, classifies and routes them, queues their alerts, and only
 * then settles the claims: a crash anywhere before settling leaves the items pending, and
 * the next poll processes them again without queueing anything twice.
 */
export async function ingest(
  source: IngestSource,
  neverPolled: boolean,
  items: readonly Item[],
  channels: readonly Channel[],
  deps: IngestDeps,
): Promise<IngestReport> {
  const claimed = await deps.items.claim(
    source.id,
    items.map((item) => item.key),
  );
  const fresh = items.filter((item) => claimed.has(item.key));
  const report: IngestReport = { received: items.length, fresh: fresh.length, queued: 0, outcomes: [] };
  if (!fresh.length) return report;

  // A first poll records what the feed already holds. The saved state can say "never polled"
  // after a crash between settling items and saving it: then some items are settled already.
  const firstPoll = neverPolled && fresh.length === items.length;
  const toAlert = firstPoll && !source.deltas ? newest(fresh, source.backfill) : fresh;
  const alertKeys = new Set(toAlert.map((item) => item.key));
  // A channel whose source filter leaves this feed out never takes its items, whatever they
  // say: its watch terms are not read nor matched, and its trace is one shared line. At 10,000
  // channels of ten feeds each, reading and matching every channel's terms for every new item
  // was most of a poll's work (issue 24's scale run).
  const takers = channels.filter((channel) => !channel.sources || channel.sources.includes(source.id));
  const othersSkipped = takers.length < channels.length ? notAmongSources(source.id) : undefined;
  const terms = await deps.watch.listMany(takers.map((channel) => channel.id));
  const now = deps.clock.now();

  // Oldest first, so a channel reads a burst of news in the order it happened.
  for (const item of chronological(fresh)) {
    if (!alertKeys.has(item.key)) {
      report.outcomes.push({
        itemKey: item.key,
        title: item.title,
        link: item.link,
        outcome: 'recorded',
        channels: [],
      });
      continue;
    }
    if (isTooOld(item, now, deps.maxAgeMs)) {
      report.outcomes.push({ itemKey: item.key, title: item.title, link: item.link, outcome: 'too-old', channels: [] });
      continue;
    }
    const outcome = await routeAndQueue(source, item, takers, terms, deps, now);
    if (othersSkipped) outcome.othersSkipped = othersSkipped;
    report.queued += outcome.channels.filter((c) => c.outcome === 'queued').length;
    report.outcomes.push(outcome);
  }
  // The trace is written before the claims settle, which point at it: an item marked done can
  // always be explained.
  const traceRef = await deps.traces?.record({
    sourceId: source.id,
    at: now.toISOString(),
    items: report.outcomes.map(compactTrace),
  });
  await deps.items.settle(
    source.id,
    fresh.map((item) => item.key),
    traceRef,
    fresh.filter((item) => !forgettable(item, now, deps)).map((item) => item.key),
  );
  return report;
}

/**
 * True when the item's claim may expire after items.rememberDays: by then the item is older
 * than maxAgeDays, so seen again it is never alerted. Not so for an undated or exempt item, or
 * one dated so far ahead that it would still be young enough when its claim ran out.
 */
function forgettable(item: Item, now: Date, deps: IngestDeps): boolean {
  if (item.exemptFromAgeLimit || !item.publishedAt) return false;
  return item.publishedAt.getTime() + deps.maxAgeMs <= now.getTime() + deps.items.rememberMs;
}

async function routeAndQueue(
  source: IngestSource,
  item: Item,
  channels: readonly Channel[],
  terms: Map<string, WatchTerm[]>,
  deps: IngestDeps,
  now: Date,
): Promise<ItemTrace & { channels: ChannelTrace[] }> {
  const started = performance.now();
  const classification = classifyItem(item, deps.classifier);
  deps.metrics?.classifySeconds((performance.now() - started) / 1_000);
  // Prepared once per item, and only if some channel has watch terms to match.
  let text: string | undefined;
  const prepared = () => (text ??= prepareText(`${item.title} ${item.summary ?? ''}`));
  const alertId = `${source.id}:${item.key}`;
  // Worked out only for an item some channel takes: most items go nowhere.
  let stories: ReturnType<typeof storyKeys> | undefined;
  const entries: OutboxEntry[] = [];
  const results: ChannelTrace[] = [];
  let logged: Alert | undefined;

  const scope = source.scope ?? (await billScope(item, deps));
  for (const channel of channels) {
    if (!mayReceive(scope, channel)) {
      results.push({
        channelId: channel.id,
        outcome: 'skipped',
        reason: 'the feed belongs to another workspace or server',
      });
      continue;
    }
    const decision = routeItem(item, classification, channel, terms.get(channel.id) ?? [], deps.classifier, prepared);
    if (!decision.deliver) {
      results.push({ channelId: channel.id, outcome: 'skipped', reason: decision.reason });
      continue;
    }
    stories ??= item.thread ? {} : storyKeys(item);
    if (!(await deps.stories.claim(channel.id, stories, alertId))) {
      results.push({
        channelId: channel.id,
        outcome: 'duplicate-story',
        reason: 'the same story from another feed already went to this channel',
      });
      continue;
    }
    const alert = toAlert(alertId, source, item, decision.classification, decision.matchedBy, now);
    logged ??= alert;
    const digest = deps.digests ? channel.digest : undefined;
    if (digest) {
      // Collected before the item settles, like a queued alert: a crash collects it again, once.
      await deps.digests?.collect(channel.id, alert, now.toISOString());
      if (digest.mode === 'instead') {
        results.push({
          channelId: channel.id,
          outcome: 'queued',
          reason: `${decision.matchedBy}; for the ${digest.every} digest`,
        });
        continue;
      }
    }
    entries.push({
      key: outboxKey(channel.id, alertId),
      channelId: channel.id,
      payload: { type: 'alert', alert },
      attempts: 0,
      createdAt: now.toISOString(),
      nextAttemptAt: now.toISOString(),
    });
    results.push({ channelId: channel.id, outcome: 'queued', reason: decision.matchedBy });
    deps.logger.info(
      { sourceId: source.id, itemId: item.key, channelId: channel.id, matchedBy: decision.matchedBy },
      'alert queued',
    );
  }
  if (entries.length) {
    await deps.outbox.enqueue(entries);
    deps.metrics?.alertQueued(classification.action, entries.length);
  }
  // The alert log is read by everyone's vendor lookups: a feed scoped to one tenant stays out of it.
  if (!scope && (logged || classification.relevant)) {
    await deps.alerts.record(logged ?? toAlert(alertId, source, item, classification, 'relevant', now));
  }
  const instrument = deps.instruments ? instrumentRecord(source.id, item, classification, now) : undefined;
  if (instrument) await deps.instruments?.record(instrument);
  const { relevant, score, vendors, action, reasons } = classification;
  return {
    itemKey: item.key,
    title: item.title,
    link: item.link,
    outcome: 'classified',
    classification: { relevant, score, vendors, action, reasons },
    channels: results,
    alertId,
  };
}

function toAlert(
  id: string,
  source: IngestSource,
  item: Item,
  classification: Classification,
  matchedBy: string,
  now: Date,
): Alert {
  return {
    id,
    sourceId: source.id,
    sourceName: source.name,
    itemKey: item.key,
    title: item.title,
    link: item.link,
    summary: item.summary?.slice(0, 1_000),
    publishedAt: item.publishedAt?.toISOString(),
    classification,
    thread: item.thread,
    createdAt: now.toISOString(),
    matchedBy,
  };
}

function isTooOld(item: Item, now: Date, maxAgeMs: number): boolean {
  if (item.exemptFromAgeLimit || !item.publishedAt) return false;
  return now.getTime() - item.publishedAt.getTime() > maxAgeMs;
}

/** By date when every item has one; else feed order reversed (feeds list the newest first). */
function chronological(items: readonly Item[]): Item[] {
  const reversed = [...items].reverse();
  if (!items.every((item) => item.publishedAt)) return reversed;
  // Dates are often to the second: equal ones keep the reversed feed order (a stable sort).
  return reversed.sort((a, b) => (a.publishedAt?.getTime() ?? 0) - (b.publishedAt?.getTime() ?? 0));
}

/** The `count` most recent items (by date when known, else feed order, which is newest first). */
function newest(items: readonly Item[], count: number): Item[] {
  if (count <= 0) return [];
  const dated = items.every((item) => item.publishedAt);
  const ordered = dated
    ? [...items].sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
    : [...items];
  return ordered.slice(0, count);
}

/** The tenants a bill's stage belongs to, when workspaces or servers (not an operator) tracked it. */
async function billScope(item: Item, deps: IngestDeps): Promise<string[] | undefined> {
  const key = item.thread?.key;
  if (!key?.startsWith('bill:') || !deps.trackedBills) return undefined;
  const bill = (await deps.trackedBills.list()).find((entry) => `bill:${entry.id}` === key);
  return bill && billTenants(bill);
}
