import cron, { type ScheduledTask } from 'node-cron';
import type { Channel } from '../domain/channel.js';
import type { Leases } from '../domain/lease.js';
import type { Notifier } from '../domain/notifier.js';
import type { FeedStateStore, Outbox, ThreadStore } from '../domain/ports.js';
import type { Source } from '../domain/source.js';
import { errorMessage } from '../shared/errors.js';
import type { ChannelDirectory } from './channel-directory.js';
import { deliverDue, headsOf, queuedChannels, type DeliveryReport } from './delivery-worker.js';
import { mapLimited } from './limit.js';
import { type PollDeps, pollSource, type PollSummary } from './poll-source.js';
import { withLease } from './with-lease.js';

export interface EngineDeps extends PollDeps {
  feeds: FeedStateStore;
  outbox: Outbox;
  threads: ThreadStore;
  channels: ChannelDirectory;
  notifierFor(channel: Channel): Notifier | undefined;
  maxAttempts: number;
  /** How often due sources are looked for (cron, with seconds). */
  tick?: string;
  /** How often the outbox is worked (cron, with seconds), besides right after a poll queues alerts. */
  deliveryTick?: string;
  pollConcurrency?: number;
  /** Removes expired claims (hourly). */
  sweep?(): Promise<void>;
  /** Shared leases when several instances share the store: each source is polled by one of them. */
  leases?: Leases;
  /** This process, as lease owner. */
  instanceId?: string;
  /** Several instances: scheduled deliveries go through this queue. */
  deliveryQueue?: DeliveryQueue;
  channelGapMs?: number;
  /** Digest channels: a tick every minute queues the digests that are due (digest-scheduler.ts). */
  digestScheduler?: { tick(): Promise<number> };
}

/** Hands channels with work to a shared queue (BullMQ) instead of working the outbox here. */
export interface DeliveryQueue {
  /**
   * Channel id -> when its head entry is due (epoch ms). A channel asked for again with the same
   * head need not get another job: the one asked for works everything behind that head.
   */
  schedule(work: Map<string, number>): Promise<void>;
}

/** How often the scheduler reads every source's state, not only those it expects due. */
const FULL_READ_MS = 30_000;
/** How many feed states one store read asks for (the scheduler's reads, `run`'s banner). */
export const STATE_SLICE = 2_000;

/** A shuffled copy, so instances sharing a store do not all take due sources in one order. */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Runs polls and deliveries. Each source has its own due time (its interval, pushed back by
 * backoff or Retry-After, and a random offset on first sight so a restart does not poll every
 * feed in the same second); a node-cron tick starts the due ones, never two polls of one
 * source at once. Deliveries are single-flight: a request during a run schedules one more.
 */
export class Engine {
  private readonly inFlight = new Map<string, Promise<PollSummary>>();
  private readonly firstSeen = new Map<string, number>();
  /** Each source's next poll as last read from the store; unknown means read it. */
  private readonly knownNext = new Map<string, number>();
  private lastFullRead = Number.NEGATIVE_INFINITY;
  private tasks: ScheduledTask[] = [];
  private delivering: Promise<DeliveryReport> | undefined;
  private deliverAgain = false;
  private stopped = false;
  /** Due sources not started yet (refilled each tick), and the channels they are routed to. */
  private backlog: Source[] = [];
  private channelsNow: Channel[] = [];

  constructor(
    private readonly sources: () => Source[],
    private readonly deps: EngineDeps,
  ) {}

  /**
   * Polls every (unpaused) source once, now, but a failing source only once its backoff has run
   * out, then delivers, retrying what waited out a backoff (but not a platform's Retry-After). For `poll --once`; the bench times the polls
   * alone (`deliver: false`) and the delivery after them separately.
   */
  async pollAll(options: { deliver?: boolean } = {}): Promise<PollSummary[]> {
    let channels: Channel[];
    try {
      channels = await this.deps.channels.all();
    } catch (error) {
      // The store is away: every source is reported failed, none is half-processed.
      const failure = { kind: 'network' as const, message: errorMessage(error) };
      this.deps.logger.error({ err: error }, `polls skipped: ${failure.message}`);
      return this.sources().map((source) => ({
        sourceId: source.id,
        status: 'failed' as const,
        failure,
        failures: 0,
        nextPollAt: '',
      }));
    }
    const results = await mapLimited(this.sources(), this.deps.pollConcurrency ?? 16, (source) =>
      this.pollOne(source, channels, false, true),
    );
    if (options.deliver !== false) await this.deliver({ retryNow: true });
    return results;
  }

