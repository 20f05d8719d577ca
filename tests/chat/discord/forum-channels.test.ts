import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordNotifier } from '../../../src/chat/discord/discord-notifier.js';
import { closeDiscordRest, createDiscordRest } from '../../../src/chat/discord/discord-rest.js';
import type { InstrumentStage } from '../../../src/domain/bill-stage.js';
import type { Channel } from '../../../src/domain/channel.js';
import { outboxKey, type OutboxEntry } from '../../../src/domain/outbox.js';
import { deliverDue, type DeliveryDeps } from '../../../src/pipeline/delivery-worker.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { openStores, type Stores } from '../../../src/store/open-stores.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../../fakes/discord-api.js';
import { mutableClock } from '../../support/mutable-clock.js';
import { sampleAlert } from '../../support/sample-alert.js';
import { tempStores } from '../../support/temp-stores.js';

/**
 * GIVEN a Discord forum (or media) channel THEN each story is a post: a bill's first stage opens
 * it, later stages are messages in it (remembered in the store, so a restart keeps them there),
 * and each news story gets a post of its own. GIVEN a thread THEN alerts go straight into it.
 * Through the real outbox and @discordjs/rest against the fake Discord API.
 */
const TOKEN = 'forum-token-0123456789';
const FORUM = '223456789012345001';
const MEDIA = '223456789012345002';
const THREAD = '223456789012345003';
const clock = mutableClock('2026-11-01T12:00:00Z');
let api: FakeDiscordApi;
let rest: ReturnType<typeof createDiscordRest>;
let stores: Stores & { url: string };
let sequence = 0;

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
  api.channel(FORUM, { type: 15 });
  api.channel(MEDIA, {
    type: 16,
    flags: 16,
    available_tags: [
      { id: '900000000000000001', name: 'Staff only', moderated: true },
      { id: '900000000000000002', name: 'Alerts', moderated: false },
    ],
  });
  api.channel(THREAD, { type: 11, parentId: '223456789012345000' });
  stores = await tempStores(clock);
});
afterEach(() => stores.close());

const channelOf = (id: string): Channel => ({ id: `discord-${id}`, type: 'discord', channel: id, origin: 'config' });

/** Every call gets a notifier of its own, as a fresh process would: nothing is remembered in memory. */
const deps = (target: string): DeliveryDeps => ({
  outbox: stores.outbox,
  threads: stores.threads,
  clock,
  logger: silentLogger(),
  notifierFor: () => createDiscordNotifier(rest, { token: TOKEN }),
  channel: async (id) => (id === channelOf(target).id ? channelOf(target) : undefined),
  maxAttempts: 10,
});

function entry(target: string, title: string, stage?: InstrumentStage): OutboxEntry {
  const alert = sampleAlert({
    id: `src:item-${++sequence}`,
    title,
    ...(stage
      ? {
          thread: {
            key: 'bill:hr5515-115',
            label: 'H.R.5515 (115th)',
            title: 'John S. McCain National Defense Authorization Act for Fiscal Year 2019',
            stage,
            conclusive: stage === 'enacted',
          },
        }
      : {}),
  });
  const channelId = channelOf(target).id;
  return {
    key: outboxKey(channelId, alert.id),
    channelId,
    payload: { type: 'alert', alert },
    attempts: 0,
    createdAt: clock.now().toISOString(),
    nextAttemptAt: clock.now().toISOString(),
  };
}

async function deliver(target: string, ...entries: OutboxEntry[]): Promise<void> {
  for (const one of entries) {
    await stores.outbox.enqueue([one]);
    expect(await deliverDue(deps(target))).toMatchObject({ delivered: 1, dead: 0 });
  }
}

const titleOf = (body: Record<string, unknown>) => (body.embeds as Array<{ title: string }>)[0]?.title;

