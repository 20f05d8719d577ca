import { afterEach, describe, expect, it } from 'vitest';
import { listFixture } from './list-fixtures.js';
import { listHarness, type ListHarness } from './list-harness.js';

const SDN_XML = listFixture('ofac-sdn-2019-03-11-excerpt.xml');
const FCC_PAGE = listFixture('fcc-covered-list-2026-08-20-reconstructed.html');

/** The XML without the sdnEntry elements of these uids. */
function withoutEntries(xml: string, uids: readonly string[]): string {
  let out = xml;
  for (const uid of uids) {
    const next = out.replace(new RegExp(`\\s*<sdnEntry>\\s*<uid>${uid}</uid>[\\s\\S]*?</sdnEntry>`), '');
    if (next === out) throw new Error(`no entry ${uid}`);
    out = next;
  }
  return out;
}

/** The page without the table rows whose text includes these words. */
function withoutRows(html: string, words: readonly string[]): string {
  let out = html;
  for (const word of words) {
    const next = out.replace(new RegExp(`\\s*<tr>\\s*<td><p>[^<]*${word}[\\s\\S]*?</tr>`), '');
    if (next === out) throw new Error(`no row ${word}`);
    out = next;
  }
  return out;
}

let harness: ListHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const sorted = async (h: ListHarness) => (await h.alerts()).map((a) => a.title).sort();

describe('ofac-sdn source (real SDN.XML and sdn.csv on 127.0.0.1)', () => {
  it('first poll silent; two added and one removed alert once, through restarts', async () => {
    const h = (harness = await listHarness({ id: 'sdn', type: 'ofac-sdn' }));
    h.serve({ body: withoutEntries(SDN_XML, ['306', '4106']), contentType: 'application/xml' });
    await h.poll();
    expect(await h.alerts()).toEqual([]);
    await h.restart();
    h.serve({ body: withoutEntries(SDN_XML, ['578']), contentType: 'application/xml' });
    await h.poll();
    expect(await sorted(h)).toEqual([
      'BANCO NACIONAL DE CUBA and HERRERA BUITRAGO, Helmer added to the SDN',
      'COTEI removed from the SDN',
    ]);
    const added = (await h.alerts()).find((a) => a.title.includes('added'));
    expect(added?.classification.action).toBe('sanction');
    // The bank is a new vendor (an entity the catalogue lacks); a person is not.
    expect(added?.classification.vendorsNew).toEqual(['BANCO NACIONAL DE CUBA']);
    expect(added?.classification.reasons).toEqual([
      '2 added to the SDN, by the list itself',
      'not in the vendor catalogue: BANCO NACIONAL DE CUBA; HERRERA BUITRAGO, Helmer',
    ]);
    await h.restart();
    await h.poll();
    expect(await h.alerts()).toHaveLength(2);
  });

  it("tells OFAC's real change of April 2024 (26 added, 2 removed) in two alerts, and holds a truncated file", async () => {
    const h = (harness = await listHarness({ id: 'sdn', type: 'ofac-sdn' }));
    h.serve({ body: listFixture('ofac-sdn-2024-04-04-tail.csv'), contentType: 'text/csv' });
    await h.poll();
    h.serve({ body: listFixture('ofac-sdn-2024-04-15-tail.csv'), contentType: 'text/csv' });
    await h.poll();
    const titles = await sorted(h);
    expect(titles).toHaveLength(2);
    expect(titles[0]).toMatch(/^SDN: 26 additions, including .* and 23 more$/);
    expect(titles[1]).toBe('STANKOVIC, Slobodan and INTEGRAL INZENJERING A.D. LAKTASI removed from the SDN');
    const added = (await h.alerts()).find((a) => a.title.startsWith('SDN: 26'));
    expect(added?.summary).toContain('SHENZHEN 5G HIGH-TECH INNOVATION CO., LIMITED');
    const csv = listFixture('ofac-sdn-2024-04-15-tail.csv');
    h.serve({ body: csv.slice(0, csv.length / 3), contentType: 'text/csv' });
    expect((await h.poll()).status).toBe('failed');
    expect(await h.alerts()).toHaveLength(2);
  });

  it('an unchanged file costs one request (Last-Modified) and posts nothing', async () => {
    const h = (harness = await listHarness({ id: 'sdn', type: 'ofac-sdn' }));
    h.serve({ body: SDN_XML, contentType: 'application/xml', lastModified: 'Mon, 11 Mar 2019 10:00:00 GMT' });
    await h.poll();
    const before = h.requests();
    expect((await h.poll()).status).toBe('not-modified');
    expect(h.requests() - before).toBe(1);
    expect(await h.alerts()).toEqual([]);
  });

  it('a truncated XML file is an error of the source and posts nothing', async () => {
    const h = (harness = await listHarness({ id: 'sdn', type: 'ofac-sdn' }));
    h.serve({ body: SDN_XML, contentType: 'application/xml' });
    await h.poll();
    h.serve({ body: SDN_XML.slice(0, SDN_XML.length / 2), contentType: 'application/xml' });
    const summary = await h.poll();
    expect(summary.status === 'failed' && summary.failure.kind).toBe('parse');
    expect(await h.alerts()).toEqual([]);
  });
});

