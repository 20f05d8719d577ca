import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatConsoleDigest } from '../../src/chat/console/console-digest.js';
import { createDiscordNotifier } from '../../src/chat/discord/discord-notifier.js';
import { closeDiscordRest, createDiscordRest } from '../../src/chat/discord/discord-rest.js';
import { createDiscordWebhookNotifier } from '../../src/chat/discord/discord-webhook-notifier.js';
import { createSlackWebClient } from '../../src/chat/slack/slack-client.js';
import { createSlackNotifier } from '../../src/chat/slack/slack-notifier.js';
import { createSlackWebhookNotifier } from '../../src/chat/slack/slack-webhook-notifier.js';
import type { Channel } from '../../src/domain/channel.js';
import { silentLogger } from '../../src/shared/logger.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../fakes/discord-api.js';
import { blocksOf, startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.js';
import { withinBlockLimits } from '../fakes/slack-block-limits.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';
import { sampleAlert } from '../support/sample-alert.js';
import { manyAlerts, sampleDigest } from '../support/sample-digest.js';

const SLACK_TOKEN = 'xoxb-digest-token';
const DISCORD_TOKEN = 'digest-token-abcdef';
const DISCORD_CHANNEL = '223456789012345678';
let slack: FakeSlackApi;
let discord: FakeDiscordApi;
let hooks: WebhookServer;
let rest: ReturnType<typeof createDiscordRest>;

beforeAll(async () => {
  slack = await startFakeSlackApi({ botToken: SLACK_TOKEN });
  discord = await startFakeDiscordApi({ token: DISCORD_TOKEN });
  hooks = await startWebhookServer();
  rest = createDiscordRest({ token: DISCORD_TOKEN, apiUrl: discord.apiUrl, timeoutMs: 1_000 });
});
afterAll(async () => {
  closeDiscordRest(rest);
  await Promise.all([slack.close(), discord.close(), hooks.close()]);
});
beforeEach(() => {
  slack.calls.length = 0;
  discord.reset();
  hooks.posts.length = 0;
});

/** Three alerts: two Hikvision at different stages (one also naming Dahua), one DJI. */
const small = () =>
  sampleDigest([
    sampleAlert({ id: 'a:1', title: 'House passes Hikvision ban' }),
    sampleAlert({
      id: 'a:2',
      title: 'Hikvision rule final <!channel> @everyone',
      link: 'https://example.com/final',
      classification: { ...sampleAlert().classification, vendors: ['Hikvision'], stage: 'enacted' },
    }),
    sampleAlert({
      id: 'a:3',
      title: 'FCC adds DJI drones to the Covered List',
      link: 'https://example.com/dji',
      classification: { ...sampleAlert().classification, vendors: ['DJI'], stage: 'rule' },
    }),
  ]);

const slackChannel: Channel = { id: 'morning', type: 'slack', channel: 'C0DIGEST', origin: 'config' };
const discordChannel: Channel = { id: 'morning', type: 'discord', channel: DISCORD_CHANNEL, origin: 'config' };

type Embed = { title: string; fields: Array<{ name: string; value: string }>; footer: { text: string } };
const embedLength = (e: Embed) =>
  e.title.length + e.footer.text.length + e.fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);

describe('digest on Slack (real WebClient, fake Slack API)', () => {
  const notifier = () =>
    createSlackNotifier({
      client: createSlackWebClient(SLACK_TOKEN, slack.url, silentLogger()),
      logger: silentLogger(),
    });

  it('posts one message grouped by vendor, then stage, with counts, and mentions escaped', async () => {
    const outcome = await notifier().digest(small(), slackChannel);
    expect(outcome).toMatchObject({ status: 'delivered', ref: { platform: 'slack', channel: 'C0DIGEST' } });
    const calls = slack.callsTo('chat.postMessage');
    expect(calls).toHaveLength(1);
    const body = calls[0]?.body;
    expect(body).toMatchObject({
      channel: 'C0DIGEST',
      text: 'Daily digest, 2026-03-29: 3 alerts',
      unfurl_links: false,
    });
    const blocks = blocksOf(body);
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    expect(blocks[1]?.text?.text).toBe(
      [
        '*Hikvision* — 2 alerts',
        '_rule or order_ (1)',
        '• <https://therecord.media/fcc-bans-hikvision-dahua|House passes Hikvision ban> (also Dahua) · therecord.media · 2022-11-25',
        '_enacted_ (1)',
        '• <https://example.com/final|Hikvision rule final &lt;!channel&gt; @everyone> · therecord.media · 2022-11-25',
      ].join('\n'),
    );
    expect(blocks[2]?.text?.text).toMatch(/^\*DJI\* — 1 alert\n_rule or order_ \(1\)\n• <https:\/\/example.com\/dji\|/);
  });

  it('keeps a long digest within Block Kit limits, counting what it leaves out', async () => {
    const digest = sampleDigest(manyAlerts(400, 60));
    expect(await notifier().digest(digest, slackChannel)).toMatchObject({ status: 'delivered' });
    const blocks = blocksOf(slack.callsTo('chat.postMessage')[0]?.body);
    expect(withinBlockLimits(blocks)).toBe(true);
    const text = blocks.map((b) => b.text?.text ?? b.elements?.map((e) => e.text).join(' ')).join('\n');
    expect(text).toMatch(/\+\d+ more/);
    expect(text).toContain('and 45 more vendor(s) with');
    expect(blocks[0]?.text?.text).toBe('Daily digest, 2026-03-29: 400 alerts');
  });

  it('goes through a Slack incoming webhook with the same blocks', async () => {
    const channel: Channel = { id: 'morning', type: 'slack-webhook', url: hooks.url('/slack'), origin: 'config' };
    expect(await createSlackWebhookNotifier().digest(small(), channel)).toMatchObject({ status: 'delivered' });
    const body = hooks.delivered('/slack')[0]?.body as { text: string; blocks: unknown[] };
    expect(body.text).toBe('Daily digest, 2026-03-29: 3 alerts');
    expect(body.blocks).toHaveLength(4);
  });
});

