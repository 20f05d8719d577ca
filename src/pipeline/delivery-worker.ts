import type { Channel } from '../domain/channel.js';
import type { Clock } from '../domain/clock.js';
import { PROBE_EVERY_MS, type DeliveryPause, type DeliveryPauses } from '../domain/delivery-pause.js';
import type { Leases } from '../domain/lease.js';
import type { Metrics } from '../domain/metrics.js';
import type { DeliveryOutcome, Notifier } from '../domain/notifier.js';
import type { OutboxEntry } from '../domain/outbox.js';
import type { Outbox, ThreadStore } from '../domain/ports.js';
import { errorMessage } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { deliveryRetryDelay } from './backoff.js';
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
  const byChannel = groupByChannel(await deps.outbox.pending());
  await Promise.all(
    [...byChannel.entries()].map(([channelId, entries]) => deliverChannel(channelId, entries, deps, report)),
  );
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
    const entries = groupByChannel(await deps.outbox.pending()).get(channelId) ?? [];
    const before = report.delivered + report.retried + report.dead;
    await deliverChannel(channelId, entries, deps, report);
    // Done when nothing went out this pass, or what is left must wait (rate limit, outage, lease).
    if (report.delivered + report.retried + report.dead === before || report.waiting > 0) break;
  }
  return report;
}

/** Channels with entries waiting, each with the time its head entry is due (epoch ms). */
export async function channelsWithWork(outbox: Outbox): Promise<Map<string, number>> {
  const due = new Map<string, number>();
  for (const [channelId, entries] of groupByChannel(await outbox.pending())) {
    const head = entries[0];
    if (head) due.set(channelId, Date.parse(head.nextAttemptAt));
  }
  return due;
}

function emptyReport(): DeliveryReport {
  return { delivered: 0, retried: 0, dead: 0, waiting: 0 };
}

function groupByChannel(entries: readonly OutboxEntry[]): Map<string, OutboxEntry[]> {
  const byChannel = new Map<string, OutboxEntry[]>();
  for (const entry of entries) {
    const list = byChannel.get(entry.channelId) ?? [];
    list.push(entry);
    byChannel.set(entry.channelId, list);
  }
  return byChannel;
}

async function deliverChannel(
  channelId: string,
  entries: OutboxEntry[],
  deps: DeliveryDeps,
  report: DeliveryReport,
): Promise<void> {
  if (!entries.length) return;
  const { leases, instanceId = 'local' } = deps;
  if (!leases) return deliverChannelEntries(channelId, entries, deps, report);
  const done = await withLease(leases, `deliver:${channelId}`, instanceId, async (held) => {
    // Re-read under the lease: the previous holder may have delivered some of these.
    const fresh = groupByChannel(await deps.outbox.pending()).get(channelId) ?? [];
    await deliverChannelEntries(channelId, fresh, deps, report, held);
    return true;
  });
  if (!done) report.waiting += entries.length;
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
      await deps.outbox.markDelivered(entry, { at: deps.clock.now().toISOString(), ref: outcome.ref });
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
 * Credentials refused: the channel pauses instead of dead-lettering — its alerts stay queued,
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
      `delivery to ${channelId} paused: the platform refused banwatch's credentials (${reason}); its alerts are kept and go out once they are accepted again`,
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
  return entry.payload.type === 'alert' ? entry.payload.alert.itemKey : entry.payload.notice.id;
}
