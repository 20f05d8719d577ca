import type { Channel } from '../domain/channel.js';
import type { Clock } from '../domain/clock.js';
import type { DeliveryHistory } from '../domain/delivery-history.js';
import { PROBE_EVERY_MS, type DeliveryPause, type DeliveryPauses } from '../domain/delivery-pause.js';
import type { Leases } from '../domain/lease.js';
import type { Metrics } from '../domain/metrics.js';
import type { DeliveryOutcome, Notifier } from '../domain/notifier.js';
import type { OutboxEntry } from '../domain/outbox.js';
import type { Outbox, ThreadStore } from '../domain/ports.js';
import { errorMessage } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { deliveryRetryDelay } from './backoff.js';
import { historyRecords } from './history-records.js';
import type { IngestReport } from './ingest.js';
import { withLease } from './with-lease.js';

export interface DeliveryDeps {
  outbox: Outbox;
  threads: ThreadStore;
  clock: Clock;
  logger: Logger;
  /** The notifier for a channel's platform, or undefined when that platform is not set up. */
  notifierFor(channel: Channel): Notifier | undefined;
  /** Channel lookup over the config file and runtime subscriptions. */
  channel(channelId: string): Promise<Channel | undefined>;
  maxAttempts: number;
  /** Channels paused because their platform refused banwatch's credentials (absent: such failures wait a probe interval). */
  pauses?: DeliveryPauses;
  /** Try entries waiting out a backoff now (a one-shot run); Retry-After waits are still kept. */
  retryNow?: boolean;
  metrics?: Metrics;
  /** Shared leases (several instances): one instance at a time works a channel. */
  leases?: Leases;
  instanceId?: string;
  /** Pause between two posts to the same channel (platforms allow about one a second). */
  channelGapMs?: number;
  /** True once banwatch is stopping: a channel's run ends after the post under way. */
  stopping?(): boolean;
  /**
   * Makes every store write so far durable. A post is the one thing a crash cannot take back:
   * what it rests on (the entry, the item's claims) is flushed before it, and its record after.
   */
  flush?(): Promise<void>;
  /** The audit trail: every delivered alert, live or in a digest, with where and when it went. */
  history?: Pick<DeliveryHistory, 'record'>;
}

export interface DeliveryReport {
  delivered: number;
  retried: number;
  dead: number;
  waiting: number;
}

/**
 * Sends what is due in the outbox. Per channel, entries go out oldest first, and a channel
 * whose head entry must wait (rate limit, outage) holds the ones behind it, so order is kept;
 * channels do not wait for each other.
 */
export async function deliverDue(deps: DeliveryDeps): Promise<DeliveryReport> {
  const report = emptyReport();
  // Only channels whose oldest entry is due, through the store's index: a channel waiting out
  // a Retry-After costs nothing here however much it has queued. A one-shot run (retryNow)
  // also takes those waiting out a backoff; their head's Retry-After is still kept below.
  const due = await deps.outbox.dueChannels(deps.retryNow ? Infinity : deps.clock.now().getTime());
  await Promise.all([...due.keys()].map((channelId) => deliverChannel(channelId, deps, report)));
  return report;
}

/**
 * One channel's due entries only (a queue job for that channel, on whichever instance runs it).
 * Entries queued while it runs are taken too, up to `rounds` passes: the job for the channel
 * was active then, so their instance could not queue another, and they would otherwise wait
 * for the next delivery tick.
 */
export async function deliverOneChannel(channelId: string, deps: DeliveryDeps, rounds = 20): Promise<DeliveryReport> {
  const report = emptyReport();
  for (let round = 0; round < rounds; round++) {
    const before = report.delivered + report.retried + report.dead;
    await deliverChannel(channelId, deps, report);
    // Done when nothing went out this pass, or what is left must wait (rate limit, outage, lease).
    if (report.delivered + report.retried + report.dead === before || report.waiting > 0) break;
  }
  return report;
}

/** The channels a poll queued alerts for (its report's outcomes). */
export function queuedChannels(report: IngestReport): string[] {
  const ids = new Set<string>();
  for (const outcome of report.outcomes)
    for (const channel of outcome.channels) if (channel.outcome === 'queued') ids.add(channel.channelId);
  return [...ids];
}

/** Channels past which one read of the outbox's index beats a read per channel (a ban every channel takes). */
export const HEAD_READS_MAX = 50;

