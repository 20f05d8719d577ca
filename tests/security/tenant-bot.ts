import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  commandInteraction,
  MANAGE_GUILD,
  PLAIN_MEMBER,
  postInteraction,
  testKeys,
  type TestKeys,
} from '../chat/discord/signed-interaction.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../fakes/discord-api.js';
import { rssDocument, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { runInProcess, type RunningCli } from '../support/run-in-process.js';

/**
 * One `banwatch run` serving two Discord servers: the operator's (HOME, whose #security is a
 * config channel) and a stranger's (STRANGER), over real signed interactions and the fake
 * Discord API. The operator is the config's `admins.discord`; each server has a Manage Server
 * member of its own.
 */
export const TOKEN = 'tenancy-bot-token-000001';
export const APP = '100000000000000001';
export const HOME = '500000000000000001';
export const STRANGER = '600000000000000002';
export const SECURITY = '123456789012345678';
export const STRANGER_CHANNEL = '223456789012345678';
export const OPERATOR = '300000000000000009';
export const HOME_ADMIN = '300000000000000002';
export const STRANGER_ADMIN = '300000000000000003';

export interface Caller {
  userId: string;
  guildId: string;
  channelId: string;
  permissions: string;
}

export const operator: Caller = { userId: OPERATOR, guildId: HOME, channelId: SECURITY, permissions: MANAGE_GUILD };
export const homeAdmin: Caller = { userId: HOME_ADMIN, guildId: HOME, channelId: SECURITY, permissions: MANAGE_GUILD };
export const homeMember: Caller = {
  userId: '300000000000000004',
  guildId: HOME,
  channelId: SECURITY,
  permissions: PLAIN_MEMBER,
};
export const stranger: Caller = {
  userId: STRANGER_ADMIN,
  guildId: STRANGER,
  channelId: STRANGER_CHANNEL,
  permissions: MANAGE_GUILD,
};

export interface Answer {
  title: string;
  text: string;
}

export interface TenantBot {
  feeds: FeedServer;
  discord: FakeDiscordApi;
  run: RunningCli;
  /** Runs a command as `who`: `admin` picks /banwatch-admin, else /banwatch. */
  ask(
    who: Caller,
    spec: { admin?: boolean; group?: string; subcommand: string; options?: Record<string, string> },
  ): Promise<Answer>;
  close(): Promise<void>;
}

export async function startTenantBot(extraConfig: string[] = []): Promise<TenantBot> {
  const feeds = await startFeedServer();
  const discord = await startFakeDiscordApi({ token: TOKEN, applicationId: APP });
  const keys: TestKeys = testKeys();
  feeds.route('/official.xml', { body: rssDocument({ items: [] }) });
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-tenancy-'));
  writeFileSync(
    join(dir, 'banwatch.yaml'),
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'sources:',
      `  - {id: official, type: rss, url: "${feeds.url('/official.xml')}", interval: 1s}`,
      'channels:',
      `  - {id: discord-sec, type: discord, channel: "${SECURITY}"}`,
      'admins:',
      `  discord: ["${OPERATOR}"]`,
      // The fake feeds live on 127.0.0.1: chat may add them here (the guard is tested elsewhere).
      'feeds: {allowPrivateNetworks: true, interval: 1s}',
      ...extraConfig,
    ].join('\n'),
  );
  const run = runInProcess(['--config', join(dir, 'banwatch.yaml')], {
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APP,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_API_URL: discord.apiUrl,
    PORT: '0',
  });
  const url = `http://127.0.0.1:${await run.port()}/discord/interactions`;
  return {
    feeds,
    discord,
    run,
    async ask(who, spec) {
      const options = Object.entries(spec.options ?? {}).map(([name, value]) => ({ name, type: 3, value }));
      const payload = commandInteraction({
        command: spec.admin ? 'banwatch-admin' : 'banwatch',
        ...(spec.group ? { group: spec.group } : {}),
        subcommand: spec.subcommand,
        channelId: who.channelId,
        guildId: who.guildId,
        userId: who.userId,
        permissions: who.permissions,
        options,
      });
      const patches = discord.calls('PATCH').length;
      const result = await postInteraction(url, payload, { keys });
      expect(result.status).toBe(200);
      let message = result.json?.data as {
        embeds?: Array<{ title?: string; description?: string; fields?: unknown[] }>;
      };
      if (result.json?.type === 5) {
        await discord.waitFor(() => discord.calls('PATCH').length > patches, 20_000);
        message = discord.calls('PATCH').at(-1)?.body as typeof message;
      }
      const embed = message.embeds?.[0] ?? {};
      return { title: embed.title ?? '', text: JSON.stringify(message) };
    },
    async close() {
      await run.stop();
      await feeds.close();
      await discord.close();
    },
  };
}

/** Waits until `check` holds (polling, outside a test body too), or fails after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
