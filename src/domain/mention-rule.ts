import type { Alert } from './alert.js';
import { BILL_SETBACKS, BILL_STAGES, RULE_STAGES } from './bill-stage.js';
import { STAGES } from './classification.js';

/**
 * Who an alert may ping: a Slack user group or user, a Discord role or user. Only ids, never a
 * name: a friendly handle like `@procurement` could mean a different group in every workspace,
 * so it is refused with the form to use instead. Nothing else on a message can ping anyone
 * (feed text is escaped; Discord `allowed_mentions` lists exactly these).
 */
export type PingKind = 'slack-group' | 'slack-user' | 'discord-role' | 'discord-user';

export interface PingTarget {
  kind: PingKind;
  id: string;
}

/** A channel's opt-in: alerts that match `vendors` (any) and `stages` (any) ping `ping`. */
export interface MentionRule {
  /** Canonical vendor names, compared case-insensitively; unset: any vendor. */
  vendors?: string[];
  /** Stage names (MENTION_STAGES); unset: any stage. */
  stages?: string[];
  ping: PingTarget[];
  /** Who set it from chat, and when (absent for rules from the config file). */
  addedBy?: string;
  addedAt?: string;
}

/**
 * The stages a rule may name: the classifier's (proposed, passed-chamber, enacted, rule,
 * in-effect, lifted) and the finer ones of tracked bills and rules (in-committee, to-president,
 * final, effective, vetoed, ...). An alert matches a stage by either.
 */
export const MENTION_STAGES: readonly string[] = [
  ...new Set<string>([...STAGES.filter((s) => s !== 'none'), ...BILL_STAGES, ...BILL_SETBACKS, ...RULE_STAGES]),
];

export const MAX_MENTION_RULES = 20;
export const MAX_PINGS_PER_RULE = 10;

export type PingCheck = { ok: true; target: PingTarget } | { ok: false; reason: string };

const SLACK_GROUP = /^<!subteam\^(S[A-Z0-9]{2,20})(?:\|[^<>]{0,100})?>$/;
const SLACK_USER = /^<@([UW][A-Z0-9]{2,20})(?:\|[^<>]{0,100})?>$/;
const DISCORD_ROLE = /^(?:role:|<@&)(\d{15,22})>?$/;
const DISCORD_USER = /^(?:user:|<@!?)(\d{15,22})>?$/;

/**
 * Reads one ping target: Slack `<!subteam^S123>` (or `<!subteam^S123|@name>` as Slack escapes a
 * typed group) and `<@U123>`; Discord `role:ID` / `<@&ID>` and `user:ID` / `<@ID>`.
 */
export function parsePingTarget(raw: string): PingCheck {
  const text = raw.trim();
  let m: RegExpExecArray | null;
  if ((m = SLACK_GROUP.exec(text))) return { ok: true, target: { kind: 'slack-group', id: m[1] as string } };
  if ((m = SLACK_USER.exec(text))) return { ok: true, target: { kind: 'slack-user', id: m[1] as string } };
  if (text.startsWith('<@&') || text.startsWith('role:')) {
    if ((m = DISCORD_ROLE.exec(text))) return { ok: true, target: { kind: 'discord-role', id: m[1] as string } };
  } else if ((m = DISCORD_USER.exec(text))) return { ok: true, target: { kind: 'discord-user', id: m[1] as string } };
  const shown = text.slice(0, 40);
  if (/^@/.test(text) || /^<!(here|channel|everyone)/.test(text))
    return {
      ok: false,
      reason: `"${shown}" is a name, not an id: use <!subteam^S…> or <@U…> on Slack, role:ID or user:ID on Discord (@here, @channel and @everyone are never pinged)`,
    };
  return {
    ok: false,
    reason: `"${shown}" is not a ping target: use <!subteam^S…> or <@U…> on Slack, role:ID or user:ID on Discord`,
  };
}

export function pingPlatform(target: PingTarget): 'slack' | 'discord' {
  return target.kind.startsWith('slack') ? 'slack' : 'discord';
}

/** How a target is written back in commands and config (`mentions list`). */
export function pingLabel(target: PingTarget): string {
  switch (target.kind) {
    case 'slack-group':
      return `<!subteam^${target.id}>`;
    case 'slack-user':
      return `<@${target.id}>`;
    case 'discord-role':
      return `role:${target.id}`;
    case 'discord-user':
      return `user:${target.id}`;
  }
}

export function isMentionStage(stage: string): boolean {
  return MENTION_STAGES.includes(stage);
}

/** The stages an alert counts as: the classifier's, the tracked item's, and `in-effect` for an effective rule. */
export function alertStages(alert: Alert): string[] {
  const stages = [alert.classification.stage as string];
  const thread = alert.thread?.stage;
  if (thread) stages.push(thread);
  if (thread === 'effective') stages.push('in-effect');
  return stages;
}

export function ruleMatches(rule: MentionRule, alert: Alert): boolean {
  if (rule.vendors?.length) {
    const named = [...alert.classification.vendors, ...(alert.thread?.vendors ?? [])].map((v) => v.toLowerCase());
    if (!rule.vendors.some((v) => named.includes(v.toLowerCase()))) return false;
  }
  if (rule.stages?.length) {
    const stages = alertStages(alert);
    if (!rule.stages.some((s) => stages.includes(s))) return false;
  }
  return true;
}

/** The targets an alert pings on `platform`: those of every matching rule, once each. Nothing when none match. */
export function pingsFor(
  rules: readonly MentionRule[] | undefined,
  alert: Alert,
  platform: 'slack' | 'discord',
): PingTarget[] {
  const found = new Map<string, PingTarget>();
  for (const rule of rules ?? []) {
    if (!ruleMatches(rule, alert)) continue;
    for (const target of rule.ping)
      if (pingPlatform(target) === platform) found.set(`${target.kind}:${target.id}`, target);
  }
  return [...found.values()];
}

/** A rule in words, for `mentions list` and the config check. */
export function describeRule(rule: MentionRule): string {
  const when = [
    rule.vendors?.length ? `vendor ${rule.vendors.join(' or ')}` : 'any vendor',
    rule.stages?.length ? `stage ${rule.stages.join(' or ')}` : 'any stage',
  ].join(', ');
  return `${when} → ping ${rule.ping.map(pingLabel).join(' ')}`;
}
