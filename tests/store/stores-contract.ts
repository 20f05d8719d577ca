import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/domain/channel.js';
import { emptyFeedState } from '../../src/domain/feed-state.js';
import { outboxKey, type OutboxEntry } from '../../src/domain/outbox.js';
import type { StoreBackend } from '../../src/store/backend.js';
import { createChannelRegistry } from '../../src/store/channel-registry-store.js';
import { storesOver, type Stores } from '../../src/store/open-stores.js';
import type { MutableClock } from '../support/mutable-clock.js';
import { sampleAlert } from '../support/sample-alert.js';

/**
 * What banwatch keeps, on every backend: the same operations and answers whether the store is
 * SQLite, Redis or PostgreSQL.
 */
export function storesContract(
  name: string,
  open: (clock: MutableClock) => Promise<StoreBackend>,
  clock: MutableClock,
): void {
  describe(`${name} stores contract`, () => {
    let stores: Stores;
    beforeAll(async () => {
      stores = storesOver(await open(clock));
    });
    afterAll(async () => {
      await stores?.close();
    });

    it('claims items atomically and remembers them once settled', async () => {
      const first = await stores.items.claim('feed', ['a', 'b']);
      expect([...first].sort()).toEqual(['a', 'b']);
      // Unsettled (a crash before settling): still to process.
      expect([...(await stores.items.claim('feed', ['a', 'c']))].sort()).toEqual(['a', 'c']);
      await stores.items.settle('feed', ['a', 'b', 'c']);
      expect([...(await stores.items.claim('feed', ['a', 'b', 'c', 'd']))]).toEqual(['d']);
      expect(await stores.items.status('feed', 'a')).toBe('done');
      expect(await stores.items.status('feed', 'd')).toBe('pending');
      expect(await stores.items.status('other', 'a')).toBe('unknown');
    });

    it('settles items with the trace that explains them, and still never hands them out again', async () => {
      await stores.items.claim('traced', ['x', 'y']);
      await stores.items.settle('traced', ['x'], 'mjv1a2b3');
      expect(await stores.items.status('traced', 'x')).toBe('done');
      expect(await stores.items.traceOf('traced', 'x')).toBe('mjv1a2b3');
      expect(await stores.items.traceOf('traced', 'y')).toBeUndefined();
      expect([...(await stores.items.claim('traced', ['x', 'y', 'z']))].sort()).toEqual(['y', 'z']);
    });

    it('finds a poll trace by item (through the ledger) and by any form of its link', async () => {
      const at = '2026-02-01T00:00:00.000Z';
      const items = [
        {
          itemKey: 'k1',
          title: 'Hikvision banned',
          link: 'https://www.example.com/a?utm_source=x',
          outcome: 'recorded' as const,
        },
        { itemKey: 'k2', title: 'Weather', outcome: 'recorded' as const },
      ];
      await stores.items.claim('tf', ['k1', 'k2']);
      const ref = await stores.traces.record({ sourceId: 'tf', at, items });
      // Short: the ledger keeps it for every item for 180 days.
      expect(ref?.length).toBeLessThanOrEqual(9);
      await stores.items.settle('tf', ['k1', 'k2'], ref);
      expect(await stores.traces.find({ sourceId: 'tf', itemKey: 'k2' })).toEqual({
        sourceId: 'tf',
        at,
        item: items[1],
      });
      expect((await stores.traces.find({ link: 'http://example.com/a' }))?.item.itemKey).toBe('k1');
      expect(await stores.traces.find({ sourceId: 'tf', itemKey: 'k3' })).toBeUndefined();
      expect(await stores.traces.find({ sourceId: 'other', itemKey: 'k1' })).toBeUndefined();
      expect(await stores.traces.record({ sourceId: 'tf', at, items: [] })).toBeUndefined();
    });

    it('still finds traces written when items were indexed apart from the ledger', async () => {
      const at = '2026-03-01T00:00:00.000Z';
      const item = { itemKey: 'old', title: 'Dahua cameras removed', outcome: 'recorded' as const };
      // What an earlier version wrote: the document, an item index entry, and a plain `done`.
      await stores.backend
        .keyValue('traces')
        .set(`legacy@${at}`, { sourceId: 'legacy', at, items: [item] }, 86_400_000);
      await stores.backend.claims('trace-items').put(['legacy/old'], `legacy@${at}`, 86_400_000);
      await stores.items.claim('legacy', ['old']);
      await stores.items.settle('legacy', ['old']);
      expect(await stores.traces.find({ sourceId: 'legacy', itemKey: 'old' })).toEqual({
        sourceId: 'legacy',
        at,
        item,
      });
    });

    it('gives a story to one alert per channel', async () => {
      const keys = { link: 'sl:1', title: 'st:1' };
      expect(await stores.stories.claim('ch', keys, 'feed-a:1')).toBe(true);
      expect(await stores.stories.claim('ch', keys, 'feed-a:1')).toBe(true);
      expect(await stores.stories.claim('ch', { link: 'sl:2', title: 'st:1' }, 'feed-b:9')).toBe(false);
      expect(await stores.stories.claim('other', keys, 'feed-b:9')).toBe(true);
    });

    it('gives a story to exactly one of many feeds claiming it at the same moment', async () => {
      const sameLinkAndTitle = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          stores.stories.claim('race', { link: 'sl:r1', title: 'st:r1' }, `feed-${i}:1`),
        ),
      );
      expect(sameLinkAndTitle.filter(Boolean)).toHaveLength(1);
      // Different links, same title: still one story, still exactly one owner (never none).
      const sameTitle = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          stores.stories.claim('race', { link: `sl:r2-${i}`, title: 'st:r2' }, `feed-${i}:2`),
        ),
      );
      expect(sameTitle.filter(Boolean)).toHaveLength(1);
    });

    it('keeps feed state, watch terms, threads and subscriptions', async () => {
      await stores.feeds.put({ ...emptyFeedState('f1'), cursor: { etag: '"x"' }, initialized: true, failures: 2 });
      expect(await stores.feeds.get('f1')).toMatchObject({ cursor: { etag: '"x"' }, initialized: true, failures: 2 });
      expect([...(await stores.feeds.getMany(['f1', 'nope'])).keys()]).toEqual(['f1']);

      const term = { term: 'Unitree', mode: 'vendor' as const, addedAt: clock.now().toISOString() };
      await stores.watch.replace('ch', [term]);
      expect(await stores.watch.list('ch')).toEqual([term]);
      expect((await stores.watch.listMany(['ch', 'none'])).get('none')).toEqual([]);

      await stores.threads.set('ch', 'bill:hr5515-115', { platform: 'slack', id: '1.2', channel: 'C1' });
      expect(await stores.threads.get('ch', 'bill:hr5515-115')).toEqual({
        platform: 'slack',
        id: '1.2',
        channel: 'C1',
      });

      const channel: Channel = { id: 'slack-C1', type: 'slack', channel: 'C1', origin: 'runtime' };
      await stores.channels.put(channel);
      await stores.channels.put({ ...channel, vendors: ['Hikvision'] });
      expect(await stores.channels.list()).toEqual([{ ...channel, vendors: ['Hikvision'] }]);
      expect(await stores.channels.remove('slack-C1')).toBe(true);
      expect(await stores.channels.list()).toEqual([]);
    });

    it("reads one tenant's subscribed channels through its index, also those stored before the index", async () => {
      // Stored by a version without the index: only in the install's list.
      const earlier: Channel = { id: 'slack-CE', type: 'slack', channel: 'CE', origin: 'runtime', tenant: 'slack:TA' };
      await stores.backend.ordered<Channel>('channels').append(earlier.id, earlier);
      // The index is checked against the list again after 300 ms here (a day by default).
      const fresh = { channels: createChannelRegistry(stores.backend, { indexRecheckMs: 300 }) };
      try {
        const sub = (id: string, tenant: string): Channel => ({
          id: `slack-${id}`,
          type: 'slack',
          channel: id,
          origin: 'runtime',
          tenant,
        });
        await fresh.channels.put(sub('C1', 'slack:TA'));
        await fresh.channels.put(sub('C2', 'slack:TB'));
        await fresh.channels.put(sub('C3', 'slack:TA'));
        const ids = async (tenant: string) => (await fresh.channels.forTenant(tenant)).map((c) => c.id).sort();
        expect(await ids('slack:TA')).toEqual(['slack-C1', 'slack-C3', 'slack-CE']);
        expect(await ids('slack:TB')).toEqual(['slack-C2']);
        expect(await ids('discord:G1')).toEqual([]);
        // Subscribed again from another workspace (a shared channel): it leaves the first one's view.
        await fresh.channels.put(sub('C3', 'slack:TB'));
        expect(await ids('slack:TA')).toEqual(['slack-C1', 'slack-CE']);
        expect(await ids('slack:TB')).toEqual(['slack-C2', 'slack-C3']);
        await fresh.channels.put({ ...sub('C1', 'slack:TA'), vendors: ['DJI'] });
        expect((await fresh.channels.forTenant('slack:TA')).find((c) => c.id === 'slack-C1')?.vendors).toEqual(['DJI']);
        expect(await fresh.channels.remove('slack-C2')).toBe(true);
        expect(await ids('slack:TB')).toEqual(['slack-C3']);
        // Written meanwhile by an instance on a version without the index (a rolling upgrade):
        // in its tenant's view once the index is checked again. Redis expires the mark by its own
        // clock, SQL backends by the injected one: move both.
        const late: Channel = { ...sub('CL', 'slack:TB') };
        await stores.backend.ordered<Channel>('channels').append(late.id, late);
        clock.advance(1_500);
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(await ids('slack:TB')).toEqual(['slack-C3', 'slack-CL']);
      } finally {
        for (const id of ['slack-CE', 'slack-C1', 'slack-C3', 'slack-CL']) await fresh.channels.remove(id);
      }
    });

    it('runs the outbox: idempotent queueing, order, retries, delivery records, dead letters', async () => {
      const entry = (n: number): OutboxEntry => {
        const alert = sampleAlert({ id: `s:${n}` });
        return {
          key: outboxKey('ch', alert.id),
          channelId: 'ch',
          payload: { type: 'alert', alert },
          attempts: 0,
          createdAt: 'x',
          nextAttemptAt: clock.now().toISOString(),
        };
      };
      expect(await stores.outbox.enqueue([entry(1), entry(2), entry(3)])).toBe(3);
      expect(await stores.outbox.enqueue([entry(2)])).toBe(0);
      expect((await stores.outbox.pending()).map((e) => e.key)).toEqual(['ch|s:1', 'ch|s:2', 'ch|s:3']);
      await stores.outbox.reschedule(entry(1), '2030-01-01T00:00:00.000Z', 'HTTP 429', true);
      expect((await stores.outbox.pending(1))[0]).toMatchObject({
        attempts: 1,
        lastError: 'HTTP 429',
        rateLimited: true,
      });
      await stores.outbox.markDelivered(entry(2), { at: 'now', ref: { platform: 'slack', id: '9' } });
      expect(await stores.outbox.delivery('ch|s:2')).toEqual({ at: 'now', ref: { platform: 'slack', id: '9' } });
      expect(await stores.outbox.enqueue([entry(2)])).toBe(0);
      await stores.outbox.deadLetter(entry(3), 'HTTP 404', 'then');
      expect(await stores.outbox.counts()).toEqual({ pending: 1, dead: 1 });
      expect((await stores.outbox.deadLetters())[0]).toMatchObject({
        key: 'ch|s:3',
        reason: 'HTTP 404',
        deadAt: 'then',
      });
    });

    it('keeps the bills tracked at run time, each once', async () => {
      const bill = {
        id: 'hr2881-116',
        origin: 'command' as const,
        addedBy: 'ada',
        addedAt: clock.now().toISOString(),
        vendors: ['Hikvision'],
      };
      expect(await stores.trackedBills.add(bill)).toBe(true);
      expect(await stores.trackedBills.add({ ...bill, addedBy: 'bob' })).toBe(false);
      expect(
        await stores.trackedBills.add({ id: 's1-117', origin: 'discovery', addedAt: clock.now().toISOString() }),
      ).toBe(true);
      expect((await stores.trackedBills.list()).map((b) => [b.id, b.addedBy])).toEqual([
        ['hr2881-116', 'ada'],
        ['s1-117', undefined],
      ]);
      expect(await stores.trackedBills.remove('hr2881-116')).toBe(true);
      expect(await stores.trackedBills.remove('hr2881-116')).toBe(false);
      expect((await stores.trackedBills.list()).map((b) => b.id)).toEqual(['s1-117']);
    });

    it('keeps the other tenants that follow a tracked bill, each once, and drops them with the bill', async () => {
      const at = clock.now().toISOString();
      await stores.trackedBills.add({ id: 's1-118', origin: 'command', addedAt: at, scope: 'slack:TA' });
      expect(await stores.trackedBills.follow('s1-118', 'discord:G1')).toBe(true);
      expect(await stores.trackedBills.follow('s1-118', 'discord:G1')).toBe(false);
      expect(await stores.trackedBills.follow('s1-118', 'slack:TB')).toBe(true);
      expect(
        (await stores.trackedBills.list()).filter((b) => b.id === 's1-118').map((b) => [b.id, b.scope, b.followers]),
      ).toEqual([['s1-118', 'slack:TA', ['discord:G1', 'slack:TB']]]);
      // A new owner replaces the entry in place; the follows stay apart and are not stored in it.
      await stores.trackedBills.put({ id: 's1-118', origin: 'command', addedAt: at, scope: 'discord:G1' });
      expect(await stores.trackedBills.unfollow('s1-118', 'discord:G1')).toBe(true);
      expect(await stores.trackedBills.unfollow('s1-118', 'discord:G1')).toBe(false);
      expect(
        (await stores.trackedBills.list()).filter((b) => b.id === 's1-118').map((b) => [b.scope, b.followers]),
      ).toEqual([['discord:G1', ['slack:TB']]]);
      expect(await stores.trackedBills.remove('s1-118')).toBe(true);
      await stores.trackedBills.add({ id: 's1-118', origin: 'command', addedAt: at, scope: 'slack:TC' });
      expect((await stores.trackedBills.list()).find((b) => b.id === 's1-118')?.followers).toBeUndefined();
    });

    it('indexes where each bill and rule stands, one entry per thread, latest update first', async () => {
      const bill = {
        key: 'bill:hr5515-115',
        kind: 'bill' as const,
        label: 'H.R.5515 (115th)',
        title: 'John S. McCain National Defense Authorization Act for Fiscal Year 2019',
        stage: 'passed-one-chamber' as const,
        date: '2018-05-24',
        vendors: ['Hikvision'],
        sourceId: 'congress',
        updatedAt: '2026-01-01T00:00:00.000Z',
      };
      await stores.instruments.record(bill);
      await stores.instruments.record({
        key: 'rule:9000-AN83',
        kind: 'rule',
        label: 'RIN 9000-AN83',
        title: 'FAR rule',
        stage: 'interim',
        date: '2019-08-13',
        vendors: [],
        sourceId: 'fr',
        updatedAt: '2026-01-02T00:00:00.000Z',
      });
      await stores.instruments.record({
        ...bill,
        stage: 'enacted',
        date: '2018-08-13',
        reference: 'Public Law 115-232',
        updatedAt: '2026-01-03T00:00:00.000Z',
      });
      expect((await stores.instruments.list()).map((e) => [e.key, e.stage])).toEqual([
        ['bill:hr5515-115', 'enacted'],
        ['rule:9000-AN83', 'interim'],
      ]);
      expect(await stores.instruments.get('bill:hr5515-115')).toMatchObject({
        reference: 'Public Law 115-232',
        date: '2018-08-13',
      });
      expect(await stores.instruments.get('bill:nope')).toBeUndefined();
    });

    it('logs alerts newest first', async () => {
      await stores.alerts.record(sampleAlert({ id: 'a1', title: 'first' }));
      await stores.alerts.record(sampleAlert({ id: 'a2', title: 'second' }));
      await stores.alerts.record(sampleAlert({ id: 'a1', title: 'again' }));
      expect((await stores.alerts.recent(10)).map((a) => a.title)).toEqual(['second', 'first']);
    });
  });
}
