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
import type { PingTarget } from '../../domain/mention-rule.js';
import { escapedWithin, mrkdwnLink, slackPlain } from './slack-text.js';
import { pingMrkdwn, triageActions } from './triage-blocks.js';

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
export interface AlertBlockOptions {
  update?: boolean;
  /** Who this alert pings (the channel's matching mention rules); nobody when empty. */
  pings?: readonly PingTarget[];
  /** The alert's reference for its triage buttons; no buttons when unset (webhooks cannot receive presses). */
  triageRef?: string;
}

export function alertBlocks(alert: Alert, options: AlertBlockOptions = {}): SlackMessage {
  const subject = alertSubject(alert);
  const prefix = options.update && alert.thread ? `Update: ${alert.thread.label} ${alertStage(alert)}` : undefined;
  const header = slackPlain(prefix ?? subject, HEADER_MAX);
  // Every piece is cut after escaping, to Slack's limit for its block: a long link, a title full
  // of `&` or a source with a huge name shortens the message instead of getting it refused.
  const title = mrkdwnLink(alert.link, truncate(alert.title, 1_000), SECTION_MAX - 2);
  const part = (text: string) => escapedWithin(text, 600);
  const facts = [
    `*Source:* ${part(alert.sourceName)} · ${alertDate(alert)}`,
    `*Stage:* ${part(alertStage(alert))} · *Jurisdiction:* ${part(alertJurisdiction(alert))}`,
  ];
  if (prefix) facts.unshift(`*${part(subject)}*`);
  // The ping is its own block and leads the fallback (which drives notifications); nothing else can ping.
  const ping = pingMrkdwn(options.pings ?? []);
  const fallback = escapedWithin(`${prefix ?? subject}: ${alert.title}`, 3_000 - ping.length - 1);
  return {
    // The fallback is parsed for mentions too: escaped like the blocks.
    text: ping ? `${ping} ${fallback}` : fallback,
    blocks: [
      ...(ping ? [{ type: 'section', block_id: 'bw_ping', text: { type: 'mrkdwn', text: ping } }] : []),
      { type: 'header', text: { type: 'plain_text', text: header, emoji: false } },
      { type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } },
      { type: 'context', elements: facts.map((fact) => ({ type: 'mrkdwn', text: fact })) },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `Why: ${escapedWithin(alertReasons(alert), CONTEXT_MAX - 5)}` }],
      },
      ...(options.triageRef ? [triageActions(options.triageRef)] : []),
    ],
  };
}

export function noticeBlocks(notice: Notice): SlackMessage {
  return {
    text: escapedWithin(`${notice.title}: ${notice.text}`, 3_000),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: slackPlain(notice.title, HEADER_MAX), emoji: false } },
      { type: 'section', text: { type: 'mrkdwn', text: escapedWithin(notice.text, SECTION_MAX) } },
    ],
  };
}
