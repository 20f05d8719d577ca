import type { Clock } from '../../domain/clock.js';
import type { FeedState } from '../../domain/feed-state.js';
import type { FeedStateStore, Outbox } from '../../domain/ports.js';
import type { Channel } from '../../domain/channel.js';
import type { DeliveryPause as FullPause } from '../../domain/delivery-pause.js';
import { canSeeScoped, visibleChannels, type Place, type Principal } from '../../domain/tenancy.js';
import { maskUrlsIn } from '../../shared/mask-url.js';
import { principalOf, type CommandHandler } from '../command.js';
import { noMoreWords } from '../tokenize.js';
import { line, listedFor, reply, type ReplyLine } from '../reply.js';
import type { DigestInbox } from '../../domain/digest.js';
import { digestLine, digestStatus } from './status-digests.js';

export interface SourceInfo {
  id: string;
  name: string;
  type: string;
  intervalMs: number;
  /** A feed added by a workspace or server admin: shown only there. */
  scope?: string;
  /** Configured but not running, and why (a government source without its key). */
  off?: string;
}

/** A channel whose delivery is paused because the platform refused banwatch's credentials. */
export type DeliveryPause = Pick<FullPause, 'channelId' | 'reason' | 'since'>;

export interface StatusDeps {
  sources(): Promise<SourceInfo[]>;
  feeds: FeedStateStore;
  outbox: Outbox;
  clock: Clock;
  storeKind: string;
  /**
   * The channels that may concern the caller (ChannelDirectory.concerning: their tenant's, the
   * config ones and the one they type in), so a workspace or server sees only its own (absent:
   * everything is shown).
   */
  channels?(who: Principal, place?: Place): Promise<Channel[]>;
  /** Channels whose delivery is paused (credentials refused). */
  pausedDeliveries?(): Promise<DeliveryPause[]>;
  /** What digest channels collected (absent: no digest section). */
  digests?: Pick<DigestInbox, 'collected'>;
}

/** Paused first, then failing (most failures first), then the rest as configured. */
function troubleFirst<T extends { state: FeedState | undefined }>(rows: readonly T[]): T[] {
  const rank = (r: T) => (r.state?.pausedAt ? 2 : r.state && r.state.failures > 0 ? 1 : 0);
  return [...rows].sort((a, b) => rank(b) - rank(a) || (b.state?.failures ?? 0) - (a.state?.failures ?? 0));
}

/** Alerts waiting for the given channels. */
async function pendingOf(outbox: Pick<Outbox, 'pendingFor'>, channels: ReadonlySet<string>): Promise<number> {
  let waiting = 0;
  for (const channel of channels) waiting += (await outbox.pendingFor(channel)).length;
  return waiting;
}

