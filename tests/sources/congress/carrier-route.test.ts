import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollResult } from '../../../src/domain/source.js';
import { createFeedFetcher, type FeedFetcher } from '../../../src/shared/http/feed-fetcher.js';
import { createCongressApi } from '../../../src/sources/congress/congress-api.js';
import { createCongressSource } from '../../../src/sources/congress/congress-source.js';
import { createRequestBudget } from '../../../src/sources/congress/request-budget.js';
import { startFakeCongressApi, type FakeCongressApi } from '../../fakes/congress-api.js';
import { govJson } from '../../support/gov-fixtures.js';
import { mutableClock } from '../../support/mutable-clock.js';

/**
 * H.R.21 (117th), the FedRAMP Authorization Act, passed the House and went no further on its
 * own: its text became law inside the FY2023 NDAA (H.R.7776, Public Law 117-263). The bill and
 * its actions are the real 2022 recordings; the later related-bills answer and the NDAA's
 * record are constructed (tests/fixtures/gov/SOURCES.txt).
 */
const KEY = 'carrier-key-93d0';
const clock = mutableClock('2022-09-10T12:00:00Z');
let api: FakeCongressApi;
let fetcher: FeedFetcher;

beforeAll(async () => {
  api = await startFakeCongressApi({ apiKey: KEY });
  fetcher = createFeedFetcher({ clock, timeoutMs: 3_000 });
});
afterAll(async () => {
  await api.close();
  await fetcher.close();
});

function ok(result: PollResult): Extract<PollResult, { ok: true }> {
  if (!result.ok) throw new Error(`poll failed: ${result.failure.kind} ${result.failure.message}`);
  return result;
}

describe('enacted by another measure', () => {
  it('H.R.21 (117th) reaches enacted via the FY2023 NDAA, and the alert names the carrier', async () => {
    const record = govJson<{ bill: Record<string, unknown> }>('congress-gov-api/bill_117_hr_21.json').bill;
    const actions = govJson<{ actions: unknown[] }>('congress-gov-api/bill_117_hr_21_actions.json').actions;
    const related = govJson<{ relatedBills: unknown[] }>('congress-gov-api/bill_117_hr_21_relatedbills.json');
    api.bill('hr21-117', record, actions);
    api.related('hr21-117', related.relatedBills);
    const congress = createCongressSource(
      { id: 'congress', intervalMs: 1_800_000, bills: [{ id: 'hr21-117' }], discover: false },
      {
        api: createCongressApi({ baseUrl: api.url, apiKey: KEY, fetcher, budget: createRequestBudget({ clock }) }),
        clock,
      },
    );
    const first = ok(await congress.poll(undefined));
    expect(first.items.map((i) => i.key)).toEqual(['bill:hr21-117:passed-one-chamber']);
    // S.3099 is only a "Related bill": its record is never asked for.
    expect(api.requests.some((r) => r.path === '/v3/bill/117/s/3099')).toBe(false);

    // Unchanged record: the related bills are asked again only a day later.
    api.requests.length = 0;
    clock.advance(3_600_000);
    expect(ok(await congress.poll(first.cursor)).items).toEqual([]);
    expect(api.requests.map((r) => r.path)).toEqual(['/v3/bill/117/hr/21']);

    const later = govJson<{ relatedBills: unknown[] }>('constructed/hr21-117.relatedbills-after-ndaa.json');
    api.related('hr21-117', later.relatedBills);
    api.bill('hr7776-117', govJson<{ bill: Record<string, unknown> }>('constructed/hr7776-117.bill.json').bill, []);
    clock.set('2023-01-11T12:00:00Z');
    const enacted = ok(await congress.poll(first.cursor));
    expect(enacted.items.map((i) => [i.key, i.title, i.thread?.reference, i.thread?.conclusive])).toEqual([
      [
        'bill:hr21-117:enacted',
        'H.R.21 (117th) enacted as part of H.R.7776 (117th), Public Law 117-263: FedRAMP Authorization Act',
        'Public Law 117-263 (as part of H.R.7776 (117th))',
        true,
      ],
    ]);
    expect(enacted.items[0]?.summary).toContain(
      '2022-12-23: Enacted as part of H.R.7776 (117th) (James M. Inhofe National Defense Authorization Act for Fiscal Year 2023), Public Law 117-263',
    );
    // Enacted is the end: no more related-bill reads for it.
    api.requests.length = 0;
    clock.advance(2 * 86_400_000);
    expect(ok(await congress.poll(enacted.cursor)).items).toEqual([]);
    expect(api.requests.map((r) => r.path)).toEqual(['/v3/bill/117/hr/21']);
  });
});