describe('fcc-covered-list source (the Covered List page on 127.0.0.1)', () => {
  it('first poll silent; two added rows and one removed alert once, through restarts', async () => {
    const h = (harness = await listHarness({ id: 'fcc', type: 'fcc-covered-list' }));
    h.serve({ body: withoutRows(FCC_PAGE, ['Digitalsystem', 'power inverters']), contentType: 'text/html' });
    await h.poll();
    expect(await h.alerts()).toEqual([]);
    await h.restart();
    h.serve({ body: withoutRows(FCC_PAGE, ['Pacific Networks']), contentType: 'text/html' });
    await h.poll();
    const alerts = await h.alerts();
    // One alert per publication (for the FCC, the date of inclusion); the catalogue's name first.
    expect(alerts.map((a) => a.title).sort()).toEqual([
      'Digitalsystem Technology Inc. added to the FCC Covered List (effective 2026-07-07)',
      'Foreign-produced power inverters added to the FCC Covered List (effective 2026-07-28)',
      'Pacific Networks/ComNet removed from the FCC Covered List',
    ]);
    await h.restart();
    await h.poll();
    expect(await h.alerts()).toHaveLength(3);
  });

  it('the real change of 2026-05-21 to 2026-08-20: three rows added, two reworded rows recorded, not alerted', async () => {
    const h = (harness = await listHarness({ id: 'fcc', type: 'fcc-covered-list' }));
    h.serve({ body: listFixture('fcc-covered-list-2026-05-21-reconstructed.html'), contentType: 'text/html' });
    await h.poll();
    h.serve({ body: FCC_PAGE, contentType: 'text/html', etag: '"aug"' });
    await h.poll();
    expect((await h.alerts()).map((a) => a.title).sort()).toEqual([
      'Digitalsystem Technology Inc. added to the FCC Covered List (effective 2026-07-07)',
      'Foreign-produced power inverters and Foreign-produced advanced robotic devices added to the FCC Covered List (effective 2026-07-28)',
    ]);
    const before = h.requests();
    expect((await h.poll()).status).toBe('not-modified');
    expect(h.requests() - before).toBe(1);
    expect(await h.alerts()).toHaveLength(2);
  });
});

describe('list sources: backfill, a changed format, a suspect confirmed by a 304', () => {
  it('backfill posts the newest publications on the first poll', async () => {
    const h = (harness = await listHarness({ id: 'fcc', type: 'fcc-covered-list', backfill: 2 }));
    h.serve({ body: FCC_PAGE, contentType: 'text/html' });
    await h.poll();
    expect((await h.alerts()).map((a) => a.title).sort()).toEqual([
      'Digitalsystem Technology Inc. added to the FCC Covered List (effective 2026-07-07)',
      'Foreign-produced power inverters and Foreign-produced advanced robotic devices added to the FCC Covered List (effective 2026-07-28)',
    ]);
  });

  it('a file in another format is an error of the source, and the list is kept', async () => {
    const h = (harness = await listHarness({ id: 'fcc', type: 'fcc-covered-list' }));
    h.serve({ body: FCC_PAGE, contentType: 'text/html' });
    await h.poll();
    h.serve({ body: '<html><body><p>The Covered List has moved.</p></body></html>', contentType: 'text/html' });
    const summary = await h.poll();
    expect(summary.status === 'failed' && summary.failure).toMatchObject({
      kind: 'parse',
      message: 'the page has no covered-list table',
    });
    // A page cut off inside the table is no table either: nothing is taken from it.
    h.serve({ body: FCC_PAGE.slice(0, FCC_PAGE.indexOf('Pacific Networks')), contentType: 'text/html' });
    expect((await h.poll()).status).toBe('failed');
    h.serve({ body: FCC_PAGE, contentType: 'text/html' });
    expect((await h.poll()).status).toBe('not-modified');
    expect(await h.alerts()).toEqual([]);
  });

  it('a held suspect answered 304 on the next poll is the same file: it is accepted', async () => {
    const h = (harness = await listHarness({ id: 'sdn', type: 'ofac-sdn' }));
    h.serve({ body: SDN_XML, contentType: 'application/xml', etag: '"full"' });
    await h.poll();
    h.serve({ body: withoutEntries(SDN_XML, ['306', '424', '475']), contentType: 'application/xml', etag: '"short"' });
    expect((await h.poll()).status).toBe('failed');
    expect(await h.alerts()).toEqual([]);
    const before = h.requests();
    expect((await h.poll()).status).toBe('ok');
    expect(h.requests() - before).toBe(1);
    expect(h.server.requestsTo('/list').at(-1)?.headers['if-none-match']).toBe('"short"');
    expect((await h.alerts()).map((a) => a.title)).toEqual([
      'BANCO NACIONAL DE CUBA, BOUTIQUE LA MAISON and CASA DE CUBA removed from the SDN',
    ]);
  });
});
