import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PollResult } from '../../../src/domain/source.js';
import { createFeedFetcher, type FeedFetcher } from '../../../src/shared/http/feed-fetcher.js';
import { createFederalRegisterSource } from '../../../src/sources/federal-register/federal-register-source.js';
import { startFakeFederalRegister, type FakeFederalRegister } from '../../fakes/federal-register-api.js';
import { govJson } from '../../support/gov-fixtures.js';
import { mutableClock } from '../../support/mutable-clock.js';

/**
 * Documents on public inspection: an item a day early, in a thread the published document then
 * continues, whatever thread its RIN would have given it. The FAR interim rule (constructed
 * published record) stands in for a rule with a RIN; the inspection list is constructed from
 * the API's documented fields (tests/fixtures/gov/SOURCES.txt).
 */
const far = govJson<Record<string, unknown>>('constructed/fr-2019-17201.json');
const [bis, noaa] = govJson<{ results: Array<Record<string, unknown>> }>(
  'constructed/public-inspection-current-2019-10-07.json',
).results as [Record<string, unknown>, Record<string, unknown>];
/** The FAR rule as the inspection list shows it: no RIN yet, its FAR case as the docket. */
const farOnInspection = {
  ...bis,
  document_number: '2019-17201',
  title: far.title,
  docket_numbers: ['FAR Case 2018-017'],
  agencies: far.agencies,
  publication_date: '2019-08-13',
  filed_at: '2019-08-12T08:45:00.000-04:00',
};
const AGENCIES = ['general-services-administration', 'industry-and-security-bureau'];
let fr: FakeFederalRegister;
let fetcher: FeedFetcher;
const clock = mutableClock('2019-08-10T12:00:00Z');

beforeAll(async () => {
  fr = await startFakeFederalRegister();
  fetcher = createFeedFetcher({ clock, timeoutMs: 3_000 });
});
afterAll(async () => {
  await fr.close();
  await fetcher.close();
});
afterEach(() => {
  fr.clear();
  fr.requests.length = 0;
});

function source(publicInspection?: boolean) {
  return createFederalRegisterSource(
    {
      id: 'fr',
      intervalMs: 3_600_000,
      backfill: 0,
      terms: ['Telecommunications and Video Surveillance', 'Entity List'],
      agencies: AGENCIES,
      baseUrl: fr.url,
      ...(publicInspection === undefined ? {} : { publicInspection }),
    },
    { fetcher, clock },
  );
}

function ok(result: PollResult): Extract<PollResult, { ok: true }> {
  if (!result.ok) throw new Error(`poll failed: ${result.failure.message}`);
  return result;
}

describe('documents on public inspection', () => {
  it('are an item once, and the published document continues their thread', async () => {
    const fr1 = source();
    fr.inspect(farOnInspection);
    fr.inspect(noaa);
    clock.set('2019-08-12T13:00:00Z');
    const inspected = ok(await fr1.poll(undefined));
    expect(inspected.items.map((i) => [i.key, i.thread?.stage, i.thread?.key])).toEqual([
      [
        'rule:docket:far-case-2018-017:public-inspection:2019-17201',
        'public-inspection',
        'rule:docket:far-case-2018-017',
      ],
    ]);
    expect(inspected.items[0]?.title).toBe(
      'On public inspection (FAR Case 2018-017): Federal Acquisition Regulation: Prohibition on Contracting for Certain Telecommunications and Video Surveillance Services or Equipment',
    );
    // Still on inspection an hour later: nothing new.
    clock.advance(3_600_000);
    const again = ok(await fr1.poll(inspected.cursor));
    expect(again.items).toEqual([]);

    fr.clear();
    fr.publish(far);
    clock.set('2019-08-13T12:00:00Z');
    const published = ok(await fr1.poll(again.cursor));
    // The interim rule and its first day in effect, both in the thread the inspection opened
    // (its RIN alone would have made it rule:9000-AN83).
    expect(published.items.map((i) => [i.key, i.thread?.stage, i.thread?.key])).toEqual([
      ['rule:docket:far-case-2018-017:interim:2019-17201', 'interim', 'rule:docket:far-case-2018-017'],
      ['rule:docket:far-case-2018-017:effective:2019-17201', 'effective', 'rule:docket:far-case-2018-017'],
    ]);
  });

  it('are neither asked for nor reported when publicInspection is off', async () => {
    fr.inspect(farOnInspection);
    clock.set('2019-08-12T13:00:00Z');
    const inspecting = ok(await source(true).poll(undefined));
    expect(inspecting.items.map((i) => i.thread?.stage)).toEqual(['public-inspection']);
    const asked = () => fr.requests.filter((r) => r.path.endsWith('/public-inspection-documents/current.json')).length;
    expect(asked()).toBe(1);
    const off = ok(await source(false).poll(undefined));
    expect(off.items).toEqual([]);
    expect(asked()).toBe(1);
  });

  it('are not reported when already published, nor when the list cannot be read', async () => {
    const fr1 = source();
    fr.publish(far);
    clock.set('2019-08-13T12:00:00Z');
    const first = ok(await fr1.poll(undefined));
    expect(first.items.map((i) => i.thread?.key)).toEqual(['rule:9000-AN83', 'rule:9000-AN83']);
    fr.inspect(farOnInspection);
    clock.advance(3_600_000);
    expect(ok(await fr1.poll(first.cursor)).items).toEqual([]);

    // A failing inspection list costs only the documents on inspection: the searches go on.
    fr.script({ status: 200 }, { status: 200 }, { status: 503 });
    clock.advance(3_600_000);
    const failed = await fr1.poll(first.cursor);
    expect(failed.ok).toBe(true);
    expect(fr.requests.at(-1)).toMatchObject({ path: '/api/v1/public-inspection-documents/current.json', status: 503 });
  });
});
