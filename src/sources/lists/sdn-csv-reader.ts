import type { ListEntry } from '../../domain/list-entry.js';
import { readCsvRecords } from '../../shared/csv-record-reader.js';
import { ListFormatError } from './list-format-error.js';

/** OFAC writes `-0-` (often with a trailing space) for an empty field. */
function field(value: string | undefined): string {
  const trimmed = (value ?? '').trim();
  return trimmed === '-0-' ? '' : trimmed;
}

/** Aliases OFAC spells out in the remarks: `a.k.a. 'NAME'` (single or curly quotes). */
function remarkAliases(remarks: string): string[] {
  return [...remarks.matchAll(/[af]\.k\.a\.,?\s+['‘“"]([^'’”"]+)['’”"]/g)].map((m) => (m[1] as string).trim());
}

/**
 * OFAC's sdn.csv, streamed: no header, 12 columns `ent_num, SDN_Name, SDN_Type, Program, Title,
 * Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks`, CRLF and a final 0x1A. The
 * id is `ent_num`; programs are `] [`-joined ("SDGT] [IRGC"). A first field that is not a number
 * means this is not sdn.csv at all: an error of the source rather than a list of nonsense.
 */
export async function* readSdnCsv(
  chunks: AsyncIterable<string>,
  programs: readonly string[] = [],
): AsyncGenerator<ListEntry> {
  const wanted = new Set(programs.map((p) => p.toUpperCase()));
  let rows = 0;
  for await (const record of readCsvRecords(chunks)) {
    const id = field(record[0]);
    if (!/^\d+$/.test(id) || record.length < 4) {
      if (rows === 0) throw new ListFormatError('expected sdn.csv rows starting with an entity number');
      continue;
    }
    rows++;
    const name = field(record[1]);
    if (!name) continue;
    const programList = field(record[3])
      .split(/\]\s*\[/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (wanted.size && !programList.some((p) => wanted.has(p.toUpperCase()))) continue;
    const type = field(record[2]) || 'entity';
    const aliases = remarkAliases(field(record[11]));
    yield {
      id,
      list: 'SDN',
      name,
      type,
      ...(aliases.length ? { aliases } : {}),
      ...(programList.length ? { programs: programList } : {}),
    };
  }
  if (rows === 0) throw new ListFormatError('the file has no SDN rows');
}
