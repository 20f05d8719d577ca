import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../src/domain/delivery-history.js';
import type { StoreBackend } from '../../src/store/backend.js';
import { storesOver, type Stores } from '../../src/store/open-stores.js';
import type { MutableClock } from '../support/mutable-clock.js';
import { sampleAlert } from '../support/sample-alert.js';

const record = (overrides: Partial<HistoryRecord>): HistoryRecord => ({
  at: '2026-03-01T08:00:00.000Z',
  channelId: 'sec',
  platform: 'slack',
  target: 'C0SEC',
  messageId: '1700000000.000100',
  via: 'live',
  alertId: 'feed:a',
  sourceId: 'feed',
  title: 'Hikvision banned',
  vendors: ['Hikvision'],
  action: 'ban',
  stage: 'enacted',
  score: 0.9,
  ...overrides,
});

/** The digest inbox, its period claims and the delivery history, the same on every backend. */
export function digestHistoryContract(
  name: string,
  open: (clock: MutableClock) => Promise<StoreBackend>,
  clock: MutableClock,
): void {
  describe(`${name} digest inbox and delivery history`, () => {
    let stores: Stores;
    beforeAll(async () => {
      stores = storesOver(await open(clock));
    });
    afterAll(async () => {
      await stores?.close();
    });

    it('collects per channel, once per alert, oldest first, without the summary; and removes what went out', async () => {
      await stores.digests.collect('d1', sampleAlert({ id: 'x:1', title: 'one' }), '2026-03-01T01:00:00.000Z');
      await stores.digests.collect('d1', sampleAlert({ id: 'x:2', title: 'two' }), '2026-03-01T02:00:00.000Z');
      await stores.digests.collect('d1', sampleAlert({ id: 'x:1', title: 'one again' }), '2026-03-01T03:00:00.000Z');
      await stores.digests.collect(
        'd2',
        sampleAlert({ id: 'x:3', title: 'other channel' }),
        '2026-03-01T04:00:00.000Z',
      );
      const collected = await stores.digests.collected('d1');
      expect(collected.map((c) => [c.alert.title, c.at])).toEqual([
        ['one', '2026-03-01T01:00:00.000Z'],
        ['two', '2026-03-01T02:00:00.000Z'],
      ]);
      expect(collected[0]?.alert.summary).toBeUndefined();
      await stores.digests.remove('d1', ['x:1']);
      expect((await stores.digests.collected('d1')).map((c) => c.alert.id)).toEqual(['x:2']);
      expect((await stores.digests.collected('d2')).map((c) => c.alert.id)).toEqual(['x:3']);
    });

    it('gives a period to one builder, and keeps it done for everyone once settled', async () => {
      expect(await stores.digests.claim('d1', 'daily:2026-03-01', 'one', 60_000)).toBe('won');
      expect(await stores.digests.claim('d1', 'daily:2026-03-01', 'two', 60_000)).toBe('held');
      // The same owner again (a tick that failed half-way) may go on.
      expect(await stores.digests.claim('d1', 'daily:2026-03-01', 'one', 60_000)).toBe('won');
      await stores.digests.settle('d1', 'daily:2026-03-01');
      expect(await stores.digests.claim('d1', 'daily:2026-03-01', 'two', 60_000)).toBe('done');
      expect(await stores.digests.claim('d1', 'daily:2026-03-02', 'two', 60_000)).toBe('won');
      expect(await stores.digests.claim('d2', 'daily:2026-03-01', 'two', 60_000)).toBe('won');
    });

    it('records deliveries once each, filters them, and prunes those older than the retention', async () => {
      await stores.history.record([
        record({ at: '2024-01-01T00:00:00.000Z', alertId: 'feed:old', vendors: ['Dahua'] }),
        record({ at: '2026-03-01T08:00:00.000Z', alertId: 'feed:a' }),
        record({ at: '2026-03-02T08:00:00.000Z', alertId: 'feed:b', channelId: 'ops', platform: 'discord' }),
      ]);
      // A delivery recorded again (a crash before its outbox entry left) is kept once.
      await stores.history.record([record({ at: '2026-03-01T08:00:05.000Z', alertId: 'feed:a' })]);
      // The same alert in a digest is a delivery of its own.
      await stores.history.record([
        record({
          at: '2026-03-03T07:30:00.000Z',
          alertId: 'feed:a',
          via: 'digest',
          digestId: 'digest:daily:2026-03-03',
        }),
      ]);
      const all = await stores.history.list();
      expect(all.map((r) => [r.alertId, r.via, r.at])).toEqual([
        ['feed:old', 'live', '2024-01-01T00:00:00.000Z'],
        ['feed:a', 'live', '2026-03-01T08:00:00.000Z'],
        ['feed:b', 'live', '2026-03-02T08:00:00.000Z'],
        ['feed:a', 'digest', '2026-03-03T07:30:00.000Z'],
      ]);
      expect((await stores.history.list({ vendor: 'dahua' })).map((r) => r.alertId)).toEqual(['feed:old']);
      expect((await stores.history.list({ channelId: 'ops' })).map((r) => r.alertId)).toEqual(['feed:b']);
      expect(
        (await stores.history.list({ since: new Date('2026-03-02T00:00:00Z'), vendor: 'Hikvision' })).map((r) => r.via),
      ).toEqual(['live', 'digest']);
      expect(await stores.history.prune(new Date('2024-03-01T00:00:00Z'))).toBe(1);
      expect(await stores.history.prune(new Date('2024-03-01T00:00:00Z'))).toBe(0);
      expect((await stores.history.list()).map((r) => r.alertId)).toEqual(['feed:a', 'feed:b', 'feed:a']);
    });
  });
}
