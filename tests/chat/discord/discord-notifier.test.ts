import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordNotifier } from '../../../src/chat/discord/discord-notifier.js';
import { closeDiscordRest, createDiscordRest } from '../../../src/chat/discord/discord-rest.js';
import type { Channel } from '../../../src/domain/channel.js';
import type { Notifier } from '../../../src/domain/notifier.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../../fakes/discord-api.js';
import { sampleAlert } from '../../support/sample-alert.js';

/** The REST notifier with the real @discordjs/rest against the fake Discord API. */
const TOKEN = 'notifier-token-abcdef';
const CHANNEL_ID = '123456789012345678';
let api: FakeDiscordApi;
let notifier: Notifier;
let rest: ReturnType<typeof createDiscordRest>;

beforeAll(async () => {
  api = await startFakeDiscordApi({ token: TOKEN });
  rest = createDiscordRest({ token: TOKEN, apiUrl: api.apiUrl, timeoutMs: 1_000 });
  notifier = createDiscordNotifier(rest, { token: TOKEN });
});
afterAll(async () => {
  closeDiscordRest(rest);
  await api.close();
});
beforeEach(() => api.reset());

const channel = (id = CHANNEL_ID): Channel => ({ id: 'discord-sec', type: 'discord', channel: id, origin: 'config' });
type Embed = {
  title: string;
  url?: string;
  description?: string;
  color: number;
  author: { name: string };
  fields: Array<{ name: string; value: string }>;
  timestamp: string;
};
const lastBody = () =>
  api.messages().at(-1)?.body as {
    content?: string;
    embeds: Embed[];
    allowed_mentions: unknown;
    message_reference?: unknown;
  };

