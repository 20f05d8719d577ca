import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildNotifiers } from '../../src/app/build-notifiers.js';
import type { Channel } from '../../src/domain/channel.js';
import { PROBE_EVERY_MS } from '../../src/domain/delivery-pause.js';
import { outboxKey, type OutboxEntry } from '../../src/domain/outbox.js';
import {
  deliverDue,
  deliverOneChannel,
  HEAD_READS_MAX,
  headsOf,
  type DeliveryDeps,
} from '../../src/pipeline/delivery-worker.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { Stores } from '../../src/store/open-stores.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';
import { mutableClock } from '../support/mutable-clock.js';
import { sampleAlert } from '../support/sample-alert.js';
import { tempStores } from '../support/temp-stores.js';

const clock = mutableClock('2026-11-01T12:00:00Z');
let hooks: WebhookServer;
let stores: Stores;
let channels: Channel[];

beforeAll(async () => {
  hooks = await startWebhookServer();
});
afterAll(() => hooks.close());
beforeEach(async () => {
  stores = await tempStores(clock);
  hooks.posts.length = 0;
  channels = [
    { id: 'a', type: 'slack-webhook', url: hooks.url('/a'), origin: 'config' },
    { id: 'b', type: 'discord-webhook', url: hooks.url('/b'), origin: 'config' },
  ];
});

function deps(maxAttempts = 10): DeliveryDeps {
  return {
    outbox: stores.outbox,
    threads: stores.threads,
    clock,
    logger: silentLogger(),
    notifierFor: buildNotifiers({ stdout: process.stdout }),
    channel: async (id) => channels.find((c) => c.id === id),
    maxAttempts,
  };
}

function entry(channelId: string, n: number): OutboxEntry {
  const alert = sampleAlert({ id: `src:item-${n}`, title: `Alert number ${n}` });
  return {
    key: outboxKey(channelId, alert.id),
    channelId,
    payload: { type: 'alert', alert },
    attempts: 0,
    createdAt: clock.now().toISOString(),
    nextAttemptAt: clock.now().toISOString(),
  };
}

const titles = (path: string) =>
  hooks.delivered(path).map((p) => {
    const body = p.body as { text?: string; embeds?: Array<{ title: string }> };
    return body.embeds?.[0]?.title ?? body.text?.split(': ').slice(1).join(': ');
  });

