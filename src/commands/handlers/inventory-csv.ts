import { checkTerm, MAX_ALIASES_PER_TERM, type WatchTerm } from '../../domain/watch-term.js';
import { CsvSyntaxError, readCsvRows } from '../../shared/csv-record-reader.js';
import { csvDocument } from '../../shared/csv.js';
import { UserError } from '../../shared/errors.js';
import type { Upload } from '../command.js';

/** A supplier list larger than this is refused before it is read (chat surfaces check it before fetching). */
export const MAX_INVENTORY_BYTES = 5 * 1024 * 1024;
/** Rows read at most: well past any cap a channel can have, small enough to answer in seconds. */
export const MAX_INVENTORY_ROWS = 20_000;

/** One supplier as the file names it. */
export interface InventoryRow {
  line: number;
  name: string;
  aliases: string[];
}

export interface InventoryFile {
  rows: InventoryRow[];
  /** Lines with no name and no aliases. */
  blank: number;
  /** Rows that cannot be watch terms (control characters, too long, a name missing): nothing of them is kept. */
  rejected: Array<{ line: number; name: string; reason: string }>;
}

/** Header names taken for the name and aliases columns (case does not matter). */
const NAME_HEADERS = ['name', 'vendor', 'supplier', 'company', 'vendor name', 'supplier name'];
const ALIAS_HEADERS = ['aliases', 'alias', 'other names', 'aka'];
export const ALIAS_SEPARATOR = /[;|]/;

/** A cell as text: trimmed, and without the apostrophe a spreadsheet (or shared/csv.ts) puts before =, +, - or @. */
function asText(cell: string): string {
  const text = cell.trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/**
 * Reads a supplier list: the first row names the columns (a `name` column, optional `aliases`,
 * others ignored); aliases are separated by `;` or `|`. Read strictly: a malformed file is
 * refused with its line (BAD_CSV) and nothing is imported.
 */
export async function readInventoryCsv(upload: Upload): Promise<InventoryFile> {
  const where = (line: number) => `${upload.name} line ${line}`;
  if (Buffer.byteLength(upload.text) > MAX_INVENTORY_BYTES)
    throw new UserError('BAD_CSV', `${upload.name} is larger than ${MAX_INVENTORY_BYTES / 1024 / 1024} MB; split it.`);
  const out: InventoryFile = { rows: [], blank: 0, rejected: [] };
  let columns: { name: number; aliases?: number } | undefined;
  try {
    for await (const row of readCsvRows(once(upload.text.replace(/^\uFEFF/, '')), { strict: true })) {
      if (!columns) {
        if (row.blank) continue;
        columns = header(row.fields, where(row.line));
        continue;
      }
      const name = asText(row.fields[columns.name] ?? '');
      const aliasText = columns.aliases === undefined ? '' : (row.fields[columns.aliases] ?? '');
      const aliases = aliasText.split(ALIAS_SEPARATOR).map(asText).filter(Boolean);
      if (!name && !aliases.length && row.fields.every((field) => !field.trim())) {
        out.blank++;
        continue;
      }
      if (out.rows.length + out.rejected.length >= MAX_INVENTORY_ROWS)
        throw new UserError('BAD_CSV', `${where(row.line)}: more than ${MAX_INVENTORY_ROWS} rows; split the file.`);
      const problem = rowProblem(name, aliases);
      if (problem) out.rejected.push({ line: row.line, name: name.slice(0, 100), reason: problem });
      else
        out.rows.push({
          line: row.line,
          name: (checkTerm(name) as { term: string }).term,
          aliases: aliases.map((alias) => (checkTerm(alias) as { term: string }).term),
        });
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new UserError('BAD_CSV', `${where(error.line)}: ${error.problem}. Nothing was imported.`);
    throw error;
  }
  if (!columns) throw new UserError('BAD_CSV', `${upload.name} is empty: expected a header row such as name,aliases.`);
  return out;
}

function header(fields: string[], where: string): { name: number; aliases?: number } {
  const names = fields.map((field) => field.trim().toLowerCase());
  const name = names.findIndex((field) => NAME_HEADERS.includes(field));
  if (name < 0)
    throw new UserError(
      'BAD_CSV',
      `${where}: no name column; the first row names the columns, e.g. \`name,aliases\` (found: ${fields.join(', ').slice(0, 80)}).`,
    );
  const aliases = names.findIndex((field) => ALIAS_HEADERS.includes(field));
  return aliases < 0 ? { name } : { name, aliases };
}

function rowProblem(name: string, aliases: string[]): string | undefined {
  if (!name) return 'no name (aliases alone are not a supplier)';
  if (aliases.length > MAX_ALIASES_PER_TERM) return `more than ${MAX_ALIASES_PER_TERM} aliases`;
  for (const text of [name, ...aliases]) {
    const checked = checkTerm(text);
    if (!checked.ok) return text === name ? checked.reason : `alias "${text.slice(0, 40)}": ${checked.reason}`;
  }
  return undefined;
}

/** The channel's watch terms as a supplier list: `name,aliases`, aliases joined with `; ` (mutes are not suppliers). */
export function inventoryCsv(terms: readonly WatchTerm[]): string {
  const rows = terms.filter((term) => term.mode !== 'mute').map((term) => [term.term, (term.aliases ?? []).join('; ')]);
  return csvDocument(['name', 'aliases'], rows);
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}
