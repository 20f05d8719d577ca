import { describe, expect, it } from 'vitest';
import type { ListSnapshot } from '../../../src/domain/list-entry.js';
import { createFeedFetcher } from '../../../src/shared/http/feed-fetcher.js';
import { entityListAdditionPages } from '../../../src/sources/federal-register/entity-list-rule.js';
import { createFederalRegisterSource } from '../../../src/sources/federal-register/federal-register-source.js';
import { frDocument } from '../../../src/sources/federal-register/fr-schema.js';
import { entriesAddedBy, parseFrCitation } from '../../../src/sources/lists/list-citations.js';
import { readScreeningCsv } from '../../../src/sources/lists/screening-csv-reader.js';
import { startFakeFederalRegister } from '../../fakes/federal-register-api.js';
import { govJson } from '../../support/gov-fixtures.js';
import { mutableClock } from '../../support/mutable-clock.js';
import { collect, fixtureText } from '../lists/list-fixtures.js';

const rule = govJson<Record<string, unknown>>('constructed/fr-2019-22210.json');

async function cslSnapshot(): Promise<ListSnapshot> {
  const entries = await collect(readScreeningCsv(fixtureText('csl-consolidated-2022-05-excerpt.csv')));
  return { sourceId: 'csl', hash: 'h', takenAt: '2022-05-01T00:00:00Z', entries };
}

describe('Entity List rules joined with the CSL by Federal Register pages', () => {
  it('finds the entries whose first citation is on the rule’s pages, not later amendments', async () => {
    const snapshot = await cslSnapshot();
    expect(parseFrCitation('83 FR  37423')).toEqual({ volume: 83, page: 37423 });
    expect(parseFrCitation('No. 195')).toBeUndefined();
    // The Huawei rule (84 FR 22961): 74 rows cite its pages (73 the first, one 84 FR 22963), 70 names.
    const huawei = entriesAddedBy([snapshot], { volume: 84, first: 22961, last: 22968 });
    expect(huawei).toHaveLength(70);
    expect(huawei.map((entry) => entry.name)).toContain('Huawei Technologies Co., Ltd. (Huawei)');
    expect(entriesAddedBy([snapshot], { volume: 84, first: 22962, last: 22968 })).toHaveLength(1);
    expect(entriesAddedBy([snapshot], { volume: 83, first: 22961, last: 22968 })).toHaveLength(0);
    // Rows whose later citations (85 FR 29852, ...) amend them are not additions of those rules.
    const later = entriesAddedBy([snapshot], { volume: 85, first: 29852, last: 29852 }).map((entry) => entry.name);
    expect(later.some((name) => /Huawei/.test(name))).toBe(false);
    expect(entriesAddedBy([snapshot], { volume: 84, first: 54002, last: 54009 }).map((e) => e.name)).toEqual([
      'Changji Hui Autonomous Prefecture Public Security Bureau',
      'Dahua Technology',
      'Hami Municipality Public Security Bureau',
      'Hangzhou Hikvision Digital Technology Co., Ltd.',
      'Hetian Prefecture Public Security Bureau',
    ]);
  });

  it('reads only BIS rules that add to the Entity List', () => {
    expect(entityListAdditionPages(frDocument.parse(rule))).toEqual({ volume: 84, first: 54002, last: 54009 });
    const removal = { ...rule, title: 'Removal of Certain Entities From the Entity List' };
    expect(entityListAdditionPages(frDocument.parse(removal))).toBeUndefined();
    const notBis = {
      ...rule,
      agencies: [{ name: 'Federal Communications Commission', slug: 'federal-communications-commission' }],
    };
    expect(entityListAdditionPages(frDocument.parse(notBis))).toBeUndefined();
    expect(
      entityListAdditionPages(frDocument.parse(govJson('federal-register/fr_doc_2025-02747.json'))),
    ).toBeUndefined();
    // Without volume and pages, the citation gives the first page.
    const bare = { ...rule, volume: undefined, start_page: undefined, end_page: undefined };
    expect(entityListAdditionPages(frDocument.parse(bare))).toEqual({ volume: 84, first: 54002, last: 54002 });
  });

  it('still reports the rule, without names, when the list cannot be read', async () => {
    const fr = await startFakeFederalRegister();
    const clock = mutableClock('2019-10-08T12:00:00Z');
    const fetcher = createFeedFetcher({ clock, timeoutMs: 3_000 });
    const warnings: string[] = [];
    const logger = { warn: (_: unknown, message: string) => warnings.push(message) } as never;
    try {
      const source = createFederalRegisterSource(
        {
          id: 'fr',
          intervalMs: 3_600_000,
          backfill: 0,
          terms: ['Entity List'],
          agencies: ['industry-and-security-bureau'],
          baseUrl: fr.url,
        },
        {
          fetcher,
          clock,
          logger,
          entityList: () => Promise.reject(new Error('store offline')),
        },
      );
      const first = await source.poll(undefined);
      fr.publish(rule);
      clock.set('2019-10-09T15:00:00Z');
      const second = await source.poll(first.cursor);
      expect(second.ok && second.items.map((item) => item.title)).toContain(
        'Final rule: Addition of Certain Entities to the Entity List',
      );
      expect(warnings.join('\n')).toContain('store offline');
      expect(fr.requests[0]?.query.getAll('fields[]')).toEqual(
        expect.arrayContaining(['volume', 'start_page', 'end_page']),
      );
    } finally {
      await fr.close();
      await fetcher.close();
    }
  });
});