  /**
   * Queues the sources that are due and starts them up to the concurrency limit, without
   * waiting: a slow feed holds only its own slot, and a slot is refilled from the queue as soon
   * as its poll ends (not at the next tick). Each instance takes due sources in its own random
   * order, so instances sharing a store do not all race for the same ones.
   */
  async pollDue(): Promise<void> {
    const now = this.deps.clock.now().getTime();
    // Only the states that may be due are read: at 100,000 feeds, reading every state each second
    // was most of an instance's work (issue 24). A state another instance or a command changed
    // (a resume) is seen at the next full read at the latest.
    const fullRead = now - this.lastFullRead >= FULL_READ_MS || now < this.lastFullRead;
    if (fullRead) this.lastFullRead = now;
    // One pass, keeping only the idle sources that may be due: a filtered copy of all 100,000
    // every second was 800 KB of large-object garbage a tick, piling up between full GCs.
    const sources = this.sources().filter(
      (source) => !this.inFlight.has(source.id) && (fullRead || (this.knownNext.get(source.id) ?? 0) <= now),
    );
    if (!sources.length) return;
    const due: Source[] = [];
    // Read in slices: all 100,000 states at once were a reply, its parsed documents and a Map
    // alive together, tens of MB of heap at every full read (issue 24).
    for (let start = 0; start < sources.length; start += STATE_SLICE) {
      const slice = sources.slice(start, start + STATE_SLICE);
      const states = await this.deps.feeds.getMany(slice.map((s) => s.id));
      for (const source of slice) {
        const state = states.get(source.id);
        const next = state?.nextPollAt;
        // A paused feed is read every tick, so a resume takes effect at once.
        if (next && !state.pausedAt) this.knownNext.set(source.id, Date.parse(next));
        else this.knownNext.delete(source.id);
        if (next) {
          // Its first sight is over: the stored due time rules from now on.
          this.firstSeen.delete(source.id);
          if (Date.parse(next) <= now) due.push(source);
          continue;
        }
        if (!this.firstSeen.has(source.id))
          this.firstSeen.set(source.id, now + Math.random() * Math.min(source.intervalMs * 0.1, 30_000));
        if ((this.firstSeen.get(source.id) ?? now) <= now) due.push(source);
      }
    }
    if (!due.length) return;
    this.channelsNow = await this.deps.channels.all();
    this.backlog = shuffled(due);
    this.fill();
  }

  private fill(): void {
    const limit = this.deps.pollConcurrency ?? 16;
    while (!this.stopped && this.inFlight.size < limit && this.backlog.length) {
      const source = this.backlog.shift() as Source;
      if (this.inFlight.has(source.id)) continue;
      void this.pollOne(source, this.channelsNow, true).then((summary) => {
        if (summary.status === 'ok' && summary.report.queued > 0) {
          this.scheduledDelivery(queuedChannels(summary.report)).catch((error: unknown) =>
            this.deps.logger.error({ err: error }, `delivery not scheduled: ${errorMessage(error)}`),
          );
        }
        this.fill();
      });
    }
  }

  /** Resolves when every poll under way has finished (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
    await this.delivering;
  }

  private pollOne(
    source: Source,
    channels: readonly Channel[],
    onlyIfDue: boolean,
    waitOutBackoff = false,
  ): Promise<PollSummary> {
    const running = this.inFlight.get(source.id);
    if (running) return running;
    const run = this.leasedPoll(source, channels, onlyIfDue, waitOutBackoff)
      .catch((error: unknown): PollSummary => {
        this.deps.logger.error(
          { sourceId: source.id, err: error },
          `poll of ${source.id} stopped: ${errorMessage(error)}`,
        );
        return {
          sourceId: source.id,
          status: 'failed',
          failure: { kind: 'network', message: errorMessage(error) },
          failures: 0,
          nextPollAt: '',
        };
      })
      .finally(() => this.inFlight.delete(source.id));
    this.inFlight.set(source.id, run);
    return run;
  }

  /**
   * With shared leases, polls only while holding the source's lease, and re-reads its state
   * under the lease: another instance may have polled it a moment ago.
   */
  private async leasedPoll(
    source: Source,
    channels: readonly Channel[],
    onlyIfDue: boolean,
    waitOutBackoff: boolean,
  ): Promise<PollSummary> {
    const { leases, instanceId = 'local' } = this.deps;
    if (!leases) return pollSource(source, channels, this.deps, undefined, { waitOutBackoff });
    const asked = this.deps.clock.now().getTime();
    const summary = await withLease(leases, `poll:${source.id}`, instanceId, async (): Promise<PollSummary> => {
      // Under the lease, re-read: another instance may have polled it while we waited.
      const state = await this.deps.feeds.get(source.id);
      const polledSince = state?.lastPollAt !== undefined && Date.parse(state.lastPollAt) >= asked;
      const notDue =
        onlyIfDue && state?.nextPollAt !== undefined && Date.parse(state.nextPollAt) > this.deps.clock.now().getTime();
      if (polledSince || notDue) return { sourceId: source.id, status: 'elsewhere' };
      return pollSource(source, channels, this.deps, undefined, { waitOutBackoff });
    });
    return summary ?? { sourceId: source.id, status: 'elsewhere' };
  }

