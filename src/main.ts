import { randomBytes } from 'node:crypto';
import { buildCommandRouter, feedsDeps } from './app/build-commands.js';
import { tenantOverview } from './commands/tenant-overview.js';
import { buildNotifiers } from './app/build-notifiers.js';
import { buildPlatforms } from './app/build-platforms.js';
import { buildWebRoutes, dashboardAddress } from './app/build-web.js';
import { buildSources } from './app/build-sources.js';
import { switchedOffSources } from './app/switched-off-sources.js';
import { withMentionRules } from './app/mention-channels.js';
import { createTriageService, type TriageService } from './commands/triage-service.js';
import type { QueuedDelivery } from './runtime/bullmq-delivery.js';
import { feedProbe } from './app/feed-probe.js';
import { healthRoutes } from './runtime/health-routes.js';
import { startHttpServer, type RunningHttpServer } from './runtime/http-server.js';
import { lazyFeedReader } from './runtime/lazy-feed-reader.js';
import { leaseLeadership } from './runtime/lease-leadership.js';
import { listVendorMatcher } from './app/list-vendor-matcher.js';
import { instrumentTerms, watchTermProvider } from './app/govinfo-terms.js';
import { defaultLexicon } from './classify/lexicon/lexicon-load.js';
import { createSourceSet, type SourceSet } from './app/source-set.js';
import type { ChatPlatform } from './chat/platform.js';
import { createClassifier } from './classify/classifier.js';
import { loadVendorCatalog } from './classify/vendor-catalog.js';
import type { CommandRouter } from './commands/command-router.js';
import type { FeedsDeps } from './commands/handlers/feeds-handler.js';
import type { Config } from './config/load-config.js';
import type { Classifier } from './domain/classification.js';
import { noMetrics } from './domain/metrics.js';
import { systemClock, type Clock } from './domain/clock.js';
import { soleLeadership } from './domain/leadership.js';
import type { Source } from './domain/source.js';
import type { VendorCatalog } from './domain/vendor.js';
import { channelDirectory, type ChannelDirectory } from './pipeline/channel-directory.js';
import { deliverOneChannel } from './pipeline/delivery-worker.js';
import { DigestScheduler } from './pipeline/digest-scheduler.js';
import { Engine } from './pipeline/engine.js';
import { createFeedFetcher, type FeedFetcher } from './shared/http/feed-fetcher.js';
import { validateFeedUrl } from './shared/http/feed-url.js';
import type { Logger } from './shared/logger.js';
import { createListSnapshotStore } from './store/list-snapshot-store.js';
import { openStores, type Stores } from './store/open-stores.js';
import { createListDownloader } from './sources/lists/list-download.js';
import { splitStoreUrl } from './store/store-url.js';
import { BanwatchError } from './shared/errors.js';

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
  sourceSet: SourceSet;
  clock: Clock;
  /** Queues the digests that are due (the engine ticks it every minute). */
  digestScheduler: DigestScheduler;
  /** The feeds handler's dependencies, for the CLI's OPML import. */
  feedsDeps: FeedsDeps;
  /** Applies presses of the alert buttons (what the Slack and Discord adapters call). */
  triage: TriageService;
  sources(): Source[];
  /** Connects the chat platforms, opens the HTTP server when needed, and starts scheduling. */
  start(): Promise<{ httpPort?: number; dashboardUrl?: string }>;
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
  /** Parse feeds in this thread (one-shot commands, tests) instead of worker threads. */
  parseInThread?: boolean;
  /** How long a webhook may take to answer (tests of platforms that hang). */
  webhookTimeoutMs?: number;
  /**
   * A command that does its work and exits (`poll --once`, `feeds`, `watch`...): no Prometheus
   * metrics, since nothing scrapes them, and prom-client is never loaded. Such an app cannot `start()`.
   */
  oneShot?: boolean;
  /** The app will poll (`run`, `poll --once`): parser threads start now rather than at the first feed. */
  pollsSoon?: boolean;
}

/** Names for autocomplete: those starting with the prefix first, then close misspellings. */
function completeVendor(catalog: VendorCatalog, prefix: string, limit: number): string[] {
  const wanted = prefix.trim().toLowerCase();
  const names = catalog.all().map((vendor) => vendor.name);
  const starting = names.filter((name) => name.toLowerCase().startsWith(wanted));
  const rest = wanted ? catalog.suggest(wanted, limit) : [];
  return [...new Set([...starting, ...rest])].slice(0, limit);
}

