import type { PingTarget } from '../../domain/mention-rule.js';
import type { TriageAction } from '../../domain/triage.js';
import { escapedWithin } from './slack-text.js';

/** Every triage button's action_id starts with this; the action follows (`bw_triage:ack`). */
export const TRIAGE_ACTION_PREFIX = 'bw_triage:';
const ACTIONS_BLOCK = 'bw_triage_actions';
const STATE_BLOCK = 'bw_triage_state';

const BUTTONS: Array<{ action: TriageAction; text: string; style?: 'primary' | 'danger' }> = [
  { action: 'ack', text: 'Acknowledge', style: 'primary' },
  { action: 'not-relevant', text: 'Not relevant' },
  { action: 'mute', text: 'Mute vendor here', style: 'danger' },
];

/** The alert's buttons; `value` is its reference (domain/triage.ts), the only thing a press carries. */
export function triageActions(ref: string): Record<string, unknown> {
  return {
    type: 'actions',
    block_id: ACTIONS_BLOCK,
    elements: BUTTONS.map((button) => ({
      type: 'button',
      action_id: `${TRIAGE_ACTION_PREFIX}${button.action}`,
      text: { type: 'plain_text', text: button.text, emoji: false },
      value: ref,
      ...(button.style ? { style: button.style } : {}),
    })),
  };
}

/**
 * The ping as Slack writes it, built only from checked ids (domain/mention-rule.ts): the one
 * part of a message that may notify anyone. Feed text next to it is escaped.
 */
export function pingMrkdwn(targets: readonly PingTarget[]): string {
  return targets
    .map((t) => (t.kind === 'slack-group' ? `<!subteam^${t.id}>` : t.kind === 'slack-user' ? `<@${t.id}>` : ''))
    .filter(Boolean)
    .join(' ');
}

export function triageActionOf(actionId: string): TriageAction | undefined {
  const action = actionId.slice(TRIAGE_ACTION_PREFIX.length);
  return actionId.startsWith(TRIAGE_ACTION_PREFIX) && BUTTONS.some((b) => b.action === action)
    ? (action as TriageAction)
    : undefined;
}

/**
 * The posted message's blocks with the triage state shown above the buttons (replacing the
 * state shown before). Lines are banwatch's own words with names from Slack: escaped all the same.
 */
export function withTriageState(blocks: readonly unknown[], lines: readonly string[]): unknown[] {
  const kept = blocks.filter((block) => (block as { block_id?: string }).block_id !== STATE_BLOCK);
  if (!lines.length) return kept;
  const state = {
    type: 'context',
    block_id: STATE_BLOCK,
    elements: lines.slice(0, 10).map((text) => ({ type: 'mrkdwn', text: escapedWithin(text, 300) })),
  };
  const at = kept.findIndex((block) => (block as { block_id?: string }).block_id === ACTIONS_BLOCK);
  return at < 0 ? [...kept, state] : [...kept.slice(0, at), state, ...kept.slice(at)];
}
