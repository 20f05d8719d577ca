import type { Alert } from '../../domain/alert.js';
import {
  alertDate,
  alertJurisdiction,
  alertReasons,
  alertStage,
  alertSubject,
  plainText,
  truncate,
} from '../../domain/alert-text.js';
import type { Notifier } from '../../domain/notifier.js';
import { formatConsoleDigest } from './console-digest.js';

/** One readable block per alert on a terminal; feed text is stripped of control characters. */
export function formatConsoleAlert(alert: Alert, channelId: string, update: boolean): string {
  const label = update && alert.thread ? `UPDATE ${alert.thread.label}` : 'ALERT';
  const lines = [
    `── ${label} · ${plainText(alertSubject(alert))} · ${alertJurisdiction(alert)} · ${alertStage(alert)}`,
    `   ${truncate(plainText(alert.title), 300)}`,
    alert.link ? `   ${truncate(plainText(alert.link), 300)}` : undefined,
    `   source ${plainText(alert.sourceName)} · ${alertDate(alert)} · score ${alert.classification.score.toFixed(2)} · to ${channelId} (${plainText(alert.matchedBy)})`,
    `   why: ${plainText(alertReasons(alert))}`,
  ];
  return `${lines.filter((line) => line !== undefined).join('\n')}\n`;
}

export function createConsoleNotifier(out: NodeJS.WritableStream): Notifier {
  return {
    async send(alert, channel, replyTo) {
      out.write(formatConsoleAlert(alert, channel.id, Boolean(replyTo)));
      return { status: 'delivered', ref: { platform: 'console', id: alert.id } };
    },
    async notify(notice, channel) {
      out.write(
        `── NOTICE · ${plainText(notice.title)} · to ${channel.id}\n   ${truncate(plainText(notice.text), 1_000)}\n`,
      );
      return { status: 'delivered' };
    },
    async digest(digest, channel) {
      out.write(formatConsoleDigest(digest, channel.id));
      return { status: 'delivered', ref: { platform: 'console', id: digest.id } };
    },
  };
}
