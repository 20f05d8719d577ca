import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildNotifiers } from '../../src/app/build-notifiers.js';
import { createClassifier } from '../../src/classify/classifier.js';
import { loadVendorCatalog } from '../../src/classify/vendor-catalog.js';
import { DEFAULT_VENDORS_FILE } from '../../src/config/load-config.js';
import type { Channel } from '../../src/domain/channel.js';
import type { DigestSchedule } from '../../src/domain/digest-schedule.js';
import type { Item } from '../../src/domain/item.js';
import { deliverDue } from '../../src/pipeline/delivery-worker.js';
import { whyHandler, type WhyAnswer } from '../../src/commands/handlers/why-handler.js';
import { DigestScheduler } from '../../src/pipeline/digest-scheduler.js';
import { historyRecords } from '../../src/pipeline/history-records.js';
import { sampleAlert } from '../support/sample-alert.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { Stores } from '../../src/store/open-stores.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';
import { mutableClock } from '../support/mutable-clock.js';
import { tempStores } from '../support/temp-stores.js';

const clock = mutableClock('2026-06-01T05:00:00Z');
const classifier = createClassifier(loadVendorCatalog(DEFAULT_VENDORS_FILE));
let hooks: WebhookServer;
let stores: Stores;
let channels: Channel[];

const daily = (mode: DigestSchedule['mode']): DigestSchedule => ({
  every: 'daily',
  at: '08:30',
  timezone: 'Europe/Berlin',
  day: 'monday',
  mode,
});

beforeAll(async () => {
  hooks = await startWebhookServer();
});
afterAll(() => hooks.close());
beforeEach(async () => {
  clock.set('2026-06-01T05:00:00Z');
  stores = await tempStores(clock);
  hooks.posts.length = 0;
  channels = [
    { id: 'live', type: 'slack-webhook', url: hooks.url('/live'), origin: 'config' },
    { id: 'only-digest', type: 'discord-webhook', url: hooks.url('/only'), origin: 'config', digest: daily('instead') },
    { id: 'both', type: 'slack-webhook', url: hooks.url('/both'), origin: 'config', digest: daily('besides') },
  ];
});
afterEach(async () => {
  await stores.close();
});

const news = (n: number, title: string): Item => ({
  sourceId: 'wire',
  key: `g:${n}`,
  title,
  link: `https://news.example.com/${n}`,
  publishedAt: new Date(Date.parse('2026-06-01T04:00:00Z') + n * 60_000),
  kind: 'news',
});

async function poll(items: Item[]): Promise<void> {
  await ingest({ id: 'wire', name: 'Wire', backfill: 0 }, false, items, channels, {
    ...stores,
    classifier,
    clock,
    logger: silentLogger(),
    maxAgeMs: 14 * 86_400_000,
  });
}

function deliveryDeps() {
  return {
    ...stores,
    clock,
    logger: silentLogger(),
    notifierFor: buildNotifiers({ stdout: process.stdout }),
    channel: async (id: string) => channels.find((c) => c.id === id),
    maxAttempts: 5,
  };
}

const scheduler = () =>
  new DigestScheduler({
    inbox: stores.digests,
    outbox: stores.outbox,
    clock,
    logger: silentLogger(),
    channels: async () => channels,
    instanceId: 'test',
  });

describe('digest channels in the pipeline', () => {
  it('collects for a digest channel instead of sending live, or besides it; other channels are untouched', async () => {
    await poll([news(1, 'US bans Hikvision cameras in federal buildings'), news(2, 'FCC bars new Huawei equipment')]);
    expect((await stores.outbox.pending()).map((entry) => entry.channelId).sort()).toEqual([
      'both',
      'both',
      'live',
      'live',
    ]);
    expect((await stores.digests.collected('only-digest')).map((c) => c.alert.itemKey)).toEqual(['g:1', 'g:2']);
    expect((await stores.digests.collected('both')).map((c) => c.alert.itemKey)).toEqual(['g:1', 'g:2']);
    expect(await stores.digests.collected('live')).toEqual([]);
    // A poll that meets the same items again (a crash before settling) collects nothing twice.
    await stores.items.claim('wire', ['g:1']);
    await poll([news(1, 'US bans Hikvision cameras in federal buildings')]);
    expect(await stores.digests.collected('only-digest')).toHaveLength(2);

    await deliverDue(deliveryDeps());
    expect(hooks.delivered('/live')).toHaveLength(2);
    expect(hooks.delivered('/both')).toHaveLength(2);
    expect(hooks.delivered('/only')).toHaveLength(0);

    // 08:30 in Berlin is 06:30 UTC in June.
    clock.set('2026-06-01T06:29:00Z');
    expect(await scheduler().tick()).toBe(0);
    clock.set('2026-06-01T06:30:00Z');
    expect(await scheduler().tick()).toBe(2);
    await deliverDue(deliveryDeps());
    const digest = hooks.delivered('/only')[0]?.body as {
      embeds: Array<{ title: string; fields: Array<{ name: string }> }>;
    };
    expect(digest.embeds[0]?.title).toBe('Daily digest, 2026-06-01: 2 alerts');
    expect(digest.embeds[0]?.fields.map((f) => f.name).sort()).toEqual(['Hikvision — 1 alert', 'Huawei — 1 alert']);
    expect((hooks.delivered('/both')[2]?.body as { text: string }).text).toBe('Daily digest, 2026-06-01: 2 alerts');
    expect(await stores.digests.collected('only-digest')).toEqual([]);
    // `why` says where the item went in each channel.
    const why = await whyHandler({ ...stores, channels: async () => channels, maxAgeDays: 14 }).run(['wire:g:1'], {
      actor: { platform: 'cli', id: 'cli', isAdmin: true },
    });
    const answers = (why.data as { channels: WhyAnswer[] }).channels;
    expect(answers.map((a) => [a.channelId, a.outcome])).toEqual([
      ['live', 'delivered'],
      ['only-digest', 'in-digest'],
      ['both', 'delivered'],
    ]);
    expect(answers[1]?.text).toBe(
      "collected for the channel's digest (relevant; for the daily digest); `history` shows when it went",
    );
    // A second scheduler (a restart) in the same period sends nothing more.
    expect(await scheduler().tick()).toBe(0);
    await deliverDue(deliveryDeps());
    expect(hooks.delivered('/only')).toHaveLength(1);
  });
});

