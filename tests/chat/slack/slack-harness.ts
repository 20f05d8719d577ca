import { resolve } from 'node:path';
import { buildCommandRouter } from '../../../src/app/build-commands.js';
import { startHttpServer, type RunningHttpServer } from '../../../src/runtime/http-server.js';
import type { ChatPlatform } from '../../../src/chat/platform.js';
import { createSlackPlatform, type SlackPlatformSettings } from '../../../src/chat/slack/slack-platform.js';
import { createTriageService } from '../../../src/commands/triage-service.js';
import { loadVendorCatalog } from '../../../src/classify/vendor-catalog.js';
import { tenantOverview } from '../../../src/commands/tenant-overview.js';
import type { Channel } from '../../../src/domain/channel.js';
import { channelDirectory, type ChannelDirectory } from '../../../src/pipeline/channel-directory.js';
import { silentLogger, type Logger } from '../../../src/shared/logger.js';
import type { Stores } from '../../../src/store/open-stores.js';
import { mutableClock, type MutableClock } from '../../support/mutable-clock.js';
import { tempStores } from '../../support/temp-stores.js';

export const VENDORS_FILE = resolve(__dirname, '..', '..', '..', 'config', 'vendors.yaml');

export interface SlackHarness {
  platform: ChatPlatform;
  stores: Stores;
  channels: ChannelDirectory;
  clock: MutableClock;
  /** Where the platform's routes are mounted (HTTP mode), e.g. `http://127.0.0.1:P/slack/events`. */
  eventsUrl?: string;
  close(): Promise<void>;
}

/**
 * The Slack platform as main.ts wires it — the real CommandRouter and handlers over a fresh
 * SQLite store, the real vendor catalog — started, with its routes mounted on banwatch's own
 * HTTP server. Only the platform's dependencies are assembled here, not the whole app.
 */
export async function startSlackHarness(
  settings: SlackPlatformSettings,
  options: { configured?: Channel[]; admins?: string[]; logger?: Logger } = {},
): Promise<SlackHarness> {
  const clock = mutableClock(new Date());
  const stores = await tempStores(clock);
  const catalog = loadVendorCatalog(VENDORS_FILE);
  const channels = channelDirectory(options.configured ?? [], stores.channels);
  const logger = options.logger ?? silentLogger();
  const router = buildCommandRouter({ stores, catalog, channels, sources: () => [], clock, logger, maxAgeDays: 14 });
  const triage = createTriageService({
    verdicts: stores.triage,
    watch: stores.watch,
    alerts: stores.alerts,
    channel: (id) => channels.get(id),
    clock,
    suggestMuteAfter: 3,
  });
  const platform = createSlackPlatform(settings, {
    router,
    triage,
    clock,
    logger,
    admins: options.admins ?? [],
    channelFor: async (type, id) => (await channels.forPlatform(type, id))?.id,
    completeVendor: () => [],
    overview: tenantOverview({
      channels: () => channels.all(),
      watch: stores.watch,
      alerts: stores.alerts,
      outbox: stores.outbox,
    }),
  });
  await platform.start();
  let http: RunningHttpServer | undefined;
  if (platform.routes.length) http = await startHttpServer(0, platform.routes, logger);
  return {
    platform,
    stores,
    channels,
    clock,
    eventsUrl: http ? `http://127.0.0.1:${http.port}/slack/events` : undefined,
    async close() {
      await http?.close();
      await platform.stop();
      await stores.close();
    },
  };
}