/** Of these channels, those with entries waiting, each with when its head entry is due (epoch ms; unreadable: at once). */
export async function headsOf(outbox: Outbox, channels: readonly string[]): Promise<Map<string, number>> {
  if (channels.length > HEAD_READS_MAX) {
    const wanted = new Set(channels);
    return new Map([...(await outbox.dueChannels(Infinity))].filter(([channelId]) => wanted.has(channelId)));
  }
  const heads = await Promise.all(
    channels.map(async (channelId) => [channelId, (await outbox.pendingFor(channelId, 1))[0]] as const),
  );
  return new Map(
    heads.flatMap(([channelId, head]) => (head ? [[channelId, Date.parse(head.nextAttemptAt) || 0]] : [])),
  );
}

function emptyReport(): DeliveryReport {
  return { delivered: 0, retried: 0, dead: 0, waiting: 0 };
}

/** Entries read per pass over a channel: a backlog is worked in slices, never read whole. */
export const CHANNEL_BATCH = 100;

async function deliverChannel(channelId: string, deps: DeliveryDeps, report: DeliveryReport): Promise<void> {
  const { leases, instanceId = 'local' } = deps;
  const work = async (held?: () => boolean) => {
    // Under a lease this read comes after taking it: the previous holder may have delivered some.
    for (;;) {
      const entries = await deps.outbox.pendingFor(channelId, CHANNEL_BATCH);
      if (!entries.length) return;
      const before = report.waiting;
      const settled = report.delivered + report.retried + report.dead;
      await deliverChannelEntries(channelId, entries, deps, report, held);
      // A full slice all sent: the next slice; anything left waiting ends the channel's turn.
      const sent = report.delivered + report.retried + report.dead - settled;
      if (entries.length < CHANNEL_BATCH || report.waiting > before || sent < entries.length) return;
    }
  };
  if (!leases) return work();
  const done = await withLease(leases, `deliver:${channelId}`, instanceId, async (held) => {
    await work(held);
    return true;
  });
  if (!done) report.waiting += 1;
}

async function deliverChannelEntries(
  channelId: string,
  entries: OutboxEntry[],
  deps: DeliveryDeps,
  report: DeliveryReport,
  held: () => boolean = () => true,
): Promise<void> {
  const channel = await deps.channel(channelId);
  let pause = await deps.pauses?.get(channelId);
  if (pause && !channel) {
    // Removed while paused: its entries are dead-lettered below, and no pause stays in `status`.
    await deps.pauses?.remove(channelId);
    pause = undefined;
  }
  if (pause && !probeDue(pause, deps)) {
    report.waiting += entries.length;
    return;
  }
  let posted = false;
  for (const [index, entry] of entries.entries()) {
    // Stopping, or the channel's lease was lost (another instance may be on it now).
    if (deps.stopping?.() || !held()) {
      report.waiting += entries.length - index;
      return;
    }
    const now = deps.clock.now();
    const mustWait = !deps.retryNow || entry.rateLimited;
    if (mustWait && Date.parse(entry.nextAttemptAt) > now.getTime()) {
      report.waiting += entries.length - index;
      return;
    }
    // The pause comes before the check below, so what is checked is what is about to be sent.
    if (posted && deps.channelGapMs && channel?.type !== 'console')
      await new Promise((resolve) => setTimeout(resolve, deps.channelGapMs));
    // A crash after recording a delivery but before removing the entry: it went out already.
    const record = await deps.outbox.delivery(entry.key);
    if (record) {
      await deps.outbox.markDelivered(entry, record);
      continue;
    }
    if (!channel) {
      await deps.outbox.deadLetter(entry, `channel ${channelId} is no longer configured`, now.toISOString());
      report.dead++;
      continue;
    }
    const notifier = deps.notifierFor(channel);
    if (!notifier) {
      await deps.outbox.deadLetter(entry, `no notifier is set up for ${channel.type} channels`, now.toISOString());
      report.dead++;
      continue;
    }
    await deps.flush?.();
    const outcome = await attempt(entry, channel, notifier, deps);
    posted = true;
    deps.metrics?.delivery(channel.type, outcome.status);
    const log = { channelId, itemId: itemIdOf(entry), attempts: entry.attempts + 1 };
    if (outcome.status === 'unauthorized') {
      await pauseChannel(channelId, entry, outcome.reason, pause, deps);
      report.retried++;
      report.waiting += entries.length - index;
      return;
    }
    if (outcome.status === 'delivered') {
      if (pause && index === 0) await resumeChannel(channelId, pause, deps);
      await recordThread(entry, channel, outcome, deps);
      const at = deps.clock.now().toISOString();
      // Before the delivery record: recording history again after a crash is a no-op, missing it is not.
      await deps.history?.record(historyRecords(entry, channel, at, outcome.ref));
      await deps.outbox.markDelivered(entry, { at, ref: outcome.ref });
      await deps.flush?.();
      deps.logger.info(log, 'alert delivered');
      report.delivered++;
      continue;
    }
    if (outcome.status === 'rejected' || entry.attempts + 1 >= deps.maxAttempts) {
      const reason =
        outcome.status === 'rejected'
          ? outcome.reason
          : `gave up after ${entry.attempts + 1} attempts: ${outcome.reason}`;
      await deps.outbox.deadLetter(entry, reason, deps.clock.now().toISOString());
      deps.logger.error({ ...log, reason }, 'alert moved to the dead-letter list');
      report.dead++;
      continue;
    }
    const delay = deliveryRetryDelay(entry.attempts, outcome.retryAfterMs);
    const nextAttemptAt = new Date(deps.clock.now().getTime() + delay).toISOString();
    await deps.outbox.reschedule(entry, nextAttemptAt, outcome.reason, outcome.retryAfterMs !== undefined);
    deps.logger.warn({ ...log, reason: outcome.reason, nextAttemptAt }, 'delivery failed; will retry');
    report.retried++;
    report.waiting += entries.length - index;
    return;
  }
}