  /**
   * The scheduled path: through the shared queue when there is one, else here. A poll that
   * queued alerts names its channels; the tick takes every channel whose head entry is due.
   * Only due work is handed over, each channel with its head's due time: reading every channel
   * with work and asking for a job for each after every poll that queued anything made the
   * fleet's Redis re-add thousands of existing jobs a second at 10,000 channels (issue 24's
   * scale run, where deliveries fell behind).
   */
  private async scheduledDelivery(channels?: readonly string[]): Promise<void> {
    const queue = this.deps.deliveryQueue;
    if (!queue) {
      await this.deliver();
      return;
    }
    const now = this.deps.clock.now().getTime();
    const work = channels ? await headsOf(this.deps.outbox, channels) : await this.deps.outbox.dueChannels(now);
    if (work.size) await queue.schedule(work);
  }

  /** Works the outbox once; concurrent calls share the run and ask for one more after it. */
  deliver(options: { retryNow?: boolean } = {}): Promise<DeliveryReport> {
    if (this.delivering) {
      this.deliverAgain = true;
      return this.delivering;
    }
    const run = async (): Promise<DeliveryReport> => {
      let report: DeliveryReport;
      do {
        this.deliverAgain = false;
        report = await deliverDue({
          ...this.deps,
          channel: (id) => this.deps.channels.get(id),
          retryNow: options.retryNow,
          stopping: () => this.stopped,
        });
      } while (this.deliverAgain && !this.stopped);
      return report;
    };
    this.delivering = run()
      .catch((error: unknown) => {
        this.deps.logger.error({ err: error }, `delivery stopped: ${errorMessage(error)}`);
        return { delivered: 0, retried: 0, dead: 0, waiting: 0 };
      })
      .finally(() => {
        this.delivering = undefined;
      });
    return this.delivering;
  }

  /** True between start() and stop(): readiness checks it. */
  get running(): boolean {
    return this.tasks.length > 0 && !this.stopped;
  }

  start(): void {
    const guard = (name: string, work: () => Promise<unknown>) => async () => {
      if (this.stopped) return;
      try {
        await work();
      } catch (error) {
        this.deps.logger.error({ err: error, task: name }, `${name} failed: ${errorMessage(error)}`);
      }
    };
    this.tasks = [
      cron.schedule(
        this.deps.tick ?? '* * * * * *',
        guard('scheduler', () => this.pollDue()),
        { name: 'banwatch-polls', noOverlap: true },
      ),
      cron.schedule(
        this.deps.deliveryTick ?? '*/5 * * * * *',
        guard('delivery', () => this.scheduledDelivery()),
        { name: 'banwatch-delivery', noOverlap: true },
      ),
      cron.schedule(
        '7 * * * * *',
        guard('digests', async () => {
          if (((await this.deps.digestScheduler?.tick()) ?? 0) > 0) await this.scheduledDelivery();
        }),
        { name: 'banwatch-digests', noOverlap: true },
      ),
      cron.schedule(
        '17 * * * *',
        guard('sweep', () => this.deps.sweep?.() ?? Promise.resolve()),
        { name: 'banwatch-sweep', noOverlap: true },
      ),
    ];
  }

  /** Stops scheduling, then waits for polls and deliveries under way (their work is never half-recorded). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const task of this.tasks) await task.destroy();
    this.tasks = [];
    await Promise.allSettled([...this.inFlight.values(), this.delivering]);
  }
}