describe('digest on Discord (real REST client, fake Discord API)', () => {
  const notifier = () => createDiscordNotifier(rest, { token: DISCORD_TOKEN });

  it('posts one embed with a field per vendor, stages and counts inside, mentions inert', async () => {
    const outcome = await notifier().digest(small(), discordChannel);
    expect(outcome).toMatchObject({ status: 'delivered', ref: { platform: 'discord', channel: DISCORD_CHANNEL } });
    const messages = discord.messages(DISCORD_CHANNEL);
    expect(messages).toHaveLength(1);
    const body = messages[0]?.body as { embeds: Embed[]; allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const [embed] = body.embeds;
    expect(embed?.title).toBe('Daily digest, 2026-03-29: 3 alerts');
    expect(embed?.fields.map((f) => f.name)).toEqual(['Hikvision — 2 alerts', 'DJI — 1 alert']);
    expect(embed?.fields[0]?.value).toContain(
      '*rule or order* (1)\n• [House passes Hikvision ban](https://therecord.media/fcc-bans-hikvision-dahua) (also Dahua) · 2022-11-25',
    );
    expect(embed?.fields[0]?.value).toContain('@\u200beveryone');
    expect(embed?.footer.text).toBe('Alerts collected until 2026-03-29 06:30 UTC (Europe/Berlin)');
  });

  it('keeps a long digest within embed limits, counting what it leaves out', async () => {
    await notifier().digest(sampleDigest(manyAlerts(400, 60)), discordChannel);
    const [embed] = (discord.messages(DISCORD_CHANNEL)[0]?.body as { embeds: Embed[] }).embeds;
    if (!embed) throw new Error('no embed');
    expect(embed.fields.length).toBeLessThanOrEqual(25);
    expect(embed.fields.every((f) => f.value.length <= 1_024 && f.name.length <= 256)).toBe(true);
    expect(embedLength(embed)).toBeLessThanOrEqual(6_000);
    expect(embed.fields.at(-1)).toEqual({
      name: '45 more vendor(s)',
      value: expect.stringMatching(/^\d+ alerts$/) as string,
    });
    expect(embed.fields.some((f) => /\+\d+ more/.test(f.value))).toBe(true);
    // Shared out beforehand: no field was cut short to fit the total.
    expect(embed.fields.filter((f) => f.value.endsWith('…'))).toEqual([]);
  });

  it('goes through a Discord webhook as the same embed', async () => {
    const channel: Channel = { id: 'morning', type: 'discord-webhook', url: hooks.url('/discord'), origin: 'config' };
    expect(await createDiscordWebhookNotifier().digest(small(), channel)).toMatchObject({ status: 'delivered' });
    const body = hooks.delivered('/discord')[0]?.body as { embeds: Embed[] };
    expect(body.embeds[0]?.fields.map((f) => f.name)).toEqual(['Hikvision — 2 alerts', 'DJI — 1 alert']);
  });
});

describe('digest on the console', () => {
  it('prints vendors, stages and lines, with control characters stripped', () => {
    const digest = small();
    (digest.alerts[2] as { title: string }).title = 'FCC adds DJI\u001b[31m drones';
    expect(formatConsoleDigest(digest, 'morning')).toBe(
      [
        '── DIGEST · Daily digest, 2026-03-29: 3 alerts · to morning',
        '   Hikvision — 2 alerts',
        '     rule or order (1)',
        '       • House passes Hikvision ban (also Dahua) · therecord.media · 2022-11-25',
        '         https://therecord.media/fcc-bans-hikvision-dahua',
        '     enacted (1)',
        '       • Hikvision rule final <!channel> @everyone · therecord.media · 2022-11-25',
        '         https://example.com/final',
        '   DJI — 1 alert',
        '     rule or order (1)',
        '       • FCC adds DJI[31m drones · therecord.media · 2022-11-25',
        '         https://example.com/dji',
        '',
      ].join('\n'),
    );
  });
});
