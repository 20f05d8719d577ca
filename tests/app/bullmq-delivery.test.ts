import { describe, expect, it } from 'vitest';
import { startQueuedDelivery } from '../../src/app/bullmq-delivery.js';
import { silentLogger } from '../../src/shared/logger.js';
import { serviceUrl } from '../support/service-urls.js';

const redis = serviceUrl('REDIS_URL');

describe.skipIf(!redis)('queued delivery on BullMQ', () => {
  it('runs a channel again after a job for it failed: a failed job never blocks its id', async () => {
    const runs: string[] = [];
    let failNext = true;
    const queue = startQueuedDelivery(
      redis as string,
      `bwtest-${Date.now().toString(36)}`,
      async (channelId) => {
        runs.push(channelId);
        if (failNext) {
          failNext = false;
          throw new Error('store away');
        }
      },
      silentLogger(),
      { attempts: 1, delayMs: 10 },
    );
    const waitFor = async (count: number) => {
      for (let i = 0; i < 100 && runs.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    try {
      await queue.schedule(new Map([['team', Date.now()]]));
      await waitFor(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await queue.schedule(new Map([['team', Date.now()]]));
      await waitFor(2);
      expect(runs).toEqual(['team', 'team']);
    } finally {
      await queue.close();
    }
  });
});
