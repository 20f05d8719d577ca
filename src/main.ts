import { buildCommandRouter } from './app/build-commands.js';
import { buildNotifiers } from './app/build-notifiers.js';
import { buildSources } from './app/build-sources.js';
import { buildPlatforms } from './app/build-platforms.js';
import { startHttpServer, type RunningHttpServer } from './app/http-server.js';
import type { ChatPlatform } from './chat/platform.js';
import { createClassifier } from './classify/classifier.js';
import { loadVendorCatalog } from './classify/vendor-catalog.js';
import type { CommandRouter } from './commands/command-router.js';
import type { Config } from './config/load-config.js';
import type { Classifier } from './domain/classification.js';
import { systemClock, type Clock } from './domain/clock.js';
import type { Source } from './domain/source.js';
import type { VendorCatalog } from './domain/vendor.js';
import { channelDirectory, type ChannelDirectory } from './pipeline/channel-directory.js';
import { Engine } from './pipeline/engine.js';
import { createFeedFetcher, type FeedFetcher } from './shared/http/feed-fetcher.js';
import type { Logger } from './shared/logger.js';
import { openStores, type Stores } from './store/open-stores.js';

/** Everything `banwatch` runs, wired once. The only place that knows concrete implementations (with src/app/). */
export interface App {
  config: Config;
  engine: Engine;
  router: CommandRouter;
  stores: Stores;
  catalog: VendorCatalog;
  classifier: Classifier;
  channels: ChannelDirectory;
  platforms: ChatPlatform[];
  sources(): Source[];
  /** Connects the chat platforms, opens the HTTP server when needed, and starts scheduling. */
  start(): Promise<{ httpPort?: number }>;
  close(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Where console alerts go (stdout). */
  stdout: NodeJS.WritableStream;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Fetcher for config feeds; tests may shorten its timeout. */
  fetcher?: FeedFetcher;
}

/** Names for autocomplete: those starting with the prefix first, then close misspellings. */
function completeVendor(catalog: VendorCatalog, prefix: string, limit: number): string[] {
  const wanted = prefix.trim().toLowerCase();
  const names = catalog.all().map((vendor) => vendor.name);
  const starting = names.filter((name) => name.toLowerCase().startsWith(wanted));
  const rest = wanted ? catalog.suggest(wanted, limit) : [];
  return [...new Set([...starting, ...rest])].slice(0, limit);
}

export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const catalog = loadVendorCatalog(config.vendorsFile);
  const classifier = createClassifier(catalog);
  const stores = await openStores(config.store, clock);
  const fetcher = options.fetcher ?? createFeedFetcher({ clock });
  const sources = buildSources(config.sources, { trustedFetcher: fetcher, clock, logger, classifier, trackedBills: stores.trackedBills, catalog });
  const channels = channelDirectory(config.channels, stores.channels);
  const configuredBills = config.sources.flatMap((source) => (source.type === 'congress' ? source.bills : []));
  const router = buildCommandRouter({ stores, catalog, channels, sources: () => sources, clock, logger, configuredBills: () => configuredBills });
  const platforms = buildPlatforms(config, {
    router,
    clock,
    logger,
    channelFor: async (type, id) => (await channels.forPlatform(type, id))?.id,
    completeVendor: (prefix, limit) => completeVendor(catalog, prefix, limit),
  });
  const extra = Object.fromEntries(platforms.map((platform) => [platform.name, platform.notifier]));
  const notifierFor = buildNotifiers({ stdout: options.stdout, fetch: options.fetch, extra });
  const engine = new Engine(() => sources, {
    ...stores,
    classifier,
    clock,
    logger,
    channels,
    notifierFor,
    maxAgeMs: config.maxAgeDays * 86_400_000,
    maxAttempts: config.delivery.maxAttempts,
    sweep: () => stores.backend.sweep(),
  });
  let http: RunningHttpServer | undefined;
  return {
    config,
    engine,
    router,
    stores,
    catalog,
    classifier,
    channels,
    platforms,
    sources: () => sources,
    async start() {
      for (const platform of platforms) await platform.start();
      const routes = platforms.flatMap((platform) => platform.routes);
      if (routes.length || config.port !== undefined) http = await startHttpServer(config.port ?? 3000, routes, logger);
      engine.start();
      return { httpPort: http?.port };
    },
    async close() {
      await engine.stop();
      await http?.close();
      for (const platform of platforms) await platform.stop();
      await fetcher.close();
      await stores.close();
    },
  };
}