describe('a forum channel', () => {
  it('opens one post per bill with its later stages inside, and a post per news story', async () => {
    await deliver(
      FORUM,
      entry(FORUM, 'House passes H.R.5515', 'passed-one-chamber'),
      entry(FORUM, 'FCC bans Hikvision gear'),
      entry(FORUM, 'Senate passes H.R.5515', 'passed-both'),
    );
    // A restart: the post of the bill comes from the store.
    const reopened = await openStores(stores.url, clock);
    await stores.close();
    stores = Object.assign(reopened, { url: stores.url });
    await deliver(FORUM, entry(FORUM, 'H.R.5515 signed into law', 'enacted'));

    const posts = api.threads(FORUM);
    expect(posts.map((p) => p.name)).toEqual([
      'H.R.5515 (115th): John S. McCain National Defense Authorization Act for Fiscal Year 2019',
      'FCC bans Hikvision gear',
    ]);
    expect(posts.map((p) => titleOf(p.message))).toEqual(['House passes H.R.5515', 'FCC bans Hikvision gear']);
    const bill = posts[0]?.id as string;
    expect(api.messages(bill).map((m) => titleOf(m.body))).toEqual([
      'House passes H.R.5515',
      'Senate passes H.R.5515',
      'H.R.5515 signed into law',
    ]);
    // Nothing was sent to the forum itself (Discord refuses that), and the type was asked.
    expect(api.calls('POST', new RegExp(`^/channels/${FORUM}/messages$`))).toEqual([]);
    expect(api.calls('GET', new RegExp(`^/channels/${FORUM}$`)).length).toBeGreaterThanOrEqual(1);
    expect((await stores.threads.get(channelOf(FORUM).id, 'bill:hr5515-115'))?.channel).toBe(bill);
    for (const message of api.messages()) expect(message.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('cuts a post name to 100 characters and keeps mentions inert', async () => {
    const long = `@everyone ${'Commerce adds Hikvision subsidiaries to the Entity List '.repeat(3)}`;
    await deliver(FORUM, entry(FORUM, long));
    const name = api.threads(FORUM)[0]?.name ?? '';
    expect([...name]).toHaveLength(100);
    expect(name.endsWith('…')).toBe(true);
    expect(name).toMatch(/^@\u200beveryone Commerce/);
  });

  it('applies the first tag anyone may use when a media channel requires one', async () => {
    await deliver(MEDIA, entry(MEDIA, 'FCC bans Hikvision gear'));
    expect(api.threads(MEDIA).map((p) => p.appliedTags)).toEqual([['900000000000000002']]);
  });

  it('reopens an archived post for the next stage', async () => {
    await deliver(FORUM, entry(FORUM, 'House passes H.R.5515', 'passed-one-chamber'));
    const post = api.threads(FORUM)[0]?.id as string;
    api.channel(post, { type: 11, parentId: FORUM, archived: true });
    await deliver(FORUM, entry(FORUM, 'H.R.5515 signed into law', 'enacted'));
    expect(api.calls('PATCH', new RegExp(`^/channels/${post}$`)).map((c) => c.body)).toEqual([{ archived: false }]);
    expect(api.messages(post).map((m) => titleOf(m.body))).toEqual([
      'House passes H.R.5515',
      'H.R.5515 signed into law',
    ]);
    expect(api.threads(FORUM)).toHaveLength(1);
  });

  it('opens a new post when the old one is locked or deleted, and later stages follow the new one', async () => {
    await deliver(FORUM, entry(FORUM, 'House passes H.R.5515', 'passed-one-chamber'));
    const first = api.threads(FORUM)[0]?.id as string;
    api.channel(first, { type: 11, parentId: FORUM, archived: true, locked: true });
    await deliver(FORUM, entry(FORUM, 'Senate passes H.R.5515', 'passed-both'));
    const second = api.threads(FORUM)[1]?.id as string;
    expect(second).toBeDefined();
    api.deleteChannel(second);
    await deliver(FORUM, entry(FORUM, 'Sent to the President', 'to-president'));
    const third = api.threads(FORUM)[2]?.id as string;
    await deliver(FORUM, entry(FORUM, 'H.R.5515 signed into law', 'enacted'));
    expect(api.threads(FORUM).map((p) => titleOf(p.message))).toEqual([
      'House passes H.R.5515',
      'Senate passes H.R.5515',
      'Sent to the President',
    ]);
    expect(api.messages(third).map((m) => titleOf(m.body))).toEqual([
      'Sent to the President',
      'H.R.5515 signed into law',
    ]);
  });

  it('dead-letters a refused post with the reason and the permissions a forum needs', async () => {
    api.script({ method: 'POST', path: /\/threads$/, status: 403, code: 50013 });
    await stores.outbox.enqueue([entry(FORUM, 'FCC bans Hikvision gear')]);
    expect(await deliverDue(deps(FORUM))).toMatchObject({ dead: 1 });
    const [dead] = await stores.outbox.deadLetters();
    expect(dead?.reason).toBe(
      'Discord 403 50013: Missing Permissions (in a forum channel banwatch needs View Channel, Send Messages (to open posts) and Send Messages in Threads)',
    );
  });

  it("dead-letters a post the forum refuses for want of a tag, with Discord's reason", async () => {
    api.channel(FORUM, {
      type: 15,
      flags: 16,
      available_tags: [{ id: '900000000000000003', name: 'Mods', moderated: true }],
    });
    await stores.outbox.enqueue([entry(FORUM, 'FCC bans Hikvision gear')]);
    expect(await deliverDue(deps(FORUM))).toMatchObject({ dead: 1 });
    expect((await stores.outbox.deadLetters())[0]?.reason).toMatch(/^Discord 400 40067: .*tag is required/);
  });
});

describe('a thread channel', () => {
  it('takes alerts directly, later stages replying to the first', async () => {
    await deliver(
      THREAD,
      entry(THREAD, 'House passes H.R.5515', 'passed-one-chamber'),
      entry(THREAD, 'H.R.5515 signed into law', 'enacted'),
    );
    const [first, second] = api.messages(THREAD);
    expect([titleOf(first?.body ?? {}), titleOf(second?.body ?? {})]).toEqual([
      'House passes H.R.5515',
      'H.R.5515 signed into law',
    ]);
    expect(second?.body.message_reference).toEqual({ message_id: first?.id, fail_if_not_exists: false });
    expect(api.threads()).toEqual([]);
  });

  it('is reopened when archived, and dead-letters with a clear reason when it is locked', async () => {
    api.channel(THREAD, { type: 11, parentId: '223456789012345000', archived: true });
    await deliver(THREAD, entry(THREAD, 'FCC bans Hikvision gear'));
    expect(api.messages(THREAD)).toHaveLength(1);
    api.channel(THREAD, { type: 11, parentId: '223456789012345000', archived: true, locked: true });
    await stores.outbox.enqueue([entry(THREAD, 'Commerce adds Dahua')]);
    expect(await deliverDue(deps(THREAD))).toMatchObject({ dead: 1 });
    expect((await stores.outbox.deadLetters())[0]?.reason).toBe(
      `Discord thread ${THREAD} is deleted, locked or archived and could not be reopened`,
    );
  });
});
