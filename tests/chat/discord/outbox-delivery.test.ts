import type { InstrumentStage } from '../../../src/domain/bill-stage.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordNotifier } from '../../../src/chat/discord/discord-notifier.js';
import { closeDiscordRest, createDiscordRest } from '../../../src/chat/discord/discord-rest.js';
import type { Channel } from '../../../src/domain/channel.js';
import { outboxKey, type OutboxEntry } from '../../../src/domain/outbox.js';
import { deliverDue, type DeliveryDeps } from '../../../src/pipeline/delivery-worker.js';
import { silentLogger } from '../../../src/shared/logger.js';
import type { Stores } from '../../../src/store/open-stores.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../../fakes/discord-api.js';
import { mutableClock } from '../../support/mutable-clock.js';
import { sampleAlert } from '../../support/sample-alert.js';
import { tempStores } from '../../support/temp-stores.js';

/**
 * The Discord notifier under the real outbox: a 429 waits exactly as long as Retry-After says,
 * Missing Access becomes a dead letter with that reason, and a later stage of a bill replies
 * to the first alert in the channel.
 */
const TOKEN = 'outbox-token-0123456789';
const clock = mutableClock('2026-11-01T12:00:00Z');
const channel: Channel = { id: 'discord-sec', type: 'discord', channel: '123456789012345678', origin: 'config' };
let api: FakeDiscordApi;
let rest: ReturnType<typeof createDiscordRest>;
let stores: Stores;

beforeAll(async () => {
  api = await startFakeDiscordApi({ token: TOKEN });
  rest = createDiscordRest({ token: TOKEN, apiUrl: api.apiUrl });
});
afterAll(async () => {
  closeDiscordRest(rest);
  await api.close();
});
beforeEach(async () => {
  api.reset();
  stores = await tempStores(clock);
});

const deps = (): DeliveryDeps => ({
  outbox: stores.outbox,
  threads: stores.threads,
  clock,
  logger: silentLogger(),
  notifierFor: () => createDiscordNotifier(rest, { token: TOKEN }),
  channel: async (id) => (id === channel.id ? channel : undefined),
  maxAttempts: 10,
});

function entry(n: number, thread?: { stage: InstrumentStage }): OutboxEntry {
  const alert = sampleAlert({
    id: `src:item-${n}`,
    title: `Alert ${n}`,
    ...(thread
      ? { thread: { key: 'bill:hr5515-115', label: 'H.R.5515 (115th)', stage: thread.stage, conclusive: false } }
      : {}),
  });
  return {
    key: outboxKey(channel.id, alert.id),
    channelId: channel.id,
    payload: { type: 'alert', alert },
    attempts: 0,
    createdAt: clock.now().toISOString(),
    nextAttemptAt: clock.now().toISOString(),
  };
}

describe('Discord deliveries through the outbox', () => {
  it('waits out a 429 for Retry-After, then delivers once', async () => {
    api.script({ method: 'POST', path: /\/messages$/, status: 429, retryAfter: 30 });
    await stores.outbox.enqueue([entry(1)]);
    expect(await deliverDue(deps())).toMatchObject({ delivered: 0, retried: 1 });
    const [waiting] = await stores.outbox.pending();
    expect(waiting?.rateLimited).toBe(true);
    expect(Date.parse(waiting?.nextAttemptAt ?? '') - clock.now().getTime()).toBeGreaterThanOrEqual(30_000);
    expect(await deliverDue({ ...deps(), retryNow: true })).toMatchObject({ delivered: 0, waiting: 1 });
    clock.advance(31_000);
    expect(await deliverDue(deps())).toMatchObject({ delivered: 1 });
    expect(api.messages()).toHaveLength(1);
  });

  it('dead-letters an alert for a channel the bot cannot see, with the reason', async () => {
    api.script({ method: 'POST', path: /\/messages$/, status: 403, code: 50001 });
    await stores.outbox.enqueue([entry(2)]);
    expect(await deliverDue(deps())).toMatchObject({ dead: 1 });
    expect((await stores.outbox.deadLetters()).map((d) => d.reason)).toEqual(['Discord 403 50001: Missing Access']);
  });

  it('replies to the first alert of a bill with the next stage', async () => {
    await stores.outbox.enqueue([entry(3, { stage: 'passed-one-chamber' })]);
    await deliverDue(deps());
    await stores.outbox.enqueue([entry(4, { stage: 'enacted' })]);
    await deliverDue(deps());
    const [first, second] = api.messages();
    expect(first?.body.message_reference).toBeUndefined();
    expect(second?.body.message_reference).toEqual({ message_id: first?.id, fail_if_not_exists: false });
  });
});
