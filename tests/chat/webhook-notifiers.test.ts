import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleNotifier } from '../../src/chat/console/console-notifier.js';
import { createDiscordWebhookNotifier } from '../../src/chat/discord/discord-webhook-notifier.js';
import { createSlackWebhookNotifier } from '../../src/chat/slack/slack-webhook-notifier.js';
import type { Channel } from '../../src/domain/channel.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';
import { sampleAlert } from '../support/sample-alert.js';

const hostile = sampleAlert({
  title: '<!channel> @everyone <@U123> Huawei *banned* [click](https://evil.example) \u001b[31m\u202Eevil',
  link: 'https://news.example/a?x=1|2>3',
  summary: '@here read this <#C123> `code`',
});

let hooks: WebhookServer;
beforeAll(async () => {
  hooks = await startWebhookServer();
});
afterAll(() => hooks.close());

const slackChannel = (): Channel => ({ id: 'sec', type: 'slack-webhook', url: hooks.url('/slack'), origin: 'config' });
const discordChannel = (): Channel => ({
  id: 'ops',
  type: 'discord-webhook',
  url: hooks.url('/discord'),
  origin: 'config',
});

describe('slack-webhook notifier', () => {
  it('posts Block Kit with a plain fallback, no unfurling, and escaped feed text', async () => {
    const outcome = await createSlackWebhookNotifier().send(hostile, slackChannel());
    expect(outcome.status).toBe('delivered');
    const body = hooks.delivered('/slack').at(-1)?.body as {
      text: string;
      blocks: Array<Record<string, unknown>>;
      unfurl_links: boolean;
    };
    expect(body.unfurl_links).toBe(false);
    expect(body.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'context']);
    const json = JSON.stringify(body);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U123>');
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).not.toMatch(/\\u001b|\u202e/i);
    const section = (body.blocks[1] as { text: { text: string } }).text.text;
    expect(section).toMatch(/^\*<https:\/\/news\.example\/a\?x=1%7C2%3E3\|/);
    expect(body.text).toContain('Hikvision, Dahua · Ban');
  });

  it('sorts platform answers for the outbox: 429 waits, 5xx retries, 400 is permanent, a gone webhook pauses', async () => {
    const notifier = createSlackWebhookNotifier();
    hooks.script(
      { status: 429, headers: { 'retry-after': '7' } },
      { status: 503 },
      { status: 400, body: 'invalid_payload' },
      { status: 404, body: 'no_service' },
      { status: 410, body: 'channel_is_archived' },
    );
    expect(await notifier.send(sampleAlert(), slackChannel())).toEqual({
      status: 'retry',
      reason: expect.stringContaining('429') as string,
      retryAfterMs: 7_000,
    });
    expect(await notifier.send(sampleAlert(), slackChannel())).toMatchObject({
      status: 'retry',
      reason: expect.stringContaining('503') as string,
    });
    expect(await notifier.send(sampleAlert(), slackChannel())).toEqual({
      status: 'rejected',
      reason: 'HTTP 400: invalid_payload',
    });
    for (const answer of ['HTTP 404: no_service', 'HTTP 410: channel_is_archived'])
      expect(await notifier.send(sampleAlert(), slackChannel())).toEqual({
        status: 'unauthorized',
        reason: `the webhook no longer takes posts (${answer}); give the channel a new webhook URL`,
      });
  });

  it('retries when nothing listens, without leaking the webhook URL', async () => {
    const outcome = await createSlackWebhookNotifier().send(sampleAlert(), {
      ...slackChannel(),
      url: 'http://127.0.0.1:9/secret-path-T0001',
    });
    expect(outcome.status).toBe('retry');
    expect(JSON.stringify(outcome)).not.toContain('secret-path');
  });
});

describe('discord-webhook notifier', () => {
  it('posts one embed that can never ping and respects the limits', async () => {
    const long = sampleAlert({ ...hostile, title: `${'x'.repeat(400)}`, summary: 'y'.repeat(5_000) });
    expect((await createDiscordWebhookNotifier().send(hostile, discordChannel())).status).toBe('delivered');
    expect((await createDiscordWebhookNotifier().send(long, discordChannel())).status).toBe('delivered');
    const [first, second] = hooks
      .delivered('/discord')
      .slice(-2)
      .map((p) => p.body as { embeds: unknown[]; allowed_mentions: unknown });
    expect(hooks.delivered('/discord').at(-1)?.query).toBe('wait=true');
    expect(first?.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(first);
    expect(text).not.toMatch(/@everyone|@here|<@U123>|<#C123>/);
    expect(text).toContain('\\\\*banned\\\\*');
    const embed = second?.embeds[0] as {
      title: string;
      description: string;
      fields: Array<{ name: string; value: string }>;
    };
    expect([...embed.title].length).toBeLessThanOrEqual(256);
    expect([...embed.description].length).toBeLessThanOrEqual(4_096);
    expect(embed.fields.every((f) => f.value.length <= 1_024)).toBe(true);
    expect(embed.fields.map((f) => f.name)).toEqual(['Vendors', 'Stage', 'Jurisdiction', 'Source', 'Why']);
  });

  it('keeps the message id Discord returns, and honours retry_after in the body', async () => {
    hooks.script(
      { status: 200, body: { id: '111222333444555666' } },
      { status: 429, headers: { 'retry-after': '2' }, body: { retry_after: 2.5 } },
    );
    expect(await createDiscordWebhookNotifier().send(sampleAlert(), discordChannel())).toEqual({
      status: 'delivered',
      ref: { platform: 'discord-webhook', id: '111222333444555666' },
    });
    expect(await createDiscordWebhookNotifier().send(sampleAlert(), discordChannel())).toMatchObject({
      status: 'retry',
      retryAfterMs: 2_000,
    });
  });
});

describe('console notifier', () => {
  it('prints one readable block without control characters', async () => {
    let out = '';
    const notifier = createConsoleNotifier({
      write: (chunk: string) => ((out += chunk), true),
    } as NodeJS.WritableStream);
    await notifier.send(hostile, { id: 'console', type: 'console', origin: 'config' });
    expect(out).toMatch(/^── ALERT · Hikvision, Dahua · Ban · US-federal · rule or order\n/);
    expect(out).toContain('why: vendor "Hikvision"');
    // eslint-disable-next-line no-control-regex -- the point of the check: no ESC (or RLO) reached the console
    expect(out).not.toMatch(/[\u001b\u202e]/);
  });
});
