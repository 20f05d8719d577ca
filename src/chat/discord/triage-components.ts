import type { PingTarget } from '../../domain/mention-rule.js';
import { TRIAGE_ACTIONS, type TriageAction } from '../../domain/triage.js';
import { type DiscordEmbed, escapeDiscord } from './discord-text.js';

/** Every triage button's custom_id: `bw:ACTION:REF` (at most 100 characters, as Discord allows). */
const PREFIX = 'bw:';
const STATE_COLOUR = 0x5f6368;

/** A message component row, as Discord's API takes it. */
export interface ActionRow {
  type: 1;
  components: Array<{ type: 2; style: number; label: string; custom_id: string }>;
}

/** The alert's buttons: Acknowledge (primary), Not relevant (secondary), Mute vendor here (danger). */
export function triageRow(ref: string): ActionRow {
  return {
    type: 1,
    components: [
      { type: 2, style: 1, label: 'Acknowledge', custom_id: `${PREFIX}ack:${ref}` },
      { type: 2, style: 2, label: 'Not relevant', custom_id: `${PREFIX}not-relevant:${ref}` },
      { type: 2, style: 4, label: 'Mute vendor here', custom_id: `${PREFIX}mute:${ref}` },
    ],
  };
}

export function readTriageId(customId: string | undefined): { action: TriageAction; ref: string } | undefined {
  if (!customId?.startsWith(PREFIX)) return undefined;
  const [action, ref] = customId.slice(PREFIX.length).split(':');
  if (!ref || !/^[0-9a-f]{8,64}$/.test(ref) || !(TRIAGE_ACTIONS as readonly string[]).includes(action ?? ''))
    return undefined;
  return { action: action as TriageAction, ref };
}

/**
 * The ping and the `allowed_mentions` that let exactly it through: `parse: []` so that no
 * `@everyone`, role or user written anywhere else in the message (feed text included) pings.
 */
export function pingParts(targets: readonly PingTarget[]): {
  content?: string;
  allowed: { parse: []; roles?: string[]; users?: string[] };
} {
  const roles = targets.filter((t) => t.kind === 'discord-role').map((t) => t.id);
  const users = targets.filter((t) => t.kind === 'discord-user').map((t) => t.id);
  const content = [...roles.map((id) => `<@&${id}>`), ...users.map((id) => `<@${id}>`)].join(' ');
  return {
    ...(content ? { content } : {}),
    allowed: { parse: [], ...(roles.length ? { roles } : {}), ...(users.length ? { users } : {}) },
  };
}

/** The message's embeds with the triage state as a second, small embed (replacing one shown before). */
export function withTriageState(embeds: readonly DiscordEmbed[], lines: readonly string[]): DiscordEmbed[] {
  const alert = embeds.slice(0, 1);
  if (!lines.length) return alert;
  return [...alert, { description: escapeDiscord(lines.join('\n'), 1_000), color: STATE_COLOUR }];
}
