import { digest } from '../../domain/hash.js';
import type { ListEntry } from '../../domain/list-entry.js';
import { readCsvRecords, splitMulti } from '../../shared/csv-record-reader.js';
import { firstCitation, listSelected, shortListName } from './list-names.js';
import { ListFormatError } from './list-format-error.js';

const REQUIRED = ['source', 'name'];

/**
 * The Consolidated Screening List as CSV (trade.gov's consolidated.csv, every layout since 2019),
 * streamed record by record. Columns are found by header name, so added columns do not matter;
 * a repeated header line (it happens in the published file) is skipped. The id is the list's
 * own: `entity_number` (OFAC lists), else `_id`, else a digest of list, name and addresses
 * (the 2019 layout has neither).
 */
export async function* readScreeningCsv(
  text: AsyncIterable<string>,
  filter: readonly string[] = [],
): AsyncGenerator<ListEntry> {
  let columns: Map<string, number> | undefined;
  let headerLine = '';
  for await (const record of readCsvRecords(text)) {
    if (!columns) {
      columns = new Map(record.map((name, index) => [name.trim().replace(/^\ufeff/, ''), index]));
      headerLine = record.join(',');
      const missing = REQUIRED.filter((name) => !columns?.has(name));
      if (missing.length) throw new ListFormatError(`the CSV has no ${missing.join(', ')} column`);
      continue;
    }
    if (record.join(',') === headerLine) continue;
    const map = columns;
    const get = (name: string): string => (map.has(name) ? (record[map.get(name) as number] ?? '').trim() : '');
    const source = get('source');
    const name = get('name');
    if (!source || !name) continue;
    const list = shortListName(source);
    if (!listSelected(filter, list, source)) continue;
    const addresses = get('addresses');
    const id = get('entity_number') || get('_id') || digest(`${list}|${name}|${addresses}`);
    const aliases = splitMulti(get('alt_names'));
    const programs = splitMulti(get('programs'));
    const countries = [...new Set(splitMulti(addresses).flatMap((a) => /,\s*([A-Z]{2})$/.exec(a)?.[1] ?? []))];
    const citation = firstCitation(get('federal_register_notice'));
    const since = /^\d{4}-\d{2}-\d{2}/.exec(get('start_date'))?.[0];
    const type = get('type');
    yield {
      id,
      list,
      name,
      ...(aliases.length ? { aliases } : {}),
      ...(type ? { type } : {}),
      ...(programs.length ? { programs } : {}),
      ...(countries.length ? { countries } : {}),
      ...(citation ? { citation } : {}),
      ...(since ? { since } : {}),
    };
  }
  if (!columns) throw new ListFormatError('the file is empty');
}
