import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commandInteraction,
  MANAGE_GUILD,
  PLAIN_MEMBER,
  pingInteraction,
  postInteraction,
  testKeys,
  type PostResult,
  type TestKeys,
} from '../chat/discord/signed-interaction.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../fakes/discord-api.js';
import { rssDocument, startFeedServer, type FeedServer, type RssItemSpec } from '../fakes/feed-server.js';
import { runInProcess, type RunningCli } from '../support/run-in-process.js';

/**
 * issue 4's "Done when", as a user runs it: `banwatch run` from the CLI with DISCORD_TOKEN
 * (from a `_FILE`), DISCORD_APPLICATION_ID, DISCORD_PUBLIC_KEY, DISCORD_API_URL pointed at the
 * fake Discord and PORT=0; a local feed; signed interactions at /discord/interactions; stopped
 * by SIGTERM. The steps run in order against the one running process.
 */
const TOKEN = 'discord-e2e-bot-token-0001';
const APP = '100000000000000001';
const CHANNEL = '123456789012345678';

let feeds: FeedServer;
let discord: FakeDiscordApi;
let keys: TestKeys;
let dir: string;
let run: RunningCli;
let url: string;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
const old: RssItemSpec = {
  title: 'Weather warning for the coast',
  link: 'https://news.example/w',
  guid: 'w1',
  pubDate: hoursAgo(20),
};
const everyone: RssItemSpec = {
  title: '@everyone Huawei banned',
  link: 'https://news.example/everyone',
  guid: 'e1',
  pubDate: hoursAgo(1),
  description: '@here <@123456789012345678> read *this*',
};
const fcc: RssItemSpec = {
  title: 'FCC bans new Hikvision and Dahua equipment over national security risk',
  link: 'https://news.example/fcc',
  guid: 'f1',
  pubDate: hoursAgo(2),
};
const skyvisor: RssItemSpec = {
  title: 'Pentagon bans Skyvisor drones from military bases',
  link: 'https://news.example/skyvisor',
  guid: 's1',
  pubDate: hoursAgo(1),
};

beforeAll(async () => {
  feeds = await startFeedServer();
  discord = await startFakeDiscordApi({ token: TOKEN, applicationId: APP });
  keys = testKeys();
  feeds.route('/feed.xml', { body: rssDocument({ items: [old] }) });
  dir = mkdtempSync(join(tmpdir(), 'banwatch-discord-run-'));
  writeFileSync(join(dir, 'discord-token'), `${TOKEN}\n`);
  writeFileSync(
    join(dir, 'banwatch.yaml'),
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'sources:',
      `  - {id: feed, type: rss, url: "${feeds.url('/feed.xml')}", interval: 1s}`,
      'channels:',
      `  - {id: discord-sec, type: discord, channel: "${CHANNEL}"}`,
    ].join('\n'),
  );
  run = runInProcess(['--config', join(dir, 'banwatch.yaml')], {
    DISCORD_TOKEN_FILE: join(dir, 'discord-token'),
    DISCORD_APPLICATION_ID: APP,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_API_URL: discord.apiUrl,
    PORT: '0',
  });
  const port = await run.port();
  url = `http://127.0.0.1:${port}/discord/interactions`;
});
afterAll(async () => {
  await run.stop();
  await feeds.close();
  await discord.close();
});

interface AnswerMessage {
  embeds: Array<{ title: string; description?: string }>;
  flags?: number;
  allowed_mentions: unknown;
}

/** The answer's message: the direct response, or the deferred answer edited in through REST. */
async function answerOf(result: PostResult): Promise<AnswerMessage> {
  expect(result.status).toBe(200);
  if (result.json?.type === 4) return result.json.data as AnswerMessage;
  expect(result.json?.type).toBe(5);
  await discord.waitFor(() => discord.calls('PATCH').length > 0);
  return discord.calls('PATCH').at(-1)?.body as never;
}

const channelMessages = () =>
  discord
    .messages(CHANNEL)
    .map(
      (m) =>
        m.body as { embeds: Array<{ title: string; url?: string; description?: string }>; allowed_mentions: unknown },
    );

