import { startHttpServer, type RunningHttpServer } from '../../../src/runtime/http-server.js';
import { createDiscordPlatform, type DiscordPlatformClients } from '../../../src/chat/discord/discord-platform.js';
import type { ChatPlatform } from '../../../src/chat/platform.js';
import type { CommandHandler } from '../../../src/commands/command.js';
import { CommandRouter } from '../../../src/commands/command-router.js';
import { createTriageService } from '../../../src/commands/triage-service.js';
import { statusHandler } from '../../../src/commands/handlers/status-handler.js';
import { deadLettersHandler } from '../../../src/commands/handlers/deadletters-handler.js';
import { subscribeHandler, unsubscribeHandler } from '../../../src/commands/handlers/subscribe-handler.js';
import { vendorHandler } from '../../../src/commands/handlers/vendor-handler.js';
import { watchHandler } from '../../../src/commands/handlers/watch-handler.js';
import { inventoryMatcher } from '../../../src/commands/handlers/inventory-matcher.js';
import { listNameIndex } from '../../../src/commands/handlers/list-name-index.js';
import { listVendorMatcher } from '../../../src/app/list-vendor-matcher.js';
import type { Channel } from '../../../src/domain/channel.js';
import type { VendorCatalog, VendorRecord } from '../../../src/domain/vendor.js';
import { channelDirectory } from '../../../src/pipeline/channel-directory.js';
import { silentLogger } from '../../../src/shared/logger.js';
import type { Stores } from '../../../src/store/open-stores.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../../fakes/discord-api.js';
import { mutableClock } from '../../support/mutable-clock.js';
import { tempStores } from '../../support/temp-stores.js';
import { testKeys, type TestKeys } from './signed-interaction.js';

export const TOKEN = 'fake-bot-token-0123456789';
export const APPLICATION_ID = '100000000000000001';
export const CONFIG_CHANNEL = '123456789012345678';

const hikvision: VendorRecord = {
  name: 'Hikvision',
  category: 'video surveillance',
  country: 'CN',
  legalNames: ['Hangzhou Hikvision Digital Technology Co., Ltd.'],
  aliases: ['Hikvision', 'HIKVISION'],
  brands: [{ name: 'EZVIZ', relation: 'subsidiary brand' }],
  restrictions: [
    {
      instrument: 's889',
      jurisdiction: 'US-federal',
      date: '2018-08-13',
      stage: 'enacted',
      evidence: 'https://www.congress.gov/bill/115th-congress/house-bill/5515',
    },
    {
      instrument: 'covered',
      jurisdiction: 'US-federal',
      date: '2021-03-12',
      stage: 'in-effect',
      note: 'listed @everyone (a hostile note)',
    },
  ],
  notes: [],
};
const dji: VendorRecord = {
  ...hikvision,
  name: 'DJI',
  category: 'drones',
  aliases: ['DJI'],
  brands: [],
  restrictions: [],
  legalNames: [],
};

/** A two-vendor catalog: enough for lookups, autocomplete and subscribe filters. */
export const testCatalog: VendorCatalog = {
  all: () => [hikvision, dji],
  instrument: (id) =>
    ({
      s889: {
        id: 's889',
        name: 'Section 889',
        short: 'NDAA FY2019 Section 889 (Public Law 115-232)',
        jurisdiction: 'US-federal',
        type: 'statute',
      },
      covered: {
        id: 'covered',
        name: 'FCC Covered List',
        short: 'FCC Covered List',
        jurisdiction: 'US-federal',
        type: 'agency list',
      },
    })[id],
  resolve: (name) =>
    [hikvision, dji].find((v) =>
      [v.name, ...v.aliases, ...v.brands.map((b) => b.name)].some((n) => n.toLowerCase() === name.trim().toLowerCase()),
    ),
  suggest: (name) =>
    [hikvision, dji].map((v) => v.name).filter((n) => n.toLowerCase().startsWith(name.slice(0, 2).toLowerCase())),
};

