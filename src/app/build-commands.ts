import type { Clock } from '../domain/clock.js';
import type { Source } from '../domain/source.js';
import type { VendorCatalog } from '../domain/vendor.js';
import { CommandRouter } from '../commands/command-router.js';
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
}

export function buildCommandRouter(deps: CommandDeps): CommandRouter {
  const subscription = { registry: deps.stores.channels, catalog: deps.catalog, channelFor: deps.channels.forPlatform };
  return new CommandRouter(
    [
      vendorHandler({ catalog: deps.catalog, alerts: deps.stores.alerts }),
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
