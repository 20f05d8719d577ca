import type { Alert } from '../domain/alert.js';
import { actionLabel, alertDate } from '../domain/alert-text.js';
import { csvDocument } from '../shared/csv.js';

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
  return csvDocument(
    CSV_HEADER,
    alerts.map((alert) => {
      const c = alert.classification;
      return [
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
      ];
    }),
  );
}
