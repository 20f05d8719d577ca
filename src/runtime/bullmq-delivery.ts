import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { DeliveryQueue } from '../pipeline/engine.js';
import { errorMessage } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

export interface QueuedDelivery extends DeliveryQueue {
  close(): Promise<void>;
}

/**
 * Deliveries across instances through BullMQ on the store's Redis: one job per channel with
 * work (its id is the channel, so a channel is queued once however many instances ask), run by
 * whichever instance's worker is free. The job works that channel's outbox in order under the
 * channel's lease, pacing posts; a job that throws (store trouble) is retried with backoff,
 * and a job whose instance died is picked up again by BullMQ's stalled-job check.
 */
/** One job per channel with deliveries due; the worker delivers that channel's outbox in order. */
interface DeliveryJob {
  channelId: string;
}

export function startQueuedDelivery(
  redisUrl: string,
  prefix: string,
  run: (channelId: string) => Promise<void>,
  logger: Logger,
  retry: { attempts: number; delayMs: number } = { attempts: 5, delayMs: 2_000 },
): QueuedDelivery {
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
  return {
    async schedule(work) {
      const now = Date.now();
      await Promise.all(
        [...work.entries()].map(([channelId, dueAt]) => {
          const delay = Math.max(0, dueAt - now);
          // A job due later gets its own id, so it does not block the immediate one.
          const jobId = delay > 0 ? `ch-${channelId}-at-${dueAt}` : `ch-${channelId}`;
          return queue.add('deliver', { channelId }, { jobId, delay });
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
