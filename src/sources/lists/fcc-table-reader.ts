import type { ListEntry } from '../../domain/list-entry.js';
import { readCsvRecords } from '../../shared/csv-record-reader.js';
import { ListFormatError } from './list-format-error.js';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function cellText(html: string): string {
  return decode(html.replace(/<br\s*\/?>|<\/p>/gi, '\n').replace(/<[^>]+>/g, ' '))
    .replace(/Visit - /g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** "December 22, 2025" (the first date of the cell; later "Updated:" dates are amendments) -> 2025-12-22. */
export function inclusionDate(cell: string): string | undefined {
  const m = /([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})/.exec(cell);
  const month = m ? MONTHS.indexOf((m[1] as string).toLowerCase()) : -1;
  if (!m || month < 0) return undefined;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${(m[2] as string).padStart(2, '0')}`;
}

/** The company a row names ("... produced by Hytera Communications Corporation, to the extent ..."). */
function namedCompany(text: string): string | undefined {
  const m =
    /\b(?:produced|provided|supplied)(?: or provided)?(?:, directly or indirectly,)? by ([A-Z][^,;]*?)(?=,| or any| or its| and its| subject| including|\.\s|\.$|$)/.exec(
      text,
    );
  return m?.[1]?.trim();
}

/**
 * The row's id: its first date and its first ten words without punctuation or footnote marks,
 * so a reworded row (new exceptions, a later "Updated:" date) is the same entry, modified,
 * while a new row is an addition. Rows are few and short; collisions would need the same date
 * and the same opening words.
 */
function rowId(text: string, since: string | undefined): string {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 10);
  return `${since ?? 'undated'}|${words.join(' ')}`;
}

function entry(text: string, dateCell: string): ListEntry | undefined {
  const detail = text
    .replace(/Visit - /g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!detail) return undefined;
  const since = inclusionDate(dateCell);
  const company = namedCompany(detail);
  // A row about a kind of equipment rather than a company is named by its first clause.
  const clause = detail.split(/,|\s—|\s\(/)[0]?.trim() ?? detail;
  const name = company ?? (clause.length > 90 ? `${clause.slice(0, 87).trimEnd()}...` : clause);
  return {
    id: rowId(detail, since),
    list: 'FCC Covered List',
    name,
    // A row about a kind of equipment names no company: it is not a vendor.
    type: company ? 'company' : 'equipment',
    detail,
    ...(since ? { since } : {}),
  };
}

/**
 * The FCC Covered List page (the table in `div#covered-list`: equipment or services, date of
 * inclusion), or the same table as two-column CSV. The page is small, so it is read whole.
 */
export async function* readFccTable(chunks: AsyncIterable<string>): AsyncGenerator<ListEntry> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  if (/^\s*"?covered_equipment_or_services/.test(text)) {
    const single = (async function* () {
      yield text;
    })();
    let header = true;
    for await (const record of readCsvRecords(single)) {
      if (header) {
        header = false;
        continue;
      }
      const made = entry(record[0] ?? '', record[1] ?? '');
      if (made) yield made;
    }
    return;
  }
  const start = text.search(/id=["']?covered-list\b/);
  const table = start < 0 ? undefined : /<table[\s\S]*?<\/table>/i.exec(text.slice(start))?.[0];
  if (!table) throw new ListFormatError('the page has no covered-list table');
  let rows = 0;
  for (const row of table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells = [...(row[1] as string).matchAll(/<td[^>]*>([\s\S]*?)<\/td>/gi)].map((c) => cellText(c[1] as string));
    if (cells.length < 2) continue;
    const made = entry(cells[0] as string, cells[1] as string);
    if (!made) continue;
    rows++;
    yield made;
  }
  if (!rows) throw new ListFormatError('the covered-list table has no rows');
}
