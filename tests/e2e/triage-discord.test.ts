import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp, type App } from '../../src/main.js';
import { createLogger } from '../../src/shared/logger.js';
import {
  componentInteraction,
  MANAGE_GUILD,
  postInteraction,
  testKeys,
  type TestKeys,
} from '../chat/discord/signed-interaction.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../fakes/discord-api.js';
import { rssDocument, startFeedServer, type FeedServer, type RssItemSpec } from '../fakes/feed-server.js';

/**
 * Issue 21 on Discord with the whole app: alerts through the real REST client to the fake
 * Discord API, button presses as signed interactions at /discord/interactions.
 * GIVEN #security pings a role for Hikvision, #ops pings nobody.
 */
const TOKEN = 'triage-discord-bot-token-01';
const APP = '100000000000000001';
const SECURITY = '123456789012345678';
const OPS = '223456789012345678';
const ROLE = '700000000000000001';
let feeds: FeedServer;
let discord: FakeDiscordApi;
let keys: TestKeys;
let app: App;
let endpoint: string;

const hostile: RssItemSpec = {
  title: 'FCC bans new Hikvision cameras @everyone @here <@&999999999999999999>',
  link: 'https://news.example/hik-ban',
  guid: 'hik1',
  pubDate: new Date(Date.now() - 3_600_000),
  description: 'Everyone should know @everyone <@300000000000000009>',
};

beforeAll(async () => {
  feeds = await startFeedServer();
  discord = await startFakeDiscordApi({ token: TOKEN, applicationId: APP });
  keys = testKeys();
  feeds.route('/news.xml', { body: rssDocument({ title: 'News', items: [] }) });
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-triage-discord-'));
  const file = join(dir, 'banwatch.yaml');
  writeFileSync(
    file,
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'sources:',
      `  - {id: news, type: rss, url: "${feeds.url('/news.xml')}", interval: 1s}`,
      'channels:',
      `  - id: security`,
      `    type: discord`,
      `    channel: "${SECURITY}"`,
      `    mentions: [{when: {vendors: [Hikvision]}, ping: ["role:${ROLE}"]}]`,
      `  - {id: ops, type: discord, channel: "${OPS}"}`,
    ].join('\n'),
  );
  const config = loadConfig({
    file,
    env: {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_API_URL: discord.apiUrl,
      PORT: '0',
    },
  });
  const logger = createLogger({ level: 'warn', secrets: config.secrets, destination: { write: () => true } as never });
  app = await createApp({ config, logger, stdout: { write: () => true } as unknown as NodeJS.WritableStream });
  const { httpPort } = await app.start();
  endpoint = `http://127.0.0.1:${httpPort}/discord/interactions`;
  for (let i = 0; i < 150 && !(await app.stores.feeds.get('news'))?.initialized; i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  feeds.route('/news.xml', { body: rssDocument({ title: 'News', items: [hostile] }) });
  await discord.waitFor(() => discord.messages(SECURITY).length === 1 && discord.messages(OPS).length === 1, 20_000);
});
afterAll(async () => {
  await app?.close();
  await feeds.close();
  await discord.close();
});

const posted = () => discord.messages(SECURITY)[0] as { id: string; body: Record<string, unknown> };
const customIds = (body: Record<string, unknown>) =>
  ((body.components as Array<{ components: Array<{ custom_id: string }> }>)[0]?.components ?? []).map(
    (c) => c.custom_id,
  );
function pressOf(action: string, extra: Partial<Parameters<typeof componentInteraction>[0]> = {}) {
  const message = posted();
  const customId = customIds(message.body).find((id) => id.startsWith(`bw:${action}:`)) as string;
  return componentInteraction({
    customId,
    message: {
      id: message.id,
      embeds: message.body.embeds as unknown[],
      components: message.body.components as unknown[],
    },
    channelId: SECURITY,
    ...extra,
  });
}

describe('mentions on Discord', () => {
  it('pings exactly the configured role through allowed_mentions, and feed text pings nobody', () => {
    const body = posted().body;
    expect(body.content).toBe(`<@&${ROLE}>`);
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
    const ops = (discord.messages(OPS)[0] as { body: Record<string, unknown> }).body;
    expect(ops.allowed_mentions).toEqual({ parse: [] });
    expect(ops.content).toBeUndefined();
    // Whatever the escaping leaves in the embed, nothing but ROLE is allowed to ping.
    expect(JSON.stringify(ops)).not.toMatch(/<@&?\d+>/);
  });

  it('puts the three triage buttons on every alert', () => {
    expect(customIds(posted().body).map((id) => id.split(':')[1])).toEqual(['ack', 'not-relevant', 'mute']);
  });
});

describe('triage buttons on Discord', () => {
  it('records an acknowledgement once and updates the message (type 7) with who and when', async () => {
    const first = await postInteraction(endpoint, pressOf('ack'), { keys });
    expect(first.status).toBe(200);
    expect(first.json?.type).toBe(7);
    expect(JSON.stringify(first.json?.data?.embeds)).toMatch(
      /Acknowledged by Alice at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/,
    );
    expect(first.json?.data?.allowed_mentions).toEqual({ parse: [] });
    const again = await postInteraction(endpoint, pressOf('ack', { userId: '300000000000000002' }), { keys });
    expect(again.json).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(again.json?.data?.content).toContain('Already recorded');
    expect(await app.stores.triage.list('ack')).toHaveLength(1);
  });

  it('counts a press in a thread (a forum post) of the channel as a press in the channel', async () => {
    const press = pressOf('not-relevant', { channelId: '823456789012345678' });
    (press.channel as Record<string, unknown>).parent_id = SECURITY;
    const answer = await postInteraction(endpoint, press, { keys });
    expect(answer.json?.type).toBe(7);
    expect((await app.stores.triage.list('not-relevant')).map((v) => v.channelId)).toEqual(['security']);
  });

  it('refuses an unsigned press and one signed with another key, recording nothing', async () => {
    expect((await postInteraction(endpoint, pressOf('not-relevant'))).status).toBe(401);
    expect((await postInteraction(endpoint, pressOf('not-relevant'), { keys: testKeys() })).status).toBe(401);
    expect(await app.stores.triage.list('not-relevant')).toHaveLength(1);
  });

  it("refuses a press from outside a server, and a member's mute; mutes for a Manage Server member", async () => {
    const dm = await postInteraction(endpoint, pressOf('ack', { dm: true }), { keys });
    expect(dm.json?.data?.content).toContain('NOT_MEMBER');
    const member = await postInteraction(endpoint, pressOf('mute'), { keys });
    expect(member.json?.data?.content).toContain('NOT_ADMIN');
    const admin = await postInteraction(endpoint, pressOf('mute', { permissions: MANAGE_GUILD }), { keys });
    expect(admin.json?.type).toBe(7);
    expect((await app.stores.watch.list('security')).map((t) => [t.term, t.mode])).toEqual([['Hikvision', 'mute']]);
  });
});
