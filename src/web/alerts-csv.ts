import type { Alert } from '../domain/alert.js';
import { actionLabel, alertDate } from '../domain/alert-text.js';

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, and tab or carriage return, which
 * some readers strip first) is prefixed with an apostrophe: a hostile title in the export stays
 * text (OWASP's CSV injection advice). Every cell is quoted, quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const CSV_HEADER = [
  'created',
  'date',
  'source',
  'vendors',
  'action',
  'stage',
  'score',
  'channels',
  'title',
  'link',
];

export function alertsCsv(alerts: readonly Alert[], channelsOf: (alert: Alert) => string[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const alert of alerts) {
    const c = alert.classification;
    lines.push(
      [
        alert.createdAt,
        alertDate(alert),
        alert.sourceId,
        c.vendors.join('; '),
        actionLabel(c.action),
        alert.thread?.stage ?? c.stage,
        c.score.toFixed(2),
        channelsOf(alert).join('; '),
        alert.title,
        alert.link ?? '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  // CRLF as RFC 4180 says; a BOM so spreadsheet programs read UTF-8 names right.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
