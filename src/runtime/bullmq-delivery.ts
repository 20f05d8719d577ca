import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { systemClock, type Clock } from '../domain/clock.js';
import type { DeliveryQueue } from '../pipeline/engine.js';
import { errorMessage } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

export interface QueuedDelivery extends DeliveryQueue {
  close(): Promise<void>;
}

/** How long a channel's job is taken to cover its unchanged head (BullMQ's stalled check takes ~20 s). */
export const ASK_AGAIN_MS = 60_000;
const MEMO_LIMIT = 20_000;

export interface QueuedDeliveryOptions {
  /** Attempts per job and the first backoff (exponential after it). */
  retry?: { attempts: number; delayMs: number };
  /** The app's clock: the due times it is given are on it, and a job's delay is counted from it. */
  clock?: Clock;
}

/** One job per channel with deliveries due; the worker delivers that channel's outbox in order. */
interface DeliveryJob {
  channelId: string;
}

/**
 * Deliveries across instances through BullMQ on the store's Redis: one job per channel with
 * work (its id is the channel, so a channel is queued once however many instances ask), run by
 * whichever instance's worker is free. The job works that channel's outbox in order under the
 * channel's lease, pacing posts; a job that throws (store trouble) is retried with backoff,
 * and a job whose instance died is picked up again by BullMQ's stalled-job check.
 */
export function startQueuedDelivery(
  redisUrl: string,
  prefix: string,
  run: (channelId: string) => Promise<void>,
  logger: Logger,
  options: QueuedDeliveryOptions = {},
): QueuedDelivery {
  const retry = options.retry ?? { attempts: 5, delayMs: 2_000 };
  const clock = options.clock ?? systemClock;
  const workerConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  // The producer fails fast while Redis is away; the next tick tries again.
  const queueConnection = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  for (const connection of [workerConnection, queueConnection]) connection.on('error', () => undefined);
  const name = 'deliveries';
  const queue = new Queue<DeliveryJob>(name, {
    connection: queueConnection,
    prefix: `${prefix}:bull`,
    // A finished or failed job must go: BullMQ ignores a new job whose id still exists in any
    // state, and the next tick re-adds the channel's job with the same id.
    defaultJobOptions: {
      removeOnComplete: true,
      removeOnFail: true,
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.delayMs },
    },
  });
  queue.on('error', () => undefined);
  const worker = new Worker<DeliveryJob>(
    name,
    async (job) => {
      await run(job.data.channelId);
    },
    {
      connection: workerConnection,
      prefix: `${prefix}:bull`,
      concurrency: 8,
      limiter: { max: 50, duration: 1_000 },
      // A job's id stays taken while it is active: if its instance dies, the channel waits until
      // BullMQ finds the job stalled. Short locks (renewed while the job runs) keep that wait ~20 s.
      lockDuration: 15_000,
      stalledInterval: 5_000,
    },
  );
  worker.on('failed', (job, error) =>
    logger.warn({ channelId: job?.data.channelId, err: error }, `delivery job failed: ${errorMessage(error)}`),
  );
  worker.on('error', (error) => logger.warn({ err: error }, `delivery worker: ${errorMessage(error)}`));
  // The head each channel last got a job for here. While a channel's head stays the same its
  // job (waiting, or working through the channel) covers everything behind it, so the tick does
  // not ask again: BullMQ would ignore the duplicate, but each ask is a script run on Redis, and
  // during a burst to 10,000 channels every instance asked for every channel every tick. Asked
  // again after a while anyway, in case a job went missing.
  const asked = new Map<string, { dueAt: number; at: number }>();
  return {
    async schedule(work) {
      const now = clock.now().getTime();
      const fresh = [...work.entries()].filter(([channelId, dueAt]) => {
        const last = asked.get(channelId);
        return !last || last.dueAt !== dueAt || now - last.at >= ASK_AGAIN_MS;
      });
      for (const [channelId, dueAt] of fresh) asked.set(channelId, { dueAt, at: now });
      // Heads long gone are forgotten, so the memo holds only channels with recent work.
      if (asked.size > MEMO_LIMIT)
        for (const [channelId, last] of asked) if (now - last.at >= ASK_AGAIN_MS) asked.delete(channelId);
      await Promise.all(
        fresh.map(([channelId, dueAt]) => {
          const delay = Math.max(0, dueAt - now);
          // A job due later gets its own id, so it does not block the immediate one.
          const jobId = delay > 0 ? `ch-${channelId}-at-${dueAt}` : `ch-${channelId}`;
          // Not added (Redis away): asked again at the next tick.
          return queue.add('deliver', { channelId }, { jobId, delay }).catch((error: unknown) => {
            asked.delete(channelId);
            throw error;
          });
        }),
      );
    },
    async close() {
      await worker.close();
      await queue.close();
      workerConnection.disconnect();
      queueConnection.disconnect();
    },
  };
}
