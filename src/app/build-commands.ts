import type { Clock } from '../domain/clock.js';
import type { Source } from '../domain/source.js';
import type { VendorCatalog } from '../domain/vendor.js';
import { CommandRouter } from '../commands/command-router.js';
import { billsHandler, type ConfiguredBill, stateOfRecord } from '../commands/handlers/bills-handler.js';
import { trackHandler, untrackHandler } from '../commands/handlers/track-handler.js';
import type { InstrumentTracker } from '../commands/handlers/vendor-handler.js';
import type { TrackedBill } from '../domain/instrument.js';
import type { InstrumentIndex, TrackedBillStore } from '../domain/ports.js';
import { deadLettersHandler } from '../commands/handlers/deadletters-handler.js';
import { statusHandler, type SourceInfo, type StatusDeps } from '../commands/handlers/status-handler.js';
import type { AllowedTenants } from '../domain/tenancy.js';
import { subscribeHandler, unsubscribeHandler } from '../commands/handlers/subscribe-handler.js';
import { vendorHandler } from '../commands/handlers/vendor-handler.js';
import { watchHandler } from '../commands/handlers/watch-handler.js';
import { mentionsHandler } from '../commands/handlers/mentions-handler.js';
import { feedsHandler, type FeedsDeps } from '../commands/handlers/feeds-handler.js';
import { whyHandler } from '../commands/handlers/why-handler.js';
import { listLookup } from '../commands/handlers/list-lookup.js';
import { listsHandler } from '../commands/handlers/lists-handler.js';
import { inventoryMatcher } from '../commands/handlers/inventory-matcher.js';
import { listNameIndex } from '../commands/handlers/list-name-index.js';
import { listVendorMatcher } from './list-vendor-matcher.js';
import { createListSnapshotStore } from '../store/list-snapshot-store.js';
import type { FeedRegistry } from '../domain/runtime-feed.js';
import type { ChannelDirectory } from '../pipeline/channel-directory.js';
import type { Logger } from '../shared/logger.js';
import type { Stores } from '../store/open-stores.js';

export interface CommandDeps {
  stores: Stores;
  /** Feeds: the set to refresh after changes, the URL checks and the probe (absent for commands that need none). */
  feeds?: Omit<FeedsDeps, 'registry' | 'feeds' | 'clock'> & { refresh(): Promise<void> };
  /** Items older than this are never alerted (the config's maxAgeDays); `why` says so. */
  maxAgeDays: number;
  catalog: VendorCatalog;
  channels: ChannelDirectory;
  sources: () => Source[];
  clock: Clock;
  logger: Logger;
  /** Bills named by the config file's congress sources (always tracked; `untrack` refuses them). */
  configuredBills?: () => readonly ConfiguredBill[];
  /** Government sources the config names but that do not run (no key), for `status`. */
  switchedOff?: () => readonly SourceInfo[];
  /** `allowed.slackTeams` / `allowed.discordGuilds`: the workspaces and servers that may use the bot. */
  allowed?: AllowedTenants;
  /** Watch terms one channel may hold (config `watch.maxTermsPerChannel`; 1,000 when absent). */
  maxTermsPerChannel?: number;
  /** Channels whose delivery is paused because their platform refused banwatch's credentials. */
  pausedDeliveries?: StatusDeps['pausedDeliveries'];
}

/**
 * The vendor lookup's view of the instrument index: tracked bills and rules that name a vendor,
 * with the section of its text a bill was found by (full-text discovery), when it was.
 */
export function instrumentTracker(
  instruments: Pick<InstrumentIndex, 'list'>,
  tracked?: Pick<TrackedBillStore, 'list'>,
): InstrumentTracker {
  return {
    async forVendor(vendor) {
      const wanted = vendor.toLowerCase();
      const found = new Map(
        ((await tracked?.list()) ?? []).flatMap((bill) => (bill.matched ? [[`bill:${bill.id}`, bill.matched]] : [])),
      );
      return (await instruments.list())
        .filter((entry) => entry.vendors.some((name) => name.toLowerCase() === wanted))
        .map((entry) => ({
          label: entry.reference ? `${entry.label} / ${entry.reference}` : entry.label,
          title: matchedTitle(entry.title, found.get(entry.key)),
          stage: entry.stage,
          date: entry.date,
          ...(entry.url ? { url: entry.url } : {}),
          ...(stateOfRecord(entry) ? { state: stateOfRecord(entry) } : {}),
        }));
    },
  };
}

function matchedTitle(title: string, matched: TrackedBill['matched']): string {
  if (!matched) return title;
  const excerpt = matched.excerpt.length > 160 ? `${matched.excerpt.slice(0, 159)}…` : matched.excerpt;
  return `${title} — found by its text: ${matched.section ? `${matched.section}: ` : ''}"${excerpt}"`;
}