/** A cron expression for "every N seconds" (1-59), for the delivery tick. */
function everySeconds(ms: number): string {
  return `*/${Math.max(1, Math.min(59, Math.round(ms / 1_000)))} * * * * *`;
}

export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const instanceId = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const reader = options.parseInThread ? undefined : lazyFeedReader(config.feeds.parserThreads, logger);
  if (options.pollsSoon) reader?.warm();
  const catalog = loadVendorCatalog(config.vendorsFile);
  const classifier = createClassifier(catalog);
  const stores = await openStores(config.store, clock, {
    itemsMs: config.items.rememberDays * 86_400_000,
    storiesMs: config.retention.storiesMs,
    tracesMs: config.retention.tracesMs,
    deliveriesMs: config.retention.deliveriesMs,
  }).catch(async (error: unknown) => {
    // A store that cannot open (corrupt, away) ends the command: a thread started early goes too.
    await reader?.close();
    throw error;
  });
  const fetcher = options.fetcher ?? createFeedFetcher({ clock });
  const guardedFetcher = createFeedFetcher({ clock, allowPrivateNetworks: config.feeds.allowPrivateNetworks });
  const lists = {
    downloader: createListDownloader({ clock }),
    store: createListSnapshotStore(stores.backend),
    matchVendor: listVendorMatcher(catalog),
  };
  const configured = buildSources(config.sources, {
    lists,
    trustedFetcher: fetcher,
    clock,
    logger,
    classifier,
    trackedBills: stores.trackedBills,
    catalog,
    instruments: instrumentTerms(defaultLexicon()),
    watchTerms: watchTermProvider(channelDirectory(config.channels, stores.channels), stores.watch),
    readBytes: reader?.readBytes,
    budgetSlots: stores.backend.claims('request-budgets'),
  });
  // Built when `feeds list` asks, not kept: a 100,000-entry Map is 3.5 MB (issue 24).
  const configUrls = () =>
    new Map(config.sources.flatMap((source) => (source.type === 'rss' ? [[source.id, source.url] as const] : [])));
  const sourceSet = createSourceSet(configured, configUrls, {
    registry: stores.runtimeFeeds,
    trustedFetcher: fetcher,
    guardedFetcher,
    clock,
    readBytes: reader?.readBytes,
  });
  await sourceSet.refresh();
  const channels = withMentionRules(channelDirectory(config.channels, stores.channels), stores.mentionRules);
  const configuredBills = config.sources.flatMap((source) => (source.type === 'congress' ? source.bills : []));
  const feeds = {
    known: () => sourceSet.feeds(),
    refresh: () => sourceSet.refresh(),
    checkUrl: (url: string, trusted: boolean) =>
      validateFeedUrl(url, { allowPrivateNetworks: trusted || config.feeds.allowPrivateNetworks }),
    probe: feedProbe({ trustedFetcher: fetcher, guardedFetcher, clock, readBytes: reader?.readBytes }),
    defaultIntervalMs: config.feeds.intervalMs,
  };
  const router = buildCommandRouter({
    stores,
    catalog,
    channels,
    sources: () => sourceSet.all(),
    clock,
    logger,
    configuredBills: () => configuredBills,
    switchedOff: () => switchedOffSources(config.sources),
    maxAgeDays: config.maxAgeDays,
    maxTermsPerChannel: config.watch.maxTermsPerChannel,
    feeds,
    allowed: config.allowed,
  });
  // Leases coordinate several processes on a shared store; the embedded SQLite store has one.
  const shared = stores.backend.kind !== 'sqlite';
  const triage = createTriageService({
    verdicts: stores.triage,
    watch: stores.watch,
    alerts: stores.alerts,
    channel: (id) => channels.get(id),
    clock,
    suggestMuteAfter: config.triage.suggestMuteAfter,
    flush: () => stores.flush(),
    allowed: config.allowed,
    maxTerms: config.watch.maxTermsPerChannel,
  });
  const platforms = await buildPlatforms(config, {
    router,
    leadership: shared ? leaseLeadership({ leases: stores.leases, owner: instanceId, clock, logger }) : soleLeadership,
    clock,
    logger,
    triage,
    channelFor: async (type, id) => (await channels.forPlatform(type, id))?.id,
    completeVendor: (prefix, limit) => completeVendor(catalog, prefix, limit),
    overview: tenantOverview({
      channels: channels.ofTenant,
      watch: stores.watch,
      alerts: stores.alerts,
      outbox: stores.outbox,
    }),
  });
  const extra = Object.fromEntries(platforms.map((platform) => [platform.name, platform.notifier]));
  const notifierFor = buildNotifiers({
    stdout: options.stdout,
    fetch: options.fetch,
    timeoutMs: options.webhookTimeoutMs,
    extra,
  });
  const prom = options.oneShot
    ? undefined
    : (await import('./runtime/prom-metrics.js')).createPromMetrics(() => stores.outbox.counts());
  const metrics = prom ?? noMetrics;
  let closing = false;
  const deliveryDeps = {
    stopping: () => closing,
    ...stores,
    leases: shared ? stores.leases : undefined,
    clock,
    logger,
    notifierFor,
    metrics,
    instanceId,
    maxAttempts: config.delivery.maxAttempts,
    channelGapMs: config.delivery.channelGapMs,
    channel: (id: string) => channels.get(id),
  };
  let queue: QueuedDelivery | undefined;
  const digestScheduler = new DigestScheduler({
    inbox: stores.digests,
    outbox: stores.outbox,
    clock,
    logger,
    channels: () => channels.all(),
    instanceId,
  });
  const engine = new Engine(() => sourceSet.all(), {
    ...deliveryDeps,
    classifier,
    channels,
    maxAgeMs: config.maxAgeDays * 86_400_000,
    pauseAfterFailures: config.feeds.pauseAfter,
    deliveryTick: everySeconds(config.delivery.intervalMs),
    digestScheduler,
    async sweep() {
      await stores.backend.sweep();
      // Delivery history is pruned here (hourly): one short read when nothing is old enough.
      const cutoff = new Date(clock.now().getTime() - config.history.retainDays * 86_400_000);
      const pruned = await stores.history.prune(cutoff);
      if (pruned)
        logger.info(
          { pruned },
          `delivery history: ${pruned} record(s) older than ${config.history.retainDays} days removed`,
        );
    },
    // Several instances on Redis hand deliveries to a shared queue; set in start().
    get deliveryQueue() {
      return queue;
    },
  });
  let http: RunningHttpServer | undefined;
  let refresher: NodeJS.Timeout | undefined;
  return {
    config,
    engine,
    router,
    stores,
    catalog,
    classifier,
    channels,
    platforms,
    sourceSet,
    clock,
    digestScheduler,
    feedsDeps: feedsDeps({ stores, clock, sources: () => sourceSet.all() }, feeds),
    triage,
    sources: () => sourceSet.all(),
    async start() {
      if (!prom) throw new BanwatchError('INTERNAL', 'a one-shot app (created with oneShot) cannot start');
      if (stores.backend.kind === 'redis') {
        const { url, value: prefix = 'banwatch' } = splitStoreUrl(config.store, 'prefix');
        const { startQueuedDelivery } = await import('./runtime/bullmq-delivery.js');
        queue = startQueuedDelivery(
          url,
          prefix,
          async (channelId) => void (await deliverOneChannel(channelId, deliveryDeps)),
          logger,
          { clock },
        );
      }
      for (const platform of platforms) await platform.start();
      const health = healthRoutes({
        ping: () => stores.backend.ping(),
        schedulerRunning: () => engine.running,
        sources: () => sourceSet.all(),
        feeds: stores.feeds,
        clock,
        registry: prom.registry,
        ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
      });
      // The dashboard (UI_TOKEN set) renders from the same stores the commands read.
      const web = buildWebRoutes(config.ui?.token, {
        stores,
        catalog,
        channels,
        sources: () => sourceSet.all(),
        configuredBills: () => configuredBills,
        clock,
      });
      const routes = [...platforms.flatMap((platform) => platform.routes), ...health, ...web];
      if (platforms.some((p) => p.routes.length) || config.port !== undefined || web.length)
        http = await startHttpServer(config.port ?? 3000, routes, logger, config.host);
      engine.start();
      // Other instances (and the CLI) add feeds too: pick them up within half a minute.
      refresher = setInterval(() => void sourceSet.refresh().catch(() => undefined), 30_000);
      refresher.unref();
      const dashboardUrl = http && web.length ? dashboardAddress(config.host, http.port) : undefined;
      return { httpPort: http?.port, ...(dashboardUrl ? { dashboardUrl } : {}) };
    },
    async close() {
      closing = true;
      if (refresher) clearInterval(refresher);
      await engine.stop();
      await queue?.close();
      await http?.close();
      for (const platform of platforms) await platform.stop();
      await reader?.close();
      await fetcher.close();
      await guardedFetcher.close();
      await lists.downloader.close();
      await stores.close();
    },
  };
}