describe('banwatch run with Discord', () => {
  it('says Discord is connected and serves the interactions endpoint', () => {
    expect(run.stderr()).toContain('chat: discord connected');
  });

  it('answers a PING with a PONG and a bad signature with 401', async () => {
    expect((await postInteraction(url, pingInteraction(), { keys })).json).toEqual({ type: 1 });
    expect((await postInteraction(url, pingInteraction(), { keys: testKeys() })).status).toBe(401);
    const genuine = JSON.stringify(pingInteraction());
    expect(
      (await postInteraction(url, genuine.replace('ping-token', 'other-token'), { keys, signedBody: genuine })).status,
    ).toBe(401);
  });

  it('answers a signed vendor interaction for hikvision with Section 889 and the FCC Covered List, ephemerally', async () => {
    const result = await postInteraction(
      url,
      commandInteraction({
        command: 'banwatch',
        subcommand: 'vendor',
        channelId: CHANNEL,
        options: [{ name: 'name', type: 3, value: 'hikvision' }],
      }),
      { keys },
    );
    const answer = await answerOf(result);
    expect(answer.flags).toBe(64);
    expect(answer.allowed_mentions).toEqual({ parse: [] });
    expect(answer.embeds[0]?.title).toMatch(/^Hikvision/);
    expect(answer.embeds[0]?.description).toContain('Section 889');
    expect(answer.embeds[0]?.description).toContain('FCC Covered List');
  });

  it('posts each new alert once, as an embed that cannot ping, even "@everyone Huawei banned"', async () => {
    await expect.poll(() => feeds.requestsTo('/feed.xml').length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(channelMessages()).toHaveLength(0);
    feeds.route('/feed.xml', { body: rssDocument({ items: [everyone, fcc, old] }) });
    await discord.waitFor(() => channelMessages().length >= 2, 20_000);
    const polls = feeds.requestsTo('/feed.xml').length;
    await expect
      .poll(() => feeds.requestsTo('/feed.xml').length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(polls + 2);
    const posted = channelMessages();
    expect(posted.map((m) => m.embeds[0]?.title).sort()).toEqual([
      '@\u200beveryone Huawei banned',
      'FCC bans new Hikvision and Dahua equipment over national security risk',
    ]);
    for (const message of posted) {
      expect(message.allowed_mentions).toEqual({ parse: [] });
      expect(message.embeds).toHaveLength(1);
      expect(JSON.stringify(message)).not.toMatch(/(?<!\u200b)@(everyone|here)|<@\d/);
    }
    expect(posted.find((m) => m.embeds[0]?.url === 'https://news.example/fcc')).toBeDefined();
    expect(discord.calls('POST', /\/messages$/).every((c) => c.headers.authorization === `Bot ${TOKEN}`)).toBe(true);
  });

  it('refuses watch add to a member without Manage Server, confirms it for one with it, and the next poll alerts in that channel', async () => {
    const add = (permissions: string) =>
      commandInteraction({
        command: 'banwatch-admin',
        group: 'watch',
        subcommand: 'add',
        channelId: CHANNEL,
        permissions,
        options: [{ name: 'term', type: 3, value: 'Skyvisor' }],
      });
    const refused = await answerOf(await postInteraction(url, add(PLAIN_MEMBER), { keys }));
    expect(refused.embeds[0]?.title).toBe('Not allowed');
    expect(refused.flags).toBe(64);

    const confirmed = await answerOf(await postInteraction(url, add(MANAGE_GUILD), { keys }));
    expect(confirmed.embeds[0]?.title).toBe('Watch term "Skyvisor" added in discord-sec');
    expect(confirmed.flags).toBeUndefined();

    feeds.route('/feed.xml', { body: rssDocument({ items: [skyvisor, everyone, fcc, old] }) });
    await discord.waitFor(() => channelMessages().some((m) => m.embeds[0]?.title === skyvisor.title), 20_000);
    expect(channelMessages()).toHaveLength(3);
  });

  it('stops on SIGTERM with status 0 and never prints the token', async () => {
    expect(await run.stop()).toBe(0);
    expect(run.stderr()).not.toContain(TOKEN);
  });
});