describe('discord notifier', () => {
  it('posts one embed to the channel with the bot token, and keeps the message and channel ids', async () => {
    const outcome = await notifier.send(sampleAlert(), channel());
    const created = api.messages(CHANNEL_ID)[0];
    expect(outcome).toEqual({
      status: 'delivered',
      ref: { platform: 'discord', id: created?.id, channel: CHANNEL_ID },
    });
    expect(api.calls('POST')[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
    const body = lastBody();
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.message_reference).toBeUndefined();
    const embed = body.embeds[0] as Embed;
    expect(embed.title).toBe('FCC bans new Hikvision and Dahua equipment authorizations');
    expect(embed.url).toBe('https://therecord.media/fcc-bans-hikvision-dahua');
    expect(embed.color).toBe(0xd93025);
    expect(embed.fields.map((f) => [f.name, f.value])).toEqual([
      ['Vendors', 'Hikvision, Dahua'],
      ['Stage', 'rule or order'],
      ['Jurisdiction', 'US-federal'],
      ['Source', 'therecord.media · 2022-11-25'],
      ['Why', 'vendor "Hikvision"; ban cue "bans"; jurisdiction US-federal: "FCC"'],
    ]);
    expect(embed.timestamp).toBe('2022-11-25T15:00:00.000Z');
  });

  it('never pings for an item titled "@everyone Huawei banned"', async () => {
    await notifier.send(
      sampleAlert({
        title: '@everyone Huawei banned',
        summary: '@here <@123456789012345678> <@&223456789012345678> read',
      }),
      channel(),
    );
    const body = lastBody();
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(body)).not.toMatch(/(?<!\u200b)@(everyone|here)|<@/);
    expect(body.embeds[0]?.title).toBe('@\u200beveryone Huawei banned');
  });

  it('replies to the first alert of the same bill, and tolerates its deletion', async () => {
    const first = await notifier.send(sampleAlert(), channel());
    if (first.status !== 'delivered' || !first.ref) throw new Error('not delivered');
    const later = sampleAlert({
      id: 'x:2',
      thread: { key: 'bill:hr5515-115', label: 'H.R.5515 (115th)', stage: 'enacted', conclusive: true },
    });
    await notifier.send(later, channel(), first.ref);
    const body = lastBody();
    expect(body.message_reference).toEqual({ message_id: first.ref.id, fail_if_not_exists: false });
    expect(body.content).toBe('Update on H.R.5515 \\(115th\\): enacted');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('does not reply to a message from another platform or channel', async () => {
    await notifier.send(sampleAlert(), channel(), {
      platform: 'discord',
      id: '999999999999999999',
      channel: '888888888888888888',
    });
    expect(lastBody().message_reference).toBeUndefined();
    await notifier.send(sampleAlert(), channel(), { platform: 'slack', id: '1700000000.000100', channel: 'C0123' });
    expect(lastBody().message_reference).toBeUndefined();
  });

  it("cuts text to Discord's limits", async () => {
    const long = sampleAlert({
      title: 'T'.repeat(400),
      summary: 'S'.repeat(6_000),
      sourceName: 'N'.repeat(2_000),
      classification: {
        ...sampleAlert().classification,
        vendors: Array.from({ length: 200 }, (_, i) => `Vendor${i}`),
        reasons: ['r'.repeat(3_000)],
      },
    });
    expect((await notifier.send(long, channel())).status).toBe('delivered');
    const embed = lastBody().embeds[0] as Embed;
    expect([...embed.title].length).toBeLessThanOrEqual(256);
    expect([...(embed.description ?? '')].length).toBeLessThanOrEqual(4_096);
    expect(embed.fields.every((f) => f.value.length <= 1_024 && f.value.length > 0 && f.name.length <= 256)).toBe(true);
    const total = [
      embed.title,
      embed.description,
      embed.author.name,
      ...embed.fields.flatMap((f) => [f.name, f.value]),
    ].join('').length;
    expect(total).toBeLessThanOrEqual(6_000);
  });

  it('turns a 429 into a retry after Retry-After, without waiting in the client', async () => {
    api.script({ method: 'POST', path: /\/messages$/, status: 429, retryAfter: 7 });
    const started = Date.now();
    const outcome = await notifier.send(sampleAlert(), channel());
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(outcome).toMatchObject({ status: 'retry', reason: expect.stringContaining('429') as string });
    expect(outcome.status === 'retry' && outcome.retryAfterMs).toBeGreaterThanOrEqual(7_000);
    expect(outcome.status === 'retry' && outcome.retryAfterMs).toBeLessThan(8_000);
    expect(api.calls('POST')).toHaveLength(1);
    expect((await notifier.send(sampleAlert(), channel())).status).toBe('delivered');
  });

  it.each([
    [50001, 403, 'Missing Access'],
    [10003, 404, 'Unknown Channel'],
    [50013, 403, 'Missing Permissions'],
  ])('dead-letters Discord error %i with its name', async (code, status, name) => {
    api.script({ method: 'POST', path: /\/messages$/, status, code });
    const outcome = await notifier.send(sampleAlert(), channel());
    expect(outcome).toEqual({ status: 'rejected', reason: `Discord ${status} ${code}: ${name}` });
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'rejected'],
    [404, 'rejected'],
  ])('sorts a plain HTTP %i as %s, and the next alert still goes out', async (status, outcome) => {
    // A 401 is the bot token refused: the channel pauses instead of dead-lettering (issue 20 E).
    api.script({ method: 'POST', path: /\/messages$/, status });
    expect((await notifier.send(sampleAlert(), channel())).status).toBe(outcome);
    expect((await notifier.send(sampleAlert(), channel())).status).toBe('delivered');
  });

  it('retries a 5xx', async () => {
    api.script({ method: 'POST', path: /\/messages$/, status: 502 });
    expect(await notifier.send(sampleAlert(), channel())).toMatchObject({
      status: 'retry',
      reason: expect.stringContaining('502') as string,
    });
    expect(api.calls('POST')).toHaveLength(1);
  });

  it('retries when Discord does not answer within the timeout', async () => {
    api.script({ method: 'POST', path: /\/messages$/, status: 200, delayMs: 2_000 });
    expect(await notifier.send(sampleAlert(), channel())).toEqual({
      status: 'retry',
      reason: 'Discord did not answer in time',
    });
  });

  it('retries when nothing listens', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const offline = createDiscordRest({ token: TOKEN, apiUrl: `http://127.0.0.1:${closedPort}/api`, timeoutMs: 1_000 });
    const outcome = await createDiscordNotifier(offline).send(sampleAlert(), channel());
    closeDiscordRest(offline);
    expect(outcome).toMatchObject({ status: 'retry', reason: expect.stringMatching(/^network error/) as string });
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
  });

  it('rejects a channel without a valid Discord channel id, without calling Discord', async () => {
    expect(await notifier.send(sampleAlert(), { ...channel(), channel: '../../users/@me' })).toMatchObject({
      status: 'rejected',
    });
    expect(api.calls()).toHaveLength(0);
  });

  it('posts notices as an embed too', async () => {
    const outcome = await notifier.notify(
      { id: 'n1', title: 'Feed paused: @everyone', text: 'feed-a failed 10 times', createdAt: '2026-01-01T00:00:00Z' },
      channel(),
    );
    expect(outcome.status).toBe('delivered');
    expect(lastBody().embeds[0]?.title).toBe('Feed paused: @\u200beveryone');
    expect(lastBody().allowed_mentions).toEqual({ parse: [] });
  });
});
