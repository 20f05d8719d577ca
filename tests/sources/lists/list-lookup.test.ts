import { afterEach, describe, expect, it } from 'vitest';
import { listLookup } from '../../../src/commands/handlers/list-lookup.js';
import { listsHandler } from '../../../src/commands/handlers/lists-handler.js';
import { vendorHandler } from '../../../src/commands/handlers/vendor-handler.js';
import type { Reply } from '../../../src/commands/reply.js';
import { nameScore } from '../../../src/domain/list-name-match.js';
import { createListSnapshotStore } from '../../../src/store/list-snapshot-store.js';
import { listFixture } from './list-fixtures.js';
import { catalog, listHarness, type ListHarness } from './list-harness.js';

const cli = { actor: { platform: 'cli' as const, id: 'cli', isAdmin: true } };
const text = (answer: Reply) => [answer.title, ...answer.sections.flatMap((s) => s.lines.map((l) => l.text))];

let harness: ListHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function polledCsl(): Promise<ListHarness> {
  const h = (harness = await listHarness({ id: 'csl', type: 'screening-list' }));
  h.serve({ body: listFixture('csl-consolidated-2022-05-excerpt.csv'), contentType: 'text/csv' });
  await h.poll();
  return h;
}

describe('name matching', () => {
  it('ignores case, punctuation and legal forms, and scores near spellings below 1', () => {
    expect(nameScore('hangzhou hikvision digital technology', 'Hangzhou Hikvision Digital Technology Co., Ltd.')).toBe(
      1,
    );
    const typo = nameScore('Hangzhou Hikvsion Digital Technology', 'Hangzhou Hikvision Digital Technology Co., Ltd.');
    expect(typo).toBeGreaterThan(0.88);
    expect(typo).toBeLessThan(1);
    expect(nameScore("Kim Kyo'ng-hyo'k", 'KIM, Kyong Hyok')).toBe(1);
    expect(nameScore('Hikvision', 'Banco Nacional de Cuba')).toBeLessThan(0.88);
  });
});

describe('vendor lookups answer from the lists', () => {
  it('finds an entry by an alternate name, with its list, date and citation', async () => {
    const h = await polledCsl();
    const handler = vendorHandler({
      catalog,
      alerts: h.stores().alerts,
      listings: listLookup(createListSnapshotStore(h.stores().backend)),
    });
    const answer = await handler.run(['Shenzhen DJI Sciences and Technologies'], cli);
    expect(text(answer)).toContain(
      'Entity List since 2020-12-18, 85 FR 83420 — DJI (alias "Shenzhen DJI Sciences and Technologies Ltd.")',
    );
  });

  it('finds an entry by a near spelling, showing the score, for a name the catalogue lacks', async () => {
    const h = await polledCsl();
    const handler = vendorHandler({
      catalog,
      alerts: h.stores().alerts,
      listings: listLookup(createListSnapshotStore(h.stores().backend)),
    });
    const answer = await handler.run(['Hangzhou', 'Hikvsion', 'Digital', 'Technology'], cli);
    expect(answer.title).toBe(
      '"Hangzhou Hikvsion Digital Technology" is not in the vendor catalogue, but is on official lists',
    );
    // The catalogue's suggestion comes first, then what the lists say.
    expect(text(answer)[1]).toMatch(/^Did you mean: Hangzhou Hikvision/);
    const first = answer.sections.find((s) => s.heading === 'On official lists')?.lines[0]?.text;
    expect(first).toMatch(
      /^Entity List since 2019-10-09, 84 FR 54002 — Hangzhou Hikvision Digital Technology Co\., Ltd\. \(score 0\.9\d\)$/,
    );
  });

  it('adds the lists to a catalogue vendor, and `lists` shows each list with its size and polls', async () => {
    const h = await polledCsl();
    const listings = listLookup(createListSnapshotStore(h.stores().backend));
    const answer = await vendorHandler({ catalog, alerts: h.stores().alerts, listings }).run(['Hikvision'], cli);
    const section = answer.sections.find((s) => s.heading === 'On official lists');
    // The catalogue's alias "Hikvision" is exact; the CMIC entry has no date or citation, only its program.
    expect(section?.lines.map((l) => l.text)).toContain(
      'Non-SDN CMIC, CMIC-EO13959 — HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD. (alias "HIKVISION")',
    );
    expect(section?.lines.map((l) => l.text)).toContain(
      'Entity List since 2019-10-09, 84 FR 54002 — Hangzhou Hikvision Digital Technology Co., Ltd. (alias "Hikvision")',
    );
    const lists = await listsHandler({
      lookup: listings,
      sources: async () => [{ id: 'csl', name: 'Consolidated Screening List' }],
      clock: { now: () => new Date() },
    }).run([], cli);
    const lines = text(lists);
    expect(lines).toContain('Entity List: 601');
    expect(lines.some((l) => /^3100 entries; last change none since the first poll; last poll 2026-/.test(l))).toBe(
      true,
    );
  });
});

describe('a vendor new from a list', () => {
  it('answers with the alerts that named it and the list it is on', async () => {
    const h = (harness = await listHarness({ id: 'sdn', type: 'ofac-sdn' }));
    const xml = listFixture('ofac-sdn-2019-03-11-excerpt.xml');
    h.serve({
      body: xml.replace(/\s*<sdnEntry>\s*<uid>306<\/uid>[\s\S]*?<\/sdnEntry>/, ''),
      contentType: 'application/xml',
    });
    await h.poll();
    h.serve({ body: xml, contentType: 'application/xml' });
    await h.poll();
    const listings = listLookup(createListSnapshotStore(h.stores().backend));
    const answer = await vendorHandler({ catalog, alerts: h.stores().alerts, listings }).run(
      ['Banco', 'Nacional', 'de', 'Cuba'],
      cli,
    );
    expect(answer.title).toBe('BANCO NACIONAL DE CUBA — not in the catalogue, seen in 1 alert');
    expect(text(answer)).toContain('SDN, CUBA — BANCO NACIONAL DE CUBA');
    // The SDN gives no date per entry: the alert is dated when banwatch saw the change.
    expect(text(answer)).toContain('2026-11-02 BANCO NACIONAL DE CUBA added to the SDN (OFAC SDN List)');
  });
});
