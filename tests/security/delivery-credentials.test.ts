import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCommandRouter } from '../../src/app/build-commands.js';
import { createDiscordNotifier } from '../../src/chat/discord/discord-notifier.js';
import { closeDiscordRest, createDiscordRest } from '../../src/chat/discord/discord-rest.js';
import { createSlackWebClient } from '../../src/chat/slack/slack-client.js';
import { createSlackNotifier } from '../../src/chat/slack/slack-notifier.js';
import { replyToText } from '../../src/commands/reply.js';
import type { Channel } from '../../src/domain/channel.js';
import type { Notifier } from '../../src/domain/notifier.js';
import { outboxKey } from '../../src/domain/outbox.js';
import { channelDirectory } from '../../src/pipeline/channel-directory.js';
import { deliverDue, type DeliveryDeps } from '../../src/pipeline/delivery-worker.js';
import { createLogger, silentLogger } from '../../src/shared/logger.js';
import { openStores, type Stores } from '../../src/store/open-stores.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../fakes/discord-api.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.js';
import { mutableClock } from '../support/mutable-clock.js';
import { runCli } from '../support/run-cli.js';
import { sampleAlert } from '../support/sample-alert.js';
import { tempStores } from '../support/temp-stores.js';

/**
 * Finding E: a refused bot token (Slack `invalid_auth`, Discord 401) dead-lettered alerts for
 * good, and nothing requeued dead letters. Now such a channel pauses (operators are told in
 * the log and in `status`), its alerts wait, and delivery resumes once the token is accepted;
 * `banwatch deadletters list|retry|drop` handles what did die.
 */
const TOKEN = 'xoxb-right-token';
const clock = mutableClock('2026-11-01T12:00:00Z');
let slack: FakeSlackApi;
let discord: FakeDiscordApi;
let stores: Stores;
const slackChannel: Channel = { id: 'security', type: 'slack', channel: 'C0SEC', origin: 'config' };
const discordChannel: Channel = { id: 'discord-sec', type: 'discord', channel: '123456789012345678', origin: 'config' };

beforeAll(async () => {
  slack = await startFakeSlackApi({ botToken: TOKEN });
  discord = await startFakeDiscordApi({ token: 'discord-right-token' });
});
afterAll(async () => {
  await slack.close();
  await discord.close();
});
beforeEach(async () => {
  stores = await tempStores(clock);
});

async function queue(channel: Channel, n: number): Promise<void> {
  const now = clock.now().toISOString();
  const alert = sampleAlert({ id: `src:item-${n}`, title: `Hikvision banned, part ${n}` });
  await stores.outbox.enqueue([
    {
      key: outboxKey(channel.id, alert.id),
      channelId: channel.id,
      payload: { type: 'alert', alert },
      attempts: 0,
      createdAt: now,
      nextAttemptAt: now,
    },
  ]);
}

function deps(notifier: Notifier, channel: Channel, log = silentLogger()): DeliveryDeps {
  return {
    outbox: stores.outbox,
    threads: stores.threads,
    pauses: stores.pauses,
    clock,
    logger: log,
    notifierFor: () => notifier,
    channel: async () => channel,
    maxAttempts: 2,
  };
}

const slackNotifier = (token: string) =>
  createSlackNotifier({ client: createSlackWebClient(token, slack.url, silentLogger()), logger: silentLogger() });

