import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startQueuedDelivery } from '../../src/runtime/bullmq-delivery.js';
import { silentLogger } from '../../src/shared/logger.js';
import { serviceUrl, testTag } from '../support/service-urls.js';

const redis = serviceUrl('REDIS_URL');

describe.skipIf(!redis)('queued delivery on BullMQ', () => {
  it('runs a channel again after a job for it failed: a failed job never blocks its id', async () => {
    const runs: string[] = [];
    let failNext = true;
    const queue = startQueuedDelivery(
      redis as string,
      testTag(),
      async (channelId) => {
        runs.push(channelId);
        if (failNext) {
          failNext = false;
          throw new Error('store away');
        }
      },
      silentLogger(),
      { retry: { attempts: 1, delayMs: 10 } },
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

  it('asks for no second job while a channel keeps the same head, and for one as soon as the head changes', async () => {
    const runs: string[] = [];
    const queue = startQueuedDelivery(
      redis as string,
      testTag(),
      async (channelId) => void runs.push(channelId),
      silentLogger(),
    );
    const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
    try {
      const head = Date.now() - 1_000;
      await queue.schedule(new Map([['team', head]]));
      await settle();
      expect(runs).toEqual(['team']);
      // The job ran and is gone; the same head again (a tick while the head waits, say a
      // lease held elsewhere) adds nothing, though BullMQ would have taken a new job.
      await queue.schedule(new Map([['team', head]]));
      await settle();
      expect(runs).toEqual(['team']);
      await queue.schedule(new Map([['team', head + 1]]));
      await settle();
      expect(runs).toEqual(['team', 'team']);
    } finally {
      await queue.close();
    }
  });

  it("counts a job's delay on the app's clock, the one the due times were read on", async () => {
    const runs: string[] = [];
    // The app's clock is a day ahead of this machine's: a channel due now by it is due now, not
    // in a day (counted from the machine's clock, its job would wait 24 hours).
    const ahead = Date.now() + 86_400_000;
    const queue = startQueuedDelivery(
      redis as string,
      testTag(),
      async (channelId) => void runs.push(channelId),
      silentLogger(),
      {
        clock: { now: () => new Date(ahead) },
      },
    );
    try {
      await queue.schedule(new Map([['team', ahead]]));
      for (let i = 0; i < 40 && !runs.length; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(runs).toEqual(['team']);
    } finally {
      await queue.close();
    }
  });

  it("takes over a channel whose job's instance was killed mid-job, within about 20 s", async () => {
    const prefix = testTag();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '..', 'support', 'hanging-delivery-worker.ts'), redis as string, prefix],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) =>
      child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('running') && resolve()),
    );
    child.kill('SIGKILL');
    const runs: number[] = [];
    const started = Date.now();
    const queue = startQueuedDelivery(
      redis as string,
      prefix,
      async () => void runs.push(Date.now() - started),
      silentLogger(),
    );
    try {
      // The id `ch-team` is still taken by the dead job: asking again changes nothing until
      // BullMQ finds that job stalled and gives it to this worker.
      for (let i = 0; i < 60 && !runs.length; i++) {
        await queue.schedule(new Map([['team', Date.now()]]));
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(runs.length).toBeGreaterThanOrEqual(1);
      expect(runs[0]).toBeLessThan(25_000);
    } finally {
      await queue.close();
    }
  }, 60_000);
});