/** Channels this process has probed since it started: a restart (with a fixed token) probes at once. */
const probedSince = new WeakMap<DeliveryPauses, Set<string>>();

function probeDue(pause: DeliveryPause, deps: DeliveryDeps): boolean {
  if (!deps.pauses) return true;
  const probed = probedSince.get(deps.pauses) ?? new Set<string>();
  probedSince.set(deps.pauses, probed);
  if (probed.has(pause.channelId) && Date.parse(pause.nextProbeAt) > deps.clock.now().getTime()) return false;
  probed.add(pause.channelId);
  return true;
}

/**
 * Credentials or the webhook refused: the channel pauses instead of dead-lettering — its alerts stay queued,
 * operators hear of it once (an error log with DELIVERY_PAUSED, and `status`), and a probe every
 * PROBE_EVERY_MS (and at each start) tries again.
 */
async function pauseChannel(
  channelId: string,
  entry: OutboxEntry,
  reason: string,
  pause: DeliveryPause | undefined,
  deps: DeliveryDeps,
): Promise<void> {
  const now = deps.clock.now();
  const nextProbeAt = new Date(now.getTime() + PROBE_EVERY_MS).toISOString();
  if (!deps.pauses) {
    await deps.outbox.reschedule(entry, nextProbeAt, reason);
    return;
  }
  await deps.pauses.put({ channelId, reason, since: pause?.since ?? now.toISOString(), nextProbeAt });
  if (!pause)
    deps.logger.error(
      { channelId, reason, code: 'DELIVERY_PAUSED' },
      `delivery to ${channelId} paused: the platform refused banwatch's credentials or webhook (${reason}); its alerts are kept and go out once they are accepted again`,
    );
}

async function resumeChannel(channelId: string, pause: DeliveryPause, deps: DeliveryDeps): Promise<void> {
  await deps.pauses?.remove(channelId);
  deps.logger.warn({ channelId, pausedSince: pause.since }, `delivery to ${channelId} resumed: credentials accepted`);
}

async function attempt(
  entry: OutboxEntry,
  channel: Channel,
  notifier: Notifier,
  deps: DeliveryDeps,
): Promise<DeliveryOutcome> {
  try {
    if (entry.payload.type === 'notice') return await notifier.notify(entry.payload.notice, channel);
    if (entry.payload.type === 'digest') return await notifier.digest(entry.payload.digest, channel);
    const thread = entry.payload.alert.thread;
    const replyTo = thread ? await deps.threads.get(channel.id, thread.key) : undefined;
    return await notifier.send(entry.payload.alert, channel, replyTo);
  } catch (error) {
    // Notifiers sort failures themselves; anything thrown is unexpected and retried.
    return { status: 'retry', reason: `notifier error: ${errorMessage(error)}` };
  }
}

async function recordThread(
  entry: OutboxEntry,
  channel: Channel,
  outcome: Extract<DeliveryOutcome, { status: 'delivered' }>,
  deps: DeliveryDeps,
): Promise<void> {
  const ref = outcome.ref;
  if (entry.payload.type !== 'alert' || !ref) return;
  const thread = entry.payload.alert.thread;
  if (!thread) return;
  // The first message of a story is kept; a replacement thread (the old one was deleted) takes its place.
  if (outcome.newThread || !(await deps.threads.get(channel.id, thread.key)))
    await deps.threads.set(channel.id, thread.key, ref);
}

function itemIdOf(entry: OutboxEntry): string {
  if (entry.payload.type === 'alert') return entry.payload.alert.itemKey;
  return entry.payload.type === 'notice' ? entry.payload.notice.id : entry.payload.digest.id;
}
