import { afterEach, describe, expect, it } from 'vitest';
import { listHarness, withoutLines, type ListHarness } from './list-harness.js';
import { listFixture } from './list-fixtures.js';

const CSL = listFixture('csl-consolidated-2022-05-excerpt.csv');
const DAHUA = 'f85aef98e839dc15d4956f5a6da09d01489ecde5,';
const HIKVISION = 'f095626c9f8becc70b5948507fb6de6e443';
const DJI = 'ce7140d470d19fe6e5aed2ae6ee74233ce0c2098,';

let harness: ListHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('screening-list source (real trade.gov CSV served on 127.0.0.1)', () => {
  it('records the first download silently, then alerts two additions and one removal exactly once, through restarts', async () => {
    const h = (harness = await listHarness({ id: 'csl', type: 'screening-list' }));
    // Before: the file without Dahua and Hikvision. After: with them, and without DJI.
    h.serve({ body: withoutLines(CSL, [DAHUA, HIKVISION]), contentType: 'text/csv' });
    const first = await h.poll();
    expect(first.status).toBe('ok');
    expect(await h.alerts()).toEqual([]);

    await h.restart();
    h.serve({ body: withoutLines(CSL, [DJI]), contentType: 'text/csv' });
    expect((await h.poll()).status).toBe('ok');
    const alerts = (await h.alerts()).sort((a, b) => a.title.localeCompare(b.title));
    expect(alerts.map((a) => a.title)).toEqual([
      'Dahua and Hikvision added to the Entity List (84 FR 54002, effective 2019-10-09)',
      'DJI removed from the Entity List',
    ]);
    const added = alerts[0];
    expect(added?.classification.relevant).toBe(true);
    expect(added?.classification.vendors).toEqual(['Dahua', 'Hikvision']);
    expect(added?.classification.reasons[0]).toBe('2 added to the Entity List (84 FR 54002), by the list itself');
    expect(added?.summary).toContain('Hangzhou Hikvision Digital Technology Co., Ltd.');

    // The same file again, after another restart: nothing new.
    await h.restart();
    await h.poll();
    expect(await h.alerts()).toHaveLength(2);
  });

  it('an unchanged file costs one conditional request and posts nothing; without validators its hash tells', async () => {
    const h = (harness = await listHarness({ id: 'csl', type: 'screening-list' }));
    h.serve({ body: CSL, contentType: 'text/csv', etag: '"v1"' });
    await h.poll();
    const before = h.requests();
    expect((await h.poll()).status).toBe('not-modified');
    expect(h.requests() - before).toBe(1);
    expect(h.server.requestsTo('/list').at(-1)?.headers['if-none-match']).toBe('"v1"');

    h.serve({ body: CSL, contentType: 'text/csv' });
    const summary = await h.poll();
    expect(summary.status).toBe('not-modified');
    expect(await h.alerts()).toEqual([]);
  });

  it('holds a truncated download as suspect (shown in the feed state), and posts nothing', async () => {
    const h = (harness = await listHarness({ id: 'csl', type: 'screening-list' }));
    h.serve({ body: CSL, contentType: 'text/csv' });
    await h.poll();
    h.serve({ body: CSL.slice(0, Math.floor(CSL.length / 2)), contentType: 'text/csv' });
    const held = await h.poll();
    expect(held.status).toBe('failed');
    const state = await h.stores().feeds.get('csl');
    expect(state?.lastError?.message).toMatch(/held as suspect: the download would remove \d+ of \d+ entries/);
    expect(await h.alerts()).toEqual([]);
    // The full file comes back: nothing changed, nothing posted.
    h.serve({ body: CSL, contentType: 'text/csv' });
    expect((await h.poll()).status).toBe('not-modified');
    expect(await h.alerts()).toEqual([]);
  });

  it('accepts a large removal when the next poll finds the same file', async () => {
    const h = (harness = await listHarness({ id: 'csl', type: 'screening-list', lists: ['Entity List'] }));
    h.serve({ body: CSL, contentType: 'text/csv' });
    await h.poll();
    const shrunk = CSL.split('\n')
      .filter((line) => !/Entity List \(EL\)/.test(line) || /,Huawei/.test(line))
      .join('\n');
    h.serve({ body: shrunk, contentType: 'text/csv' });
    expect((await h.poll()).status).toBe('failed');
    expect(await h.alerts()).toEqual([]);
    expect((await h.poll()).status).toBe('ok');
    const [removal] = await h.alerts();
    expect(removal?.title).toMatch(/^Entity List: \d+ removals, including /);
  });
});

describe('a modified entry', () => {
  it('is recorded, and alerted only to a channel whose vendor filter names its vendor', async () => {
    const h = (harness = await listHarness({ id: 'csl', type: 'screening-list' }, [
      { id: 'all', type: 'console', origin: 'config' },
      { id: 'hik', type: 'console', origin: 'config', vendors: ['Hikvision'] },
    ]));
    h.serve({ body: CSL, contentType: 'text/csv' });
    await h.poll();
    // A new alias for Hikvision's entry, and one for an entry the catalogue does not know.
    const edited = CSL.replace(
      /^(f095626c[^\n]*,http:\/\/bit\.ly\/1L47xrV,)Hikvision,/m,
      '$1"Hikvision; Haikang Weishi",',
    ).replace('"SHIBLI SHIBLI, Ibrahim"', '"SHIBLI SHIBLI, Ibrahim; CHIBLI, Ibrahim Ali"');
    expect(edited).not.toBe(CSL);
    h.serve({ body: edited, contentType: 'text/csv' });
    expect((await h.poll()).status).toBe('ok');
    const pending = await h.stores().outbox.pending(100);
    expect(pending.map((entry) => entry.channelId)).toEqual(['hik']);
    expect(pending[0]?.payload.type === 'alert' && pending[0].payload.alert.title).toBe(
      'Hikvision updated on the Entity List',
    );
  });
});

describe('a crash after the items, before the cursor is saved', () => {
  it('finds the same items under the same keys again, so the ledger lets nothing through twice', async () => {
    const h = (harness = await listHarness({ id: 'csl', type: 'screening-list' }));
    h.serve({ body: withoutLines(CSL, [DAHUA, HIKVISION]), contentType: 'text/csv' });
    await h.poll();
    const saved = (await h.stores().feeds.get('csl'))?.cursor;
    h.serve({ body: withoutLines(CSL, [DJI]), contentType: 'text/csv' });
    const first = await h.source().poll(saved);
    await h.restart();
    const again = await h.source().poll(saved);
    const keys = (result: typeof first) => (result.ok ? result.items.map((item) => item.key).sort() : []);
    expect(keys(first)).toHaveLength(2);
    expect(keys(again)).toEqual(keys(first));
    // The engine's poll then queues them once.
    await h.poll();
    await h.poll();
    expect(await h.alerts()).toHaveLength(2);
  });
});

describe('an entry removed and added back', () => {
  it('is told each time it happens (a week apart: the same title within 72 h is one story)', async () => {
    const h = (harness = await listHarness({ id: 'csl', type: 'screening-list' }));
    const without = withoutLines(CSL, [DJI]);
    for (const body of [CSL, without, CSL, without]) {
      h.serve({ body, contentType: 'text/csv' });
      await h.poll(7 * 86_400_000);
    }
    expect((await h.alerts()).map((a) => a.title)).toEqual([
      'DJI removed from the Entity List',
      'DJI added to the Entity List (85 FR 83420, effective 2020-12-18)',
      'DJI removed from the Entity List',
    ]);
  });
});