/** `status`: each source's last success, last error and next poll; outbox and dead letters. */
export function statusHandler(deps: StatusDeps): CommandHandler {
  return {
    name: 'status',
    summary: 'sources, their last poll and errors, and the outbox',
    usage: ['status'],
    requiresAdmin: () => false,
    async run(args, context) {
      noMoreWords(args, 'status');
      const who = principalOf(context.actor);
      const sources = (await deps.sources()).filter((s) => canSeeScoped(who, s.scope));
      const states = await deps.feeds.getMany(sources.map((s) => s.id));
      // A workspace or server sees its own channels' dead letters and pauses; operators see all.
      const seen = deps.channels ? await deps.channels(who, context.place) : [];
      const visible = visibleChannels(who, seen, context.place);
      const mine = who.operator || !deps.channels ? undefined : new Set(visible.map((c) => c.id));
      const ours = <T extends { channelId: string }>(rows: T[]): T[] =>
        mine ? rows.filter((r) => mine.has(r.channelId)) : rows;
      const deadAll = ours(await deps.outbox.deadLetters(mine ? 1_000 : 5));
      // A tenant's own channels' queues, each read through the outbox's per-channel index: at
      // 10,000 channels, reading every waiting entry of the install made a member's `status` slow.
      const counts = mine
        ? { pending: await pendingOf(deps.outbox, mine), dead: deadAll.length }
        : await deps.outbox.counts();
      const dead = deadAll.slice(0, 5);
      const paused = ours((await deps.pausedDeliveries?.()) ?? []);
      const now = deps.clock.now();
      const rows = sources.map((source) => ({ source, state: states.get(source.id) }));
      const failing = rows.filter((r) => r.state && r.state.failures > 0).length;
      const pausedFeeds = rows.filter((r) => r.state?.pausedAt).length;
      // The CLI lists every source as configured; a chat answer the ones in trouble first, then as many as fit.
      const cli = context.actor.platform === 'cli';
      const sections = [
        {
          heading: `Sources (${sources.length}, ${failing} failing, ${pausedFeeds} paused)`,
          lines: listedFor(
            cli,
            cli ? rows : troubleFirst(rows),
            (r) => sourceLine(r.source, r.state, now),
            (more) => `… and ${more} more, not listed here (\`banwatch status\` on the host lists every one)`,
          ),
        },
        {
          heading: 'Outbox',
          lines: [line(`${counts.pending} waiting, ${counts.dead} dead-lettered (store: ${deps.storeKind})`)],
        },
      ];
      const digests = deps.digests ? await digestStatus(visible, deps.digests, now) : [];
      if (digests.length) sections.push({ heading: 'Digests', lines: digests.map(digestLine) });
      if (paused.length) {
        sections.push({
          heading: 'Delivery paused (credentials refused)',
          lines: paused.map((p) =>
            line(`${p.channelId}: paused since ${p.since.slice(0, 16)} — ${maskUrlsIn(p.reason)}; alerts are kept`),
          ),
        });
      }
      if (dead.length) {
        sections.push({
          heading: 'Latest dead letters',
          lines: dead.map((d) => line(`${d.deadAt.slice(0, 16)} ${d.channelId}: ${maskUrlsIn(d.reason)}`)),
        });
      }
      return reply('banwatch status', sections, {
        data: {
          sources: rows.map((r) => ({ ...r.source, state: r.state ?? null })),
          outbox: counts,
          deadLetters: dead,
          pausedDeliveries: paused,
          digests,
        },
      });
    },
  };
}

function sourceLine(source: SourceInfo, state: FeedState | undefined, now: Date): ReplyLine {
  if (source.off) return line(`${source.id} (${source.type}): switched off — ${source.off}`);
  if (!state) return line(`${source.id} (${source.type}): not polled yet`);
  const parts = [`${source.id} (${source.type})`];
  if (state.pausedAt) parts.push(`PAUSED since ${state.pausedAt.slice(0, 16)}`);
  parts.push(state.lastSuccessAt ? `last ok ${ago(state.lastSuccessAt, now)}` : 'never succeeded');
  if (state.lastError && state.failures > 0)
    parts.push(`failing ×${state.failures}: ${state.lastError.kind} — ${maskUrlsIn(state.lastError.message)}`);
  else if (state.lastError) parts.push(`last error ${ago(state.lastError.at, now)} (${state.lastError.kind})`);
  if (state.nextPollAt && !state.pausedAt) parts.push(`next poll ${until(state.nextPollAt, now)}`);
  const usage = monthlyUsage(state);
  if (usage)
    parts.push(
      `${usage.requests.toLocaleString('en-US')} of ${usage.limit.toLocaleString('en-US')} queries in ${usage.month}`,
    );
  return line(parts.join(' · '));
}

/** A source with a monthly query allowance (legiscan) keeps its count in its cursor as `usage`. */
export function monthlyUsage(state: FeedState): { month: string; requests: number; limit: number } | undefined {
  const usage = state.cursor?.usage as { month?: unknown; requests?: unknown; limit?: unknown } | undefined;
  if (
    !usage ||
    typeof usage.month !== 'string' ||
    typeof usage.requests !== 'number' ||
    typeof usage.limit !== 'number'
  )
    return undefined;
  return { month: usage.month, requests: usage.requests, limit: usage.limit };
}

function ago(iso: string, now: Date): string {
  return `${span(now.getTime() - Date.parse(iso))} ago`;
}

function until(iso: string, now: Date): string {
  const ms = Date.parse(iso) - now.getTime();
  return ms <= 0 ? 'due now' : `in ${span(ms)}`;
}

function span(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1_000))}s`;
  if (minutes < 120) return `${minutes}m`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours}h` : `${Math.round(hours / 24)}d`;
}
