import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../../src/shared/csv-record-reader.js';
import { readFccTable } from '../../../src/sources/lists/fcc-table-reader.js';
import { ListFormatError } from '../../../src/sources/lists/list-format-error.js';
import { readScreeningCsv } from '../../../src/sources/lists/screening-csv-reader.js';
import { readScreeningJson } from '../../../src/sources/lists/screening-json-reader.js';
import { readSdnCsv } from '../../../src/sources/lists/sdn-csv-reader.js';
import { readSdnXml } from '../../../src/sources/lists/sdn-xml-reader.js';
import { collect, fixtureText, listFixture, textOf } from './list-fixtures.js';

describe('CSV records', () => {
  it('reads quoted commas, doubled quotes and line breaks across chunk edges, CRLF and 0x1A', async () => {
    const text = 'a,"b, c","say ""hi""","two\r\nlines"\r\n1,2,3,4\r\n\u001a';
    for (const size of [1, 2, 3, 1000]) {
      const records = [];
      for await (const record of readCsvRecords(textOf(text, size))) records.push(record);
      expect(records).toEqual([
        ['a', 'b, c', 'say "hi"', 'two\r\nlines'],
        ['1', '2', '3', '4'],
      ]);
    }
  });
});

describe('Consolidated Screening List CSV (real trade.gov files)', () => {
  it('reads every record of the 2022 excerpt with its list, aliases, citation and date', async () => {
    const entries = await collect(readScreeningCsv(fixtureText('csl-consolidated-2022-05-excerpt.csv')));
    expect(entries).toHaveLength(3100);
    expect(new Set(entries.map((e) => `${e.list}|${e.id}`)).size).toBe(3100);
    const dji = entries.find((e) => e.name === 'DJI');
    expect(dji).toMatchObject({
      id: 'ce7140d470d19fe6e5aed2ae6ee74233ce0c2098',
      list: 'Entity List',
      citation: '85 FR 83420',
      since: '2020-12-18',
      countries: ['CN'],
    });
    expect(dji?.aliases).toContain('SZ DJI Technology Co., Ltd.');
    expect(dji?.aliases).toContain('Da-Jiang Innovations');
    const hikvision = entries.find((e) => e.name.startsWith('Hangzhou Hikvision') && e.list === 'Entity List');
    expect(hikvision).toMatchObject({ citation: '84 FR 54002', since: '2019-10-09' });
    expect(entries.find((e) => e.id === '30947')).toMatchObject({ list: 'Non-SDN CMIC', programs: ['CMIC-EO13959'] });
    expect(entries.filter((e) => e.list === 'Entity List')).toHaveLength(601);
  });

  it('skips the duplicated header line of the 2023 file and reads the 2019 and 2025 layouts', async () => {
    const y2023 = await collect(readScreeningCsv(fixtureText('csl-consolidated-2023-11-excerpt.csv')));
    expect(y2023.some((e) => e.name === 'name')).toBe(false);
    expect(y2023.find((e) => e.id === '30950')?.name).toMatch(/^Panda Electronics/);
    const y2019 = await collect(readScreeningCsv(fixtureText('csl-consolidated-2019-12-sample.csv')));
    expect(y2019).toHaveLength(115);
    // No _id nor entity number in 2019: the id is a digest, the same on every read.
    const again = await collect(readScreeningCsv(fixtureText('csl-consolidated-2019-12-sample.csv')));
    expect(again.map((e) => e.id)).toEqual(y2019.map((e) => e.id));
    const y2025 = await collect(readScreeningCsv(fixtureText('csl-consolidated-2025-06-sample.csv')));
    expect(y2025).toHaveLength(13);
  });

  it('keeps only the lists a filter names, by short name or abbreviation', async () => {
    const entries = await collect(
      readScreeningCsv(fixtureText('csl-consolidated-2022-05-excerpt.csv'), ['Entity List', 'MEU']),
    );
    expect(new Set(entries.map((e) => e.list))).toEqual(new Set(['Entity List', 'Military End User']));
  });

  it('reads the CSL API JSON records, and refuses a file that is not the list', async () => {
    const entries = await collect(readScreeningJson(fixtureText('csl-api-v1-entity-list-records-2014-11.json')));
    expect(entries).toHaveLength(7);
    expect(entries[0]).toMatchObject({ name: 'Fazal Rahim Farid', list: 'Entity List', citation: '76 FR 71867' });
    await expect(collect(readScreeningCsv(textOf('hello,world\n1,2\n')))).rejects.toBeInstanceOf(ListFormatError);
  });
});

