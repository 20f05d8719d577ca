import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PollResult } from '../../../src/domain/source.js';
import { createFeedFetcher, type FeedFetcher } from '../../../src/shared/http/feed-fetcher.js';
import { createFederalRegisterSource } from '../../../src/sources/federal-register/federal-register-source.js';
import { documentStage, fromAgencies, rulemakingOf } from '../../../src/sources/federal-register/fr-documents.js';
import { frDocument, type FrDocument } from '../../../src/sources/federal-register/fr-schema.js';
import { startFakeFederalRegister, type FakeFederalRegister } from '../../fakes/federal-register-api.js';
import { govJson } from '../../support/gov-fixtures.js';
import { mutableClock } from '../../support/mutable-clock.js';

const doc = (raw: unknown): FrDocument => frDocument.parse(raw);
const lifecycle = govJson<unknown[]>('federal-register/fr_rin_0648-BM40.json');
const week = govJson<{ results: unknown[] }>('federal-register/documents_search_federal_register_week.json').results;

describe('Federal Register documents (real recordings)', () => {
  it('reads the stage of a rulemaking from type and action, never from type alone', () => {
    const [finalRule, proposed, availability] = lifecycle.map(doc);
    expect(documentStage(finalRule as FrDocument)).toBe('final');
    expect(documentStage(proposed as FrDocument)).toBe('proposed');
    // "Notice of availability" is filed as a Proposed Rule: a note in the thread, not the proposed step.
    expect(documentStage(availability as FrDocument)).toBe('notice');
    expect(documentStage(doc(govJson('federal-register/fr_doc_2024-27333.json')))).toBe('final');
    expect(documentStage(doc(govJson('constructed/fr-2019-17201.json')))).toBe('interim');
    expect(documentStage(doc({ document_number: 'x', type: 'Rule', action: 'Final rule; correction.' }))).toBe(
      'notice',
    );
    expect(
      documentStage(doc({ document_number: 'x', type: 'Proposed Rule', action: 'Notice of public meeting.' })),
    ).toBe('notice');
    expect(
      documentStage(doc({ document_number: 'x', type: 'Notice', action: 'Notice of a modified system of records.' })),
    ).toBe('notice');
  });

  it('groups a rulemaking by RIN, else docket, else the document alone', () => {
    const [finalRule, proposed] = lifecycle.map(doc);
    expect(rulemakingOf(finalRule as FrDocument, 'final')).toEqual({ key: 'rule:0648-BM40', label: 'RIN 0648-BM40' });
    expect(rulemakingOf(proposed as FrDocument, 'proposed').key).toBe('rule:0648-BM40');
    const fcc = doc(govJson('federal-register/fr_doc_2025-02747.json'));
    // "DA 25-120" and "FR ID 280081" name documents, not a docket.
    expect(rulemakingOf(fcc, 'final')).toEqual({ key: 'fr:2025-02747', label: 'FR Doc 2025-02747' });
    const nist = doc(week[0]);
    expect(rulemakingOf(nist, 'final')).toEqual({ key: 'rule:docket:260804-0183', label: 'Docket 260804-0183' });
  });

  it('keeps only documents from the configured agencies', () => {
    const docs = week.map(doc);
    expect(
      docs.filter((d) => fromAgencies(d, ['general-services-administration'])).map((d) => d.document_number),
    ).toEqual(['2026-16980']);
    expect(
      docs.filter((d) => fromAgencies(d, ['defense-acquisition-regulations-system'])).map((d) => d.document_number),
    ).toEqual(['2026-16682']);
    expect(docs.filter((d) => fromAgencies(d, []))).toHaveLength(6);
  });
});

let fr: FakeFederalRegister;
let fetcher: FeedFetcher;
const clock = mutableClock('2024-01-23T12:00:00Z');

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

function source(terms = ['Electronic Monitoring'], agencies = ['national-oceanic-and-atmospheric-administration']) {
  return createFederalRegisterSource(
    { id: 'fr', intervalMs: 3_600_000, backfill: 0, terms, agencies, baseUrl: fr.url },
    { fetcher, clock },
  );
}

