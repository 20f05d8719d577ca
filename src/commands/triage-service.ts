import type { Alert } from '../domain/alert.js';
import type { Channel } from '../domain/channel.js';
import type { Clock } from '../domain/clock.js';
import type { AlertLog, WatchTermStore } from '../domain/ports.js';
import { canManageChannel, canTriage, tenantAllowed, type AllowedTenants } from '../domain/tenancy.js';
import { triageRef, type TriageAction, type TriageStore, type TriageVerdict } from '../domain/triage.js';
import { checkTerm, DEFAULT_MAX_TERMS_PER_CHANNEL } from '../domain/watch-term.js';
import type { ErrorCode } from '../shared/error-codes.js';
import { principalOf, type Actor } from './command.js';

/** One button press, as a platform adapter read it from a verified interaction. */
export interface TriagePress {
  action: TriageAction;
  /** The alert's reference from the button (domain/triage.ts triageRef). */
  ref: string;
  actor: Actor;
  /** The banwatch channel that posts to the platform channel the message is in. */
  channelId?: string;
  /** The platform channel the message is in. */
  place?: { type: Channel['type']; channel: string };
}

export interface TriageOutcome {
  /** `applied`: recorded now; `unchanged`: recorded before (a second or replayed press); `refused`. */
  status: 'applied' | 'unchanged' | 'refused';
  /** The alert's triage state, one line per verdict, for the message everyone sees. */
  lines: string[];
  /** For the presser only: a refusal, or the suggestion to mute. */
  note?: string;
  code?: ErrorCode;
}

export interface TriageDeps {
  verdicts: TriageStore;
  watch: WatchTermStore;
  /** Recent alerts: a press names one by reference. */
  alerts: Pick<AlertLog, 'recent'>;
  channel(channelId: string): Promise<Channel | undefined>;
  clock: Clock;
  /** "Not relevant" verdicts on one vendor in one channel before a mute is suggested (config `triage.suggestMuteAfter`). */
  suggestMuteAfter: number;
  /** Makes the verdict durable before the message says it was recorded. */
  flush?(): Promise<void>;
  /** `allowed.slackTeams` / `allowed.discordGuilds`: presses from other tenants are refused like commands. */
  allowed?: AllowedTenants;
  /** Watch terms one channel may hold (config `watch.maxTermsPerChannel`): a mute stops there. */
  maxTerms?: number;
}

/** How far back a press may reach: the alert log keeps this many. */
const LOOKBACK = 2_000;

/**
 * Applies a press once. Order: who may press (members of the channel's workspace or server,
 * in that channel; muting needs a channel admin), then the verdict stored under its channel,
 * alert and action (atomic, so a repeat or a replay changes nothing), then, for a mute, the
 * channel's mute terms. Platform adapters only translate the press and render the outcome.
 */