describe('OFAC SDN (real files)', () => {
  it('streams sdnList XML: uid, "LAST, First", type, programs, akas', async () => {
    const entries = await collect(readSdnXml(fixtureText('ofac-sdn-2019-03-11-excerpt.xml')));
    expect(entries).toHaveLength(17);
    expect(entries.find((e) => e.id === '306')).toMatchObject({
      name: 'BANCO NACIONAL DE CUBA',
      type: 'Entity',
      programs: ['CUBA'],
      aliases: ['BNC', 'NATIONAL BANK OF CUBA'],
    });
    expect(entries.some((e) => /, /.test(e.name) && e.type === 'Individual')).toBe(true);
    expect(await collect(readSdnXml(fixtureText('ofac-sdn-2014-07-16-excerpt.xml')))).toHaveLength(4);
  });

  it('rejects a truncated XML file as a format error, not a shorter list', async () => {
    const xml = listFixture('ofac-sdn-2019-03-11-excerpt.xml');
    await expect(collect(readSdnXml(textOf(xml.slice(0, xml.length / 2))))).rejects.toBeInstanceOf(ListFormatError);
    await expect(collect(readSdnXml(textOf('<rss><channel/></rss>')))).rejects.toBeInstanceOf(ListFormatError);
  });

  it('streams sdn.csv (no header, -0- empties, CRLF, 0x1A) with program filters', async () => {
    const april4 = await collect(readSdnCsv(fixtureText('ofac-sdn-2024-04-04-tail.csv')));
    const april15 = await collect(readSdnCsv(fixtureText('ofac-sdn-2024-04-15-tail.csv')));
    expect(april4).toHaveLength(3799);
    expect(april15).toHaveLength(3823);
    expect(april15.find((e) => e.id === '48320')).toMatchObject({
      name: 'SHENZHEN 5G HIGH-TECH INNOVATION CO., LIMITED',
      programs: ['BELARUS-EO14038'],
    });
    expect(april4.find((e) => e.id === '39136')).toMatchObject({ name: 'STANKOVIC, Slobodan', type: 'individual' });
    const cyber = await collect(readSdnCsv(fixtureText('ofac-sdn-2024-04-15-tail.csv'), ['CYBER2']));
    expect(cyber.map((e) => e.id)).toContain('47800');
    expect(cyber.every((e) => e.programs?.includes('CYBER2'))).toBe(true);
  });
});

describe('FCC Covered List', () => {
  it('reads the page table: company, date of inclusion, and the same ids from the scraped CSV', async () => {
    const page = await collect(readFccTable(fixtureText('fcc-covered-list-2026-08-20-reconstructed.html')));
    const csv = await collect(readFccTable(fixtureText('fcc-covered-list-2026-08-20-table.csv')));
    expect(page).toHaveLength(16);
    expect(page.map((e) => e.id)).toEqual(csv.map((e) => e.id));
    expect(page[3]).toMatchObject({ name: 'Hangzhou Hikvision Digital Technology Company', since: '2021-03-12' });
    expect(page.find((e) => e.since === '2026-07-07')?.name).toBe('Digitalsystem Technology Inc.');
    await expect(collect(readFccTable(textOf('<html><body>moved</body></html>')))).rejects.toBeInstanceOf(
      ListFormatError,
    );
  });
});