describe('E: refused credentials pause a channel instead of dead-lettering', () => {
  it('keeps Slack alerts through invalid_auth, says so in the log and in status, and delivers them once the token works', async () => {
    await queue(slackChannel, 1);
    await queue(slackChannel, 2);
    const out = new PassThrough();
    let log = '';
    out.on('data', (chunk: Buffer) => (log += chunk.toString()));
    for (let i = 0; i < 3; i++) {
      await deliverDue(deps(slackNotifier('xoxb-revoked-token'), slackChannel, createLogger({ destination: out })));
      clock.advance(11 * 60_000);
    }
    expect(await stores.outbox.counts()).toEqual({ pending: 2, dead: 0 });
    expect(log).toContain('DELIVERY_PAUSED');
    expect(log.match(/DELIVERY_PAUSED/g)).toHaveLength(1);
    const router = buildCommandRouter({
      stores,
      catalog: { all: () => [], resolve: () => undefined, suggest: () => [], instrument: () => undefined },
      channels: channelDirectory([slackChannel], stores.channels),
      sources: () => [],
      clock,
      logger: silentLogger(),
      maxAgeDays: 14,
    });
    const status = replyToText(
      await router.handle(['status'], { actor: { platform: 'cli', id: 'cli', isAdmin: true } }),
    );
    expect(status).toMatch(/Delivery paused[\s\S]*security: paused since .* invalid_auth/);

    const report = await deliverDue(deps(slackNotifier(TOKEN), slackChannel));
    expect(report.delivered).toBe(2);
    expect(await stores.pauses.list()).toEqual([]);
    expect(slack.posts('C0SEC').length).toBeGreaterThanOrEqual(2);
  });

  it('forgets the pause of a channel removed while paused, dead-lettering what it had queued', async () => {
    await queue(slackChannel, 4);
    await deliverDue(deps(slackNotifier('xoxb-revoked-token'), slackChannel));
    expect((await stores.pauses.list()).map((p) => p.channelId)).toEqual(['security']);
    const gone = { ...deps(slackNotifier(TOKEN), slackChannel), channel: () => Promise.resolve(undefined) };
    const report = await deliverDue(gone);
    expect(report.dead).toBe(1);
    expect(await stores.pauses.list()).toEqual([]);
  });

  it('pauses a Discord channel on 401 too', async () => {
    await queue(discordChannel, 3);
    const rest = createDiscordRest({ token: 'discord-wrong-token', apiUrl: discord.apiUrl, timeoutMs: 1_000 });
    try {
      const report = await deliverDue(
        deps(createDiscordNotifier(rest, { token: 'discord-wrong-token' }), discordChannel),
      );
      expect(report.dead).toBe(0);
      expect(await stores.outbox.counts()).toEqual({ pending: 1, dead: 0 });
      expect((await stores.pauses.list()).map((p) => p.channelId)).toEqual(['discord-sec']);
    } finally {
      closeDiscordRest(rest);
    }
  });
});

describe('E: banwatch deadletters list|retry|drop', () => {
  it('lists dead letters with ids, retries one by id and drops a channel’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'banwatch-dead-'));
    const url = `sqlite://${join(dir, 's.sqlite')}`;
    writeFileSync(join(dir, 'c.yaml'), `store: ${url}\n`);
    const own = await openStores(url, clock);
    const now = clock.now().toISOString();
    for (const [channelId, n] of [
      ['a', 1],
      ['a', 2],
      ['b', 3],
    ] as const) {
      const alert = sampleAlert({ id: `src:dead-${n}`, title: `Dead ${n}` });
      const entry = {
        key: outboxKey(channelId, alert.id),
        channelId,
        payload: { type: 'alert' as const, alert },
        attempts: 3,
        createdAt: now,
        nextAttemptAt: now,
      };
      await own.outbox.enqueue([entry]);
      await own.outbox.deadLetter(entry, 'channel_not_found', now);
    }
    await own.close();
    const config = ['--config', join(dir, 'c.yaml')];
    const list = await runCli(['deadletters', 'list', ...config]);
    expect(list.status).toBe(0);
    const ids = [...list.stdout.matchAll(/^ {2}([0-9a-f]{10}) .* (a|b): channel_not_found$/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(ids).toHaveLength(3);
    const [idOfB] = ids.find(([, channel]) => channel === 'b') as [string, string];
    expect((await runCli(['deadletters', 'retry', idOfB, ...config])).stdout).toContain('1 dead letter queued again');
    expect((await runCli(['deadletters', 'drop', '--channel', 'a', ...config])).stdout).toContain(
      '2 dead letters dropped',
    );
    expect((await runCli(['deadletters', 'retry', idOfB, ...config])).status).toBe(1);
    const after = await openStores(url, clock);
    expect(await after.outbox.counts()).toEqual({ pending: 1, dead: 0 });
    expect((await after.outbox.pending())[0]).toMatchObject({ channelId: 'b', attempts: 0 });
    await after.close();
  });

  it('refuses dead letters to anyone in chat but an operator', async () => {
    const router = buildCommandRouter({
      stores,
      catalog: { all: () => [], resolve: () => undefined, suggest: () => [], instrument: () => undefined },
      channels: channelDirectory([], stores.channels),
      sources: () => [],
      clock,
      logger: silentLogger(),
      maxAgeDays: 14,
    });
    const admin = { actor: { platform: 'discord' as const, id: 'U1', isAdmin: true, tenant: 'discord:1' } };
    expect((await router.handle(['deadletters', 'retry', '--all'], admin)).code).toBe('NOT_OPERATOR');
    const operator = { actor: { ...admin.actor, operator: true } };
    expect((await router.handle(['deadletters', 'list'], operator)).title).toBe('0 dead letters');
  });
});
