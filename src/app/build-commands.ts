import type { Clock } from '../domain/clock.js';
import type { Source } from '../domain/source.js';
import type { VendorCatalog } from '../domain/vendor.js';
import { CommandRouter } from '../commands/command-router.js';
import { billsHandler, type ConfiguredBill } from '../commands/handlers/bills-handler.js';
import { trackHandler, untrackHandler } from '../commands/handlers/track-handler.js';
import type { InstrumentTracker } from '../commands/handlers/vendor-handler.js';
import type { InstrumentIndex } from '../domain/ports.js';
import { statusHandler } from '../commands/handlers/status-handler.js';
import { subscribeHandler, unsubscribeHandler } from '../commands/handlers/subscribe-handler.js';
import { vendorHandler } from '../commands/handlers/vendor-handler.js';
import { watchHandler } from '../commands/handlers/watch-handler.js';
import type { ChannelDirectory } from '../pipeline/channel-directory.js';
import type { Logger } from '../shared/logger.js';
import type { Stores } from '../store/open-stores.js';

export interface CommandDeps {
  stores: Stores;
  catalog: VendorCatalog;
  channels: ChannelDirectory;
  sources: () => Source[];
  clock: Clock;
  logger: Logger;
  /** Bills named by the config file's congress sources (always tracked; `untrack` refuses them). */
  configuredBills?: () => readonly ConfiguredBill[];
}

/** The vendor lookup's view of the instrument index: tracked bills and rules that name a vendor. */
export function instrumentTracker(instruments: Pick<InstrumentIndex, 'list'>): InstrumentTracker {
  return {
    async forVendor(vendor) {
      const wanted = vendor.toLowerCase();
      return (await instruments.list())
        .filter((entry) => entry.vendors.some((name) => name.toLowerCase() === wanted))
        .map((entry) => ({
          label: entry.reference ? `${entry.label} / ${entry.reference}` : entry.label,
          title: entry.title,
          stage: entry.stage,
          date: entry.date,
          ...(entry.url ? { url: entry.url } : {}),
        }));
    },
  };
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
  return new CommandRouter(
    [
      vendorHandler({ catalog: deps.catalog, alerts: deps.stores.alerts, tracker: instrumentTracker(deps.stores.instruments) }),
      billsHandler(bills),
      trackHandler(bills),
      untrackHandler(bills),
      watchHandler({ watch: deps.stores.watch, clock: deps.clock, channelExists: async (id) => Boolean(await deps.channels.get(id)) }),
      subscribeHandler(subscription),
      unsubscribeHandler(subscription),
      statusHandler({
        sources: async () => deps.sources().map((s) => ({ id: s.id, name: s.name, type: sourceType(s), intervalMs: s.intervalMs })),
        feeds: deps.stores.feeds,
        outbox: deps.stores.outbox,
        clock: deps.clock,
        storeKind: deps.stores.backend.kind,
      }),
    ],
    deps.logger,
  );
}

function sourceType(source: Source): string {
  return (source as { type?: string }).type ?? 'rss';
}