export function createTriageService(deps: TriageDeps) {
  async function press(input: TriagePress): Promise<TriageOutcome> {
    const channel = input.channelId ? await deps.channel(input.channelId) : undefined;
    const who = principalOf(input.actor);
    if (!tenantAllowed(deps.allowed, { ...who, platform: input.actor.platform }))
      return refused('NOT_ALLOWED_TENANT', 'banwatch is not enabled for this workspace or server.');
    if (!channel || !canTriage(who, channel, input.place))
      return refused('NOT_MEMBER', 'Only members of the workspace or server this channel belongs to can do this.');
    const existing = await deps.verdicts.forAlert(channel.id, input.ref);
    if (existing.some((v) => v.action === input.action))
      return { status: 'unchanged', lines: stateLines(existing), note: 'Already recorded; nothing changed.' };
    if (input.action === 'mute' && !canManageChannel(who, channel, input.place))
      return refused('NOT_ADMIN', 'Only admins of this channel can mute a vendor here. Nothing was changed.', existing);
    const alert = (await deps.alerts.recent(LOOKBACK)).find((a) => triageRef(a) === input.ref);
    if (!alert) return refused('UNKNOWN_ALERT', 'banwatch no longer knows this alert; nothing was recorded.', existing);
    const vendors = alert.classification.vendors;
    if (input.action === 'mute' && !vendors.length)
      return refused('NO_VENDOR', 'This alert names no vendor to mute (use `watch mute TERM`).', existing);
    const verdict = verdictOf(alert, channel.id, input);
    if (input.action === 'mute') verdict.muted = await mute(channel.id, vendors, input.actor.id);
    if (!(await deps.verdicts.record(verdict))) {
      // Another press won the race: its verdict stands.
      const now = await deps.verdicts.forAlert(channel.id, input.ref);
      return { status: 'unchanged', lines: stateLines(now), note: 'Already recorded; nothing changed.' };
    }
    await deps.flush?.();
    const lines = stateLines([...existing, verdict]);
    const note = input.action === 'not-relevant' ? await suggestion(channel.id, vendors) : undefined;
    return { status: 'applied', lines, ...(note ? { note } : {}) };
  }

  function verdictOf(alert: Alert, channelId: string, input: TriagePress): TriageVerdict {
    return {
      channelId,
      ref: input.ref,
      action: input.action,
      by: input.actor.id,
      ...(input.actor.name ? { byName: input.actor.name } : {}),
      at: deps.clock.now().toISOString(),
      alertId: alert.id,
      itemKey: alert.itemKey,
      sourceId: alert.sourceId,
      title: alert.title,
      ...(alert.summary ? { summary: alert.summary } : {}),
      ...(alert.publishedAt ? { publishedAt: alert.publishedAt } : {}),
      vendors: [...alert.classification.vendors],
    };
  }

  /** Adds a mute term per vendor not muted yet; returns the vendors muted. */
  async function mute(channelId: string, vendors: readonly string[], by: string): Promise<string[]> {
    const terms = await deps.watch.list(channelId);
    const at = deps.clock.now().toISOString();
    const kept = [...terms];
    const muted: string[] = [];
    for (const vendor of vendors) {
      const checked = checkTerm(vendor);
      if (!checked.ok) continue;
      const same = (t: { term: string }) => t.term.toLowerCase() === checked.term.toLowerCase();
      if (kept.some((t) => same(t) && t.mode === 'mute')) continue;
      const index = kept.findIndex(same);
      if (index >= 0) kept.splice(index, 1);
      if (kept.length >= (deps.maxTerms ?? DEFAULT_MAX_TERMS_PER_CHANNEL)) break;
      kept.push({ term: checked.term, mode: 'mute', addedBy: by, addedAt: at });
      muted.push(checked.term);
    }
    if (muted.length) await deps.watch.replace(channelId, kept);
    return muted;
  }

  async function suggestion(channelId: string, vendors: readonly string[]): Promise<string | undefined> {
    if (!vendors.length) return undefined;
    const verdicts = (await deps.verdicts.list('not-relevant')).filter((v) => v.channelId === channelId);
    const muted = new Set(
      (await deps.watch.list(channelId)).filter((t) => t.mode === 'mute').map((t) => t.term.toLowerCase()),
    );
    for (const vendor of vendors) {
      if (muted.has(vendor.toLowerCase())) continue;
      const count = verdicts.filter((v) => v.vendors.some((n) => n.toLowerCase() === vendor.toLowerCase())).length;
      if (count >= deps.suggestMuteAfter)
        return `${count} alerts about ${vendor} were marked not relevant in this channel. Mute ${vendor} here? Press "Mute vendor here" or run \`watch mute ${vendor}\`.`;
    }
    return undefined;
  }

  return { press };
}

export type TriageService = ReturnType<typeof createTriageService>;

function refused(code: ErrorCode, note: string, existing: readonly TriageVerdict[] = []): TriageOutcome {
  return { status: 'refused', lines: stateLines(existing), note, code };
}

/** The state shown on the message, in a fixed order whatever the order of presses. */
export function stateLines(verdicts: readonly TriageVerdict[]): string[] {
  const order: TriageAction[] = ['ack', 'not-relevant', 'mute'];
  return [...verdicts]
    .sort((a, b) => order.indexOf(a.action) - order.indexOf(b.action))
    .map((v) => {
      const who = v.byName ?? v.by;
      const when = `${v.at.slice(0, 10)} ${v.at.slice(11, 16)} UTC`;
      if (v.action === 'ack') return `Acknowledged by ${who} at ${when}`;
      if (v.action === 'not-relevant') return `Marked not relevant by ${who} at ${when}`;
      return v.muted?.length
        ? `${v.muted.join(', ')} muted here by ${who} at ${when}`
        : `Muted here by ${who} at ${when}`;
    });
}
