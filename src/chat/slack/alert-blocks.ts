import type { Alert } from '../../domain/alert.js';
import {
  alertDate,
  alertJurisdiction,
  alertReasons,
  alertStage,
  alertSubject,
  truncate,
} from '../../domain/alert-text.js';
import type { Notice } from '../../domain/notifier.js';
import { escapeMrkdwn, mrkdwnLink, slackPlain } from './slack-text.js';

/** Slack's limits: header 150, section text 3,000, context element 2,000, fallback ~4,000. */
const HEADER_MAX = 150;
const SECTION_MAX = 3_000;
const CONTEXT_MAX = 2_000;

export interface SlackMessage {
  text: string;
  blocks: unknown[];
}

/**
 * An alert as Block Kit: a header with vendor and action, the linked title, source and
 * date, stage and jurisdiction, and the classifier's reasons in one context line. Every piece
 * of feed text goes through the escaper; `text` is the plain fallback for notifications.
 */
export function alertBlocks(alert: Alert, options: { update?: boolean } = {}): SlackMessage {
  const subject = alertSubject(alert);
  const prefix = options.update && alert.thread ? `Update: ${alert.thread.label} ${alertStage(alert)}` : undefined;
  const header = slackPlain(prefix ?? subject, HEADER_MAX);
  const title = mrkdwnLink(alert.link, truncate(alert.title, 1_000));
  const facts = [
    `*Source:* ${escapeMrkdwn(alert.sourceName)} · ${alertDate(alert)}`,
    `*Stage:* ${escapeMrkdwn(alertStage(alert))} · *Jurisdiction:* ${escapeMrkdwn(alertJurisdiction(alert))}`,
  ];
  if (prefix) facts.unshift(`*${escapeMrkdwn(subject)}*`);
  return {
    // The fallback is parsed for mentions too (it drives notifications): escaped like the blocks.
    text: escapeMrkdwn(slackPlain(`${prefix ?? subject}: ${alert.title}`, 3_000)),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: header, emoji: false } },
      { type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } },
      { type: 'context', elements: facts.map((fact) => ({ type: 'mrkdwn', text: truncate(fact, CONTEXT_MAX) })) },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: truncate(`Why: ${escapeMrkdwn(alertReasons(alert))}`, CONTEXT_MAX) }],
      },
    ],
  };
}

export function noticeBlocks(notice: Notice): SlackMessage {
  return {
    text: escapeMrkdwn(slackPlain(`${notice.title}: ${notice.text}`, 3_000)),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: slackPlain(notice.title, HEADER_MAX), emoji: false } },
      { type: 'section', text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(notice.text), SECTION_MAX) } },
    ],
  };
}
