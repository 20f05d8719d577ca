import type { Channel } from '../domain/channel.js';
import type { Clock } from '../domain/clock.js';
import type { Digest, DigestInbox } from '../domain/digest.js';
import { digestSlot } from '../domain/digest-schedule.js';
import { outboxKey } from '../domain/outbox.js';
import type { Outbox } from '../domain/ports.js';
import { errorMessage } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

export interface DigestDeps {
  inbox: DigestInbox;
  outbox: Pick<Outbox, 'enqueue'>;
  clock: Clock;
  logger: Logger;
  channels(): Promise<Channel[]>;
  /** This process, as the owner of a period's claim. */
  instanceId: string;
  /** How long a period's claim holds if its instance dies while building it (default two minutes). */
  buildClaimMs?: number;
}

const BUILD_CLAIM_MS = 120_000;

/**
 * Turns each digest channel's collected alerts into one outbox entry per period, driven by a
 * node-cron tick (every minute). Whether a digest is due is `digestSlot` over the injected
 * clock; that a period is built once, across restarts and instances, is a claim in the store;
 * that it is sent once is the outbox key (channel + period). Delivery then works it like any
 * alert: retries, Retry-After, pauses, dead letters.
 *
 * Order, for crash safety: claim -> queue the digest -> drop its alerts from the inbox -> mark
 * the period done. A crash anywhere repeats the steps after the claim lapses, and each is idempotent.
 */
export class DigestScheduler {
  /** Periods known done, per channel: spares the store a read every minute. */
  private readonly done = new Map<string, string>();

  constructor(private readonly deps: DigestDeps) {}

  /** Queues the digests that are due; returns how many were queued. */
  async tick(): Promise<number> {
    const now = this.deps.clock.now();
    let queued = 0;
    for (const channel of await this.deps.channels()) {
      if (!channel.digest) continue;
      try {
        if (await this.runChannel(channel, now)) queued++;
      } catch (error) {
        this.deps.logger.error({ channelId: channel.id, err: error }, `digest not built: ${errorMessage(error)}`);
      }
    }
    return queued;
  }

  private async runChannel(channel: Channel, now: Date): Promise<boolean> {
    const schedule = channel.digest;
    if (!schedule) return false;
    const slot = digestSlot(now, schedule);
    if (this.done.get(channel.id) === slot.period) return false;
    const { inbox } = this.deps;
    const claim = await inbox.claim(
      channel.id,
      slot.period,
      this.deps.instanceId,
      this.deps.buildClaimMs ?? BUILD_CLAIM_MS,
    );
    if (claim === 'held') return false;
    if (claim === 'done') {
      this.done.set(channel.id, slot.period);
      return false;
    }
    // What arrived after the firing waits for the next period.
    const collected = (await inbox.collected(channel.id)).filter((c) => Date.parse(c.at) <= slot.at.getTime());
    let queued = false;
    if (collected.length) {
      const digest: Digest = {
        id: `digest:${slot.period}`,
        channelId: channel.id,
        every: schedule.every,
        date: slot.period.slice(slot.period.indexOf(':') + 1),
        timezone: schedule.timezone,
        until: slot.at.toISOString(),
        alerts: collected.map((c) => c.alert),
        createdAt: now.toISOString(),
      };
      const at = now.toISOString();
      const entry = { payload: { type: 'digest' as const, digest }, attempts: 0, createdAt: at, nextAttemptAt: at };
      queued =
        (await this.deps.outbox.enqueue([{ ...entry, key: outboxKey(channel.id, digest.id), channelId: channel.id }])) >
        0;
      await inbox.remove(
        channel.id,
        collected.map((c) => c.alert.id),
      );
      this.deps.logger.info(
        { channelId: channel.id, period: slot.period, alerts: collected.length },
        `${schedule.every} digest for ${channel.id} queued with ${collected.length} alert(s)`,
      );
    }
    // An empty period is done too: nothing is sent for it.
    await inbox.settle(channel.id, slot.period);
    this.done.set(channel.id, slot.period);
    return queued;
  }
}