describe('deliverDue', () => {
  it('delivers each entry once, oldest first per channel, and empties the outbox', async () => {
    await stores.outbox.enqueue([entry('a', 1), entry('b', 1), entry('a', 2), entry('a', 3)]);
    expect(await stores.outbox.enqueue([entry('a', 1)])).toBe(0);
    expect(await deliverDue(deps())).toEqual({ delivered: 4, retried: 0, dead: 0, waiting: 0 });
    expect(titles('/a')).toEqual(['Alert number 1', 'Alert number 2', 'Alert number 3']);
    expect(titles('/b')).toEqual(['Alert number 1']);
    expect(await stores.outbox.counts()).toEqual({ pending: 0, dead: 0 });
    expect(await stores.outbox.enqueue([entry('a', 1)])).toBe(0);
    await deliverDue(deps());
    expect(hooks.delivered('/a')).toHaveLength(3);
  });

  it('flushes the store before each post and after recording it', async () => {
    await stores.outbox.enqueue([entry('a', 1), entry('a', 2)]);
    const postsAtFlush: number[] = [];
    const flush = async () => {
      postsAtFlush.push(hooks.delivered('/a').length);
      await stores.flush();
    };
    expect(await deliverDue({ ...deps(), flush })).toMatchObject({ delivered: 2 });
    expect(postsAtFlush).toEqual([0, 1, 1, 2]);
  });

  it('honours Retry-After and keeps the order behind a rate-limited entry', async () => {
    await stores.outbox.enqueue([entry('a', 1), entry('a', 2)]);
    hooks.script({ status: 429, headers: { 'retry-after': '1' } });
    expect(await deliverDue(deps())).toMatchObject({ delivered: 0, retried: 1, waiting: 2 });
    // Its head not due, the channel is not even read (the outbox's index answers which are due).
    expect(await deliverDue(deps())).toEqual({ delivered: 0, retried: 0, dead: 0, waiting: 0 });
    clock.advance(999);
    expect(await deliverDue(deps())).toMatchObject({ delivered: 0 });
    clock.advance(1);
    expect(await deliverDue(deps())).toMatchObject({ delivered: 2 });
    expect(titles('/a')).toEqual(['Alert number 1', 'Alert number 2']);
  });

  it('keeps alerts through an outage and delivers them when the platform is back', async () => {
    await stores.outbox.enqueue([entry('a', 1), entry('a', 2), entry('b', 1)]);
    hooks.fallback = { status: 503 };
    for (let i = 0; i < 5; i++) {
      await deliverDue(deps());
      clock.advance(600_000);
    }
    expect(hooks.delivered()).toHaveLength(0);
    expect((await stores.outbox.counts()).pending).toBe(3);
    hooks.fallback = { status: 200 };
    await deliverDue(deps());
    expect(titles('/a')).toEqual(['Alert number 1', 'Alert number 2']);
    expect(titles('/b')).toEqual(['Alert number 1']);
  });

  it('moves a permanently refused alert to the dead-letter list with the reason and goes on', async () => {
    await stores.outbox.enqueue([entry('a', 1), entry('a', 2)]);
    hooks.script({ status: 400, body: 'invalid_payload' });
    expect(await deliverDue(deps())).toMatchObject({ delivered: 1, dead: 1 });
    const [dead] = await stores.outbox.deadLetters();
    expect(dead).toMatchObject({ channelId: 'a', reason: 'HTTP 400: invalid_payload' });
    expect(titles('/a')).toEqual(['Alert number 2']);
  });

  it.each([
    ['a', { status: 404, body: 'no_service' }, 'HTTP 404: no_service'],
    ['b', { status: 404, body: { code: 10015, message: 'Unknown Webhook' } }, 'HTTP 404: {"code":10015'],
    ['b', { status: 401, body: { code: 50027, message: 'Invalid Webhook Token' } }, 'HTTP 401: {"code":50027'],
  ])(
    'pauses channel %s when its webhook is gone, keeps its alerts, and sends them once it takes posts again',
    async (channelId, gone, reason) => {
      const paused = { ...deps(), pauses: stores.pauses };
      await stores.outbox.enqueue([entry(channelId, 1), entry(channelId, 2)]);
      hooks.script({ ...gone, path: `/${channelId}` }, { ...gone, path: `/${channelId}` });
      // The first refusal pauses; a new process probes once at start and is refused again.
      expect(await deliverDue(paused)).toMatchObject({ delivered: 0, dead: 0, waiting: 2 });
      expect(await deliverDue(paused)).toMatchObject({ delivered: 0, dead: 0, waiting: 2 });
      const pause = await stores.pauses.get(channelId);
      expect(pause?.reason).toContain(`the webhook no longer takes posts (${reason}`);
      expect(pause?.reason).toContain('give the channel a new webhook URL');
      expect(await stores.outbox.deadLetters()).toEqual([]);
      // Until the next probe nothing is sent: no flood of refused posts.
      hooks.fallback = { status: 200 };
      const tried = hooks.posts.length;
      expect(await deliverDue(paused)).toMatchObject({ delivered: 0, waiting: 2 });
      expect(hooks.posts).toHaveLength(tried);
      clock.advance(PROBE_EVERY_MS);
      expect(await deliverDue(paused)).toMatchObject({ delivered: 2, dead: 0 });
      expect(titles(`/${channelId}`)).toEqual(['Alert number 1', 'Alert number 2']);
      expect(await stores.pauses.get(channelId)).toBeUndefined();
    },
  );

  it('gives up after the attempt limit', async () => {
    await stores.outbox.enqueue([entry('b', 1)]);
    hooks.fallback = { status: 500 };
    for (let i = 0; i < 3; i++) {
      await deliverDue(deps(3));
      clock.advance(3_600_000);
    }
    hooks.fallback = { status: 200 };
    expect((await stores.outbox.deadLetters())[0]?.reason).toMatch(/^gave up after 3 attempts: HTTP 500/);
  });

  it('does not post again an entry whose delivery was recorded before a crash', async () => {
    const e = entry('a', 1);
    await stores.outbox.enqueue([e]);
    // A crash between recording the delivery and removing the entry leaves both behind.
    await stores.backend.keyValue('deliveries').set(e.key, { at: clock.now().toISOString() });
    await deliverDue(deps());
    expect(hooks.delivered('/a')).toHaveLength(0);
    expect((await stores.outbox.counts()).pending).toBe(0);
  });

  it('dead-letters alerts for a channel that is gone', async () => {
    await stores.outbox.enqueue([entry('gone', 1)]);
    await deliverDue(deps());
    expect((await stores.outbox.deadLetters())[0]?.reason).toBe('channel gone is no longer configured');
  });
});

describe('deliverOneChannel', () => {
  it('also delivers what is queued for its channel while it runs (a queue job cannot be queued twice), and only that channel', async () => {
    await stores.outbox.enqueue([entry('a', 1), entry('b', 1)]);
    const base = deps();
    let queuedMore = false;
    const during: DeliveryDeps = {
      ...base,
      notifierFor: (channel) => {
        const notifier = base.notifierFor(channel);
        if (!notifier) return undefined;
        return {
          ...notifier,
          async send(payload, context) {
            const result = await notifier.send(payload, context);
            if (!queuedMore) {
              queuedMore = true;
              await stores.outbox.enqueue([entry('a', 2)]);
            }
            return result;
          },
        };
      },
    };
    expect(await deliverOneChannel('a', during)).toEqual({ delivered: 2, retried: 0, dead: 0, waiting: 0 });
    expect(titles('/a')).toEqual(['Alert number 1', 'Alert number 2']);
    expect(titles('/b')).toEqual([]);
  });
});

describe('headsOf (what a poll hands the shared delivery queue)', () => {
  it('gives each named channel with work its head entry due time, by one read each or one index read for many', async () => {
    const now = clock.now().getTime();
    const later = { ...entry('b', 2), nextAttemptAt: new Date(now + 300_000).toISOString() };
    await stores.outbox.enqueue([entry('a', 1), entry('a', 3), later]);
    const expected = new Map([
      ['a', now],
      ['b', now + 300_000],
    ]);
    expect(await headsOf(stores.outbox, ['a', 'b', 'no-work'])).toEqual(expected);
    // Past HEAD_READS_MAX channels (a ban every channel takes): the same answer from the index.
    const many = ['a', 'b', ...Array.from({ length: HEAD_READS_MAX }, (_, i) => `idle-${i}`)];
    expect(await headsOf(stores.outbox, many)).toEqual(expected);
    expect(await headsOf(stores.outbox, many.slice(2))).toEqual(new Map());
  });
});
