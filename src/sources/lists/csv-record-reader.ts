/**
 * A streaming RFC 4180 CSV reader: text chunks in, records out, holding only the record being
 * read. List files are tens of MB; they are never held whole. Quoted fields may hold commas,
 * line breaks and doubled quotes; CRLF and LF both end a record; OFAC's trailing 0x1A (the DOS
 * end-of-file byte) and blank lines are skipped.
 */
export async function* readCsvRecords(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  let record: string[] = [];
  let field = '';
  let quoted = false;
  /** A quote seen inside a quoted field: either the closing quote or the first of a doubled one. */
  let quoteSeen = false;
  let fieldStarted = false;

  const endRecord = (): string[] | undefined => {
    record.push(field);
    const done = record;
    record = [];
    field = '';
    fieldStarted = false;
    const blank = done.length === 1 && (done[0] === '' || done[0] === '\u001a');
    return blank ? undefined : done;
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
          // fall through: the character after a closing quote is read as unquoted
        } else if (c === '"') {
          quoteSeen = true;
          continue;
        } else {
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
      } else if (c === '\n') {
        const done = endRecord();
        if (done) yield done;
      } else if (c === '\r') {
        // CRLF: the LF ends the record; a lone CR is dropped.
      } else {
        field += c;
        fieldStarted = true;
      }
    }
  }
  if (field !== '' || record.length) {
    const done = endRecord();
    if (done) yield done;
  }
}

/** Splits a `; `-joined multi-value field, dropping empties. */
export function splitMulti(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/;\s*/)
    .map((part) => part.trim().replace(/^and\s+/, ''))
    .filter(Boolean);
}