function ok(result: PollResult): Extract<PollResult, { ok: true }> {
  if (!result.ok) throw new Error(`poll failed: ${result.failure.message}`);
  return result;
}

describe('federal-register source', () => {
  it('reports each document of a rulemaking once: the notice, the proposed rule, the final rule, the day it takes effect', async () => {
    const [finalRule, proposed, availability] = lifecycle as Array<Record<string, unknown>>;
    const fr1 = source();
    fr.publish(availability as Record<string, unknown>, { fullText: 'electronic monitoring' });
    const first = ok(await fr1.poll(undefined));
    expect(first.items.map((i) => [i.key, i.thread?.stage])).toEqual([['rule:0648-BM40:notice:2024-01120', 'notice']]);

    fr.publish(proposed as Record<string, unknown>, { fullText: 'electronic monitoring' });
    const second = ok(await fr1.poll(first.cursor));
    expect(second.items.map((i) => i.key)).toEqual(['rule:0648-BM40:proposed:2024-01952']);
    expect(ok(await fr1.poll(second.cursor)).items).toEqual([]);

    // The final rule in the real recording has no effective date; give it one a week later.
    fr.publish(
      { ...(finalRule as Record<string, unknown>), effective_on: '2024-08-05' },
      { fullText: 'electronic monitoring' },
    );
    clock.set('2024-07-29T12:00:00Z');
    const third = ok(await fr1.poll(second.cursor));
    expect(third.items.map((i) => [i.key, i.thread?.stage, i.thread?.conclusive])).toEqual([
      ['rule:0648-BM40:final:2024-15931', 'final', true],
    ]);
    expect(third.items[0]?.title).toMatch(
      /^Final rule \(RIN 0648-BM40\): Fisheries of the Exclusive Economic Zone Off Alaska/,
    );

    clock.set('2024-08-05T09:00:00Z');
    const fourth = ok(await fr1.poll(third.cursor));
    expect(fourth.items.map((i) => [i.key, i.exemptFromAgeLimit, i.publishedAt?.toISOString()])).toEqual([
      ['rule:0648-BM40:effective:2024-15931', true, '2024-08-05T00:00:00.000Z'],
    ]);
    expect(ok(await fr1.poll(fourth.cursor)).items).toEqual([]);
    clock.set('2024-01-23T12:00:00Z');
  });

  it('sends one request per term, with the agencies, newest first, and only the fields it reads', async () => {
    ok(
      await source(
        ['Covered List', 'Section 889'],
        ['federal-communications-commission', 'industry-and-security-bureau'],
      ).poll(undefined),
    );
    expect(fr.requests.map((r) => r.query.get('conditions[term]'))).toEqual(['"Covered List"', '"Section 889"', null]);
    const query = fr.requests[0]?.query;
    expect(query?.getAll('conditions[agencies][]')).toEqual([
      'federal-communications-commission',
      'industry-and-security-bureau',
    ]);
    expect(query?.get('order')).toBe('newest');
    expect(query?.get('per_page')).toBe('100');
    expect(query?.getAll('fields[]')).toEqual(
      expect.arrayContaining([
        'title',
        'abstract',
        'type',
        'action',
        'effective_on',
        'publication_date',
        'regulation_id_numbers',
        'docket_ids',
        'document_number',
        'html_url',
        'agencies',
      ]),
    );
  });

  it('posts an interim rule already in effect as two steps, in order', async () => {
    fr.publish(govJson<Record<string, unknown>>('constructed/fr-2019-17201.json'));
    clock.set('2019-08-13T12:00:00Z');
    const result = ok(await source(['Section 889'], ['general-services-administration']).poll(undefined));
    expect(result.items.map((i) => i.key)).toEqual([
      'rule:9000-AN83:interim:2019-17201',
      'rule:9000-AN83:effective:2019-17201',
    ]);
    expect(result.items[0]?.summary).toContain('2019-08-13 · Interim rule.');
    expect(result.items[0]?.thread).toMatchObject({
      key: 'rule:9000-AN83',
      label: 'RIN 9000-AN83',
      reference: 'FR Doc 2019-17201 (84 FR 40216)',
    });
    clock.set('2024-01-23T12:00:00Z');
  });

  it('two final rules in one docket are two alerts in one thread', async () => {
    // Two real final rules (NOAA 2024-15931, NIST 2026-17082) filed here under one docket, a
    // test value, and without their RIN, so that only the docket groups them: no claim is made
    // that the two share a docket.
    const docket = { regulation_id_numbers: [], docket_ids: ['Docket No. 000000-0000'] };
    const [finalRule] = lifecycle as Array<Record<string, unknown>>;
    const second = week[0] as Record<string, unknown>;
    const fr1 = source(['Final rule'], []);
    const first = ok(await fr1.poll(undefined));
    fr.publish({ ...(finalRule as Record<string, unknown>), ...docket });
    const one = ok(await fr1.poll(first.cursor));
    fr.publish({ ...second, ...docket });
    const two = ok(await fr1.poll(one.cursor));
    expect([...one.items, ...two.items].map((i) => [i.key, i.thread?.key, i.thread?.stage])).toEqual([
      ['rule:docket:000000-0000:final:2024-15931', 'rule:docket:000000-0000', 'final'],
      ['rule:docket:000000-0000:final:2026-17082', 'rule:docket:000000-0000', 'final'],
    ]);
    expect(ok(await fr1.poll(two.cursor)).items).toEqual([]);
  });

  it('reads the earlier per-rulemaking cursor without reporting its documents again', async () => {
    const [finalRule, proposed] = lifecycle as Array<Record<string, unknown>>;
    for (const raw of [finalRule, proposed])
      fr.publish(raw as Record<string, unknown>, { fullText: 'electronic monitoring' });
    const earlier = {
      rules: {
        'rule:0648-BM40': { stage: 'final', doc: '2024-15931', title: 'x', label: 'RIN 0648-BM40', seen: '2024-07-29' },
      },
    };
    const result = ok(await source().poll(earlier));
    expect(result.items).toEqual([]);
    expect(Object.keys(result.cursor.docs as object).sort()).toEqual(['2024-01952', '2024-15931']);
  });

  it('searches the catalogue vendor names a few at a time, and presidential documents from any agency', async () => {
    // FR Doc 2019-17201 (the FAR Section 889 interim rule) names the five vendors in its text.
    fr.publish(govJson<Record<string, unknown>>('constructed/fr-2019-17201.json'), {
      fullText: 'Huawei Technologies Company, ZTE Corporation, Hytera Communications Corporation, Hangzhou Hikvision',
    });
    clock.set('2019-08-13T12:00:00Z');
    const definition = {
      id: 'fr',
      intervalMs: 3_600_000,
      backfill: 0,
      terms: ['Covered List'],
      agencies: ['general-services-administration'],
      baseUrl: fr.url,
      vendorNames: ['Hikvision', 'Dahua'],
      presidential: true,
    };
    const result = ok(await createFederalRegisterSource(definition, { fetcher, clock }).poll(undefined));
    expect(result.items.map((i) => i.key)).toEqual([
      'rule:9000-AN83:interim:2019-17201',
      'rule:9000-AN83:effective:2019-17201',
    ]);
    const searches = fr.requests.filter((r) => r.path.endsWith('/documents.json'));
    expect(searches.map((r) => [r.query.get('conditions[term]'), r.query.getAll('conditions[type][]')])).toEqual([
      ['"Covered List"', []],
      ['"Hikvision" | "Dahua"', []],
      ['"Covered List"', ['PRESDOCU']],
    ]);
    expect(searches[2]?.query.getAll('conditions[agencies][]')).toEqual([]);
    clock.set('2024-01-23T12:00:00Z');
  });

  it('fails the poll when every term fails, and backs off on 429 with Retry-After', async () => {
    fr.script({ status: 503 });
    expect(await source().poll(undefined)).toMatchObject({ ok: false, failure: { kind: 'http-5xx' } });
    fr.script({ status: 429, retryAfter: 30 });
    expect(await source(['a', 'b']).poll(undefined)).toMatchObject({
      ok: false,
      failure: { kind: 'http-429', retryAfterMs: 30_000 },
    });
  });
});