export function buildCommandRouter(deps: CommandDeps): CommandRouter {
  const subscription = { registry: deps.stores.channels, catalog: deps.catalog, channelFor: deps.channels.forPlatform };
  const bills = {
    configured: deps.configuredBills ?? (() => []),
    tracked: deps.stores.trackedBills,
    instruments: deps.stores.instruments,
    catalog: deps.catalog,
    clock: deps.clock,
    congressActive: () => deps.sources().some((source) => sourceType(source) === 'congress'),
  };
  const snapshots = createListSnapshotStore(deps.stores.backend);
  const listings = listLookup(snapshots);
  const catalogueVendor = listVendorMatcher(deps.catalog);
  // One index of the official lists per import: thousands of rows, not thousands of full lookups.
  const inventory = {
    matcher: async () =>
      inventoryMatcher({ catalog: deps.catalog, catalogueVendor, lists: listNameIndex(await snapshots.latest()) }),
  };
  const listSources = async () =>
    deps
      .sources()
      .filter((source) => LIST_SOURCE_TYPES.includes(sourceType(source)))
      .map((source) => ({ id: source.id, name: source.name }));
  return new CommandRouter(
    [
      vendorHandler({
        catalog: deps.catalog,
        alerts: deps.stores.alerts,
        tracker: instrumentTracker(deps.stores.instruments, deps.stores.trackedBills),
        listings,
      }),
      listsHandler({ lookup: listings, sources: listSources, clock: deps.clock, feeds: deps.stores.feeds }),
      billsHandler(bills),
      trackHandler(bills),
      untrackHandler(bills),
      watchHandler({
        watch: deps.stores.watch,
        clock: deps.clock,
        channelExists: async (id) => Boolean(await deps.channels.get(id)),
        channel: (id) => deps.channels.get(id),
        ...(deps.maxTermsPerChannel ? { maxTerms: deps.maxTermsPerChannel } : {}),
        inventory,
      }),
      mentionsHandler({
        rules: deps.stores.mentionRules,
        channel: (id) => deps.channels.get(id),
        catalog: deps.catalog,
        clock: deps.clock,
      }),
      subscribeHandler(subscription),
      unsubscribeHandler(subscription),
      statusHandler({
        sources: async () =>
          deps
            .sources()
            .map((s) => ({
              id: s.id,
              name: s.name,
              type: sourceType(s),
              intervalMs: s.intervalMs,
              ...(s.scope ? { scope: s.scope } : {}),
            }))
            .concat(deps.switchedOff?.() ?? []),
        feeds: deps.stores.feeds,
        outbox: deps.stores.outbox,
        clock: deps.clock,
        storeKind: deps.stores.backend.kind,
        channels: deps.channels.concerning,
        pausedDeliveries: deps.pausedDeliveries ?? (() => deps.stores.pauses.list()),
        digests: deps.stores.digests,
      }),
      whyHandler({
        traces: deps.stores.traces,
        outbox: deps.stores.outbox,
        channels: deps.channels.concerning,
        maxAgeDays: deps.maxAgeDays,
      }),
      ...(deps.feeds ? [feedsHandler(feedsDeps(deps, deps.feeds))] : []),
      deadLettersHandler({ outbox: deps.stores.outbox, clock: deps.clock }),
    ],
    deps.logger,
    () => deps.stores.flush(),
    deps.allowed,
  );
}

/** The feeds handler over the store, refreshing the polled set after every change. */
export function feedsDeps(
  deps: Pick<CommandDeps, 'stores' | 'clock' | 'sources'>,
  feeds: NonNullable<CommandDeps['feeds']>,
): FeedsDeps {
  const refreshing: FeedRegistry = {
    list: () => deps.stores.runtimeFeeds.list(),
    async put(feed) {
      await deps.stores.runtimeFeeds.put(feed);
      await feeds.refresh();
    },
    async remove(id) {
      const removed = await deps.stores.runtimeFeeds.remove(id);
      await feeds.refresh();
      return removed;
    },
  };
  return {
    ...feeds,
    registry: refreshing,
    batch: { registry: deps.stores.runtimeFeeds, refresh: () => feeds.refresh() },
    feeds: deps.stores.feeds,
    clock: deps.clock,
    otherSources: () => deps.sources().filter((source) => sourceType(source) !== 'rss'),
  };
}

const LIST_SOURCE_TYPES = ['screening-list', 'ofac-sdn', 'fcc-covered-list'];

function sourceType(source: Source): string {
  return (source as { type?: string }).type ?? 'rss';
}
