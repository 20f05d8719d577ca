/**
 * A streaming RFC 4180 CSV reader: text chunks in, records out, holding only the record being
 * read. List files are tens of MB; they are never held whole. Quoted fields may hold commas,
 * line breaks and doubled quotes; CRLF and LF both end a record; OFAC's trailing 0x1A (the DOS
 * end-of-file byte) and blank lines are skipped.
 *
 * Two readings of the same grammar: the list readers are lenient (a government file with a stray
 * quote is still read), while files people upload (`watch import`) are read strictly, so a
 * broken file is refused with the line it broke on instead of being half-read.
 */

/** A record and the (1-based) line it starts on; `blank` when the line held nothing. */
export interface CsvRow {
  fields: string[];
  line: number;
  blank: boolean;
}

/** A file that breaks the CSV grammar, read strictly: where and how. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Records with their line numbers, blank lines included (marked). `strict` throws CsvSyntaxError. */
export async function* readCsvRows(
  chunks: AsyncIterable<string>,
  options: { strict?: boolean } = {},
): AsyncGenerator<CsvRow> {
  const strict = options.strict === true;
  let record: string[] = [];
  let field = '';
  let quoted = false;
  /** A quote seen inside a quoted field: either the closing quote or the first of a doubled one. */
  let quoteSeen = false;
  let fieldStarted = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;

  const endRecord = (): CsvRow => {
    record.push(field);
    const done = record;
    record = [];
    field = '';
    fieldStarted = false;
    afterQuote = false;
    const blank = done.length === 1 && (done[0] === '' || done[0] === '\u001a');
    return { fields: done, line: recordLine, blank };
  };

  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as string;
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === '"') {
            field += '"';
            continue;
          }
          quoted = false;
          afterQuote = true;
          // fall through: the character after a closing quote is read as unquoted
        } else if (c === '"') {
          quoteSeen = true;
          continue;
        } else {
          if (c === '\n') line++;
          field += c;
          continue;
        }
      }
      if (c === '"' && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
      } else if (c === ',') {
        record.push(field);
        field = '';
        fieldStarted = false;
        afterQuote = false;
      } else if (c === '\n') {
        yield endRecord();
        line++;
        recordLine = line;
      } else if (c === '\r') {
        // CRLF: the LF ends the record; a lone CR is dropped.
      } else {
        if (strict && afterQuote) throw new CsvSyntaxError(line, `text after a closing quote (“${c}”)`);
        if (strict && c === '"')
          throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the field and double the quote)');
        field += c;
        fieldStarted = true;
      }
    }
  }
  if (strict && quoted && !quoteSeen) throw new CsvSyntaxError(recordLine, 'a quoted field is never closed');
  if (field !== '' || record.length) yield endRecord();
}

/** Records only, blank lines skipped: the lenient reading the list readers use. */
export async function* readCsvRecords(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  for await (const row of readCsvRows(chunks)) if (!row.blank) yield row.fields;
}

/** Splits a `; `-joined multi-value field, dropping empties. */
export function splitMulti(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/;\s*/)
    .map((part) => part.trim().replace(/^and\s+/, ''))
    .filter(Boolean);
}