export interface Bot {
  api: FakeDiscordApi;
  keys: TestKeys;
  stores: Stores;
  platform: ChatPlatform;
  http: RunningHttpServer;
  url: string;
  close(): Promise<void>;
}

export interface BotOptions extends DiscordPlatformClients {
  /** Interactions endpoint (default) or gateway. */
  mode?: 'http' | 'gateway';
  admins?: string[];
  extraHandlers?: CommandHandler[];
}

/**
 * The Discord platform with real command handlers over a temporary SQLite store, its
 * interactions route on a real HTTP server, and its REST client pointed at the fake API.
 * One config channel posts to CONFIG_CHANNEL.
 */
export async function startBot(options: BotOptions = {}): Promise<Bot> {
  const clock = mutableClock(new Date());
  const api = await startFakeDiscordApi({ token: TOKEN, applicationId: APPLICATION_ID });
  const keys = testKeys();
  const stores = await tempStores(clock);
  const configured: Channel[] = [{ id: 'discord-sec', type: 'discord', channel: CONFIG_CHANNEL, origin: 'config' }];
  const channels = channelDirectory(configured, stores.channels);
  const logger = silentLogger();
  const subscription = { registry: stores.channels, catalog: testCatalog, channelFor: channels.forPlatform };
  const router = new CommandRouter(
    [
      vendorHandler({ catalog: testCatalog, alerts: stores.alerts }),
      watchHandler({
        watch: stores.watch,
        clock,
        channelExists: async (id) => Boolean(await channels.get(id)),
        channel: (id) => channels.get(id),
        inventory: {
          matcher: async () =>
            inventoryMatcher({
              catalog: testCatalog,
              catalogueVendor: listVendorMatcher(testCatalog),
              lists: listNameIndex([]),
            }),
        },
      }),
      subscribeHandler(subscription),
      unsubscribeHandler(subscription),
      deadLettersHandler({ outbox: stores.outbox, clock }),
      statusHandler({
        sources: async () => [],
        feeds: stores.feeds,
        outbox: stores.outbox,
        clock,
        storeKind: 'sqlite',
      }),
      ...(options.extraHandlers ?? []),
    ],
    logger,
  );
  const triage = createTriageService({
    verdicts: stores.triage,
    watch: stores.watch,
    alerts: stores.alerts,
    channel: (id) => channels.get(id),
    clock,
    suggestMuteAfter: 3,
  });
  const platform = createDiscordPlatform(
    {
      token: TOKEN,
      applicationId: APPLICATION_ID,
      apiUrl: api.apiUrl,
      ...(options.mode === 'gateway' ? {} : { publicKey: keys.publicKeyHex }),
    },
    {
      router,
      clock: { now: () => new Date() },
      logger,
      triage,
      admins: options.admins ?? [],
      channelFor: async (type, id) => (await channels.forPlatform(type, id))?.id,
      completeVendor: (prefix, limit) =>
        testCatalog
          .all()
          .map((v) => v.name)
          .filter((n) => n.toLowerCase().startsWith(prefix.toLowerCase()))
          .slice(0, limit),
    },
    options,
  );
  await platform.start();
  const http = await startHttpServer(0, platform.routes, logger);
  return {
    api,
    keys,
    stores,
    platform,
    http,
    url: `http://127.0.0.1:${http.port}/discord/interactions`,
    async close() {
      await http.close();
      await platform.stop();
      await stores.close();
      await api.close();
    },
  };
}

export interface Embed {
  title: string;
  description?: string;
  color?: number;
}

/** The embed of an interaction answer (type 4) or of an edited deferral; throws when there is none. */
export function embedOf(message: unknown): Embed {
  const embed = (message as { embeds?: Embed[] } | null | undefined)?.embeds?.[0];
  if (!embed) throw new Error(`no embed in ${JSON.stringify(message)}`);
  return embed;
}