describe('delivery history', () => {
  it('records every delivered alert with channel, platform, message and time; a digest per alert it carried', async () => {
    await poll([news(1, 'US bans Hikvision cameras in federal buildings'), news(2, 'FCC bars new Huawei equipment')]);
    clock.set('2026-06-01T05:00:03Z');
    await deliverDue(deliveryDeps());
    clock.set('2026-06-01T06:30:00Z');
    await scheduler().tick();
    clock.set('2026-06-01T06:30:02Z');
    await deliverDue(deliveryDeps());
    const history = await stores.history.list();
    // Channels are delivered concurrently: their records interleave, so they are compared sorted.
    const rows = history
      .map((r) => [r.at, r.via, r.channelId, r.vendors.join(), r.platform, r.digestId ?? ''].join(' '))
      .sort();
    expect(rows).toEqual([
      '2026-06-01T05:00:03.000Z live both Hikvision slack-webhook ',
      '2026-06-01T05:00:03.000Z live both Huawei slack-webhook ',
      '2026-06-01T05:00:03.000Z live live Hikvision slack-webhook ',
      '2026-06-01T05:00:03.000Z live live Huawei slack-webhook ',
      '2026-06-01T06:30:02.000Z digest both Hikvision slack-webhook digest:daily:2026-06-01',
      '2026-06-01T06:30:02.000Z digest both Huawei slack-webhook digest:daily:2026-06-01',
      '2026-06-01T06:30:02.000Z digest only-digest Hikvision discord-webhook digest:daily:2026-06-01',
      '2026-06-01T06:30:02.000Z digest only-digest Huawei discord-webhook digest:daily:2026-06-01',
    ]);
    const first = history.find((r) => r.channelId === 'live' && r.vendors.includes('Hikvision'));
    expect(first).toMatchObject({
      alertId: 'wire:g:1',
      sourceId: 'wire',
      title: 'US bans Hikvision cameras in federal buildings',
      link: 'https://news.example.com/1',
      action: 'ban',
      messageId: 'wire:g:1',
    });
    // Webhook URLs are secrets: never in the history.
    expect(JSON.stringify(history)).not.toContain(hooks.url('/'));
  });

  it('records nothing for a notice or a failed delivery', async () => {
    hooks.answerFor('/live', { status: 400, body: { error: 'bad' } });
    channels = channels.filter((c) => c.id === 'live');
    await poll([news(1, 'US bans Hikvision cameras in federal buildings')]);
    await deliverDue(deliveryDeps());
    hooks.answerFor('/live', undefined);
    expect(await stores.outbox.counts()).toEqual({ pending: 0, dead: 1 });
    expect(await stores.history.list()).toEqual([]);
  });

  it('keeps a Slack or Discord message id, channel id and link, never a webhook URL', () => {
    const alert = sampleAlert();
    const entry = {
      key: 'k',
      channelId: 'sec',
      payload: { type: 'alert' as const, alert },
      attempts: 0,
      createdAt: '',
      nextAttemptAt: '',
    };
    const slackChannel: Channel = { id: 'sec', type: 'slack', channel: 'C0SEC', origin: 'config' };
    const ref = {
      platform: 'slack',
      id: '1700000000.000100',
      channel: 'C0SEC',
      url: 'https://example.slack.com/archives/C0SEC/p1700000000000100',
    };
    expect(historyRecords(entry, slackChannel, '2026-06-01T05:00:00.000Z', ref)).toEqual([
      {
        at: '2026-06-01T05:00:00.000Z',
        channelId: 'sec',
        platform: 'slack',
        target: 'C0SEC',
        messageId: '1700000000.000100',
        messageUrl: 'https://example.slack.com/archives/C0SEC/p1700000000000100',
        via: 'live',
        alertId: alert.id,
        sourceId: 'therecord',
        title: alert.title,
        link: alert.link,
        vendors: ['Hikvision', 'Dahua'],
        action: 'ban',
        stage: 'rule',
        score: 0.93,
        publishedAt: alert.publishedAt,
      },
    ]);
    const notice = {
      ...entry,
      payload: { type: 'notice' as const, notice: { id: 'n', title: 't', text: 'x', createdAt: '' } },
    };
    expect(historyRecords(notice, slackChannel, '2026-06-01T05:00:00.000Z')).toEqual([]);
  });
});
