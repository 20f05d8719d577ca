/**
 * CSV that spreadsheets read as text. A cell a spreadsheet would read as a formula (=, +, -, @,
 * and tab or carriage return, which some readers strip first) is prefixed with an apostrophe: a
 * hostile title in an export stays text (OWASP's CSV injection advice). Every cell is quoted,
 * quotes doubled. Used by the dashboard's alert export and `banwatch history --csv`.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A whole document: the header, one line per row; CRLF as RFC 4180 says, a BOM so spreadsheet programs read UTF-8 names right. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const lines = [header.join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
