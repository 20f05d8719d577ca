import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startQueuedDelivery } from '../../src/runtime/bullmq-delivery.js';
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

  it('asks for no second job while a channel keeps the same head, and for one as soon as the head changes', async () => {
    const runs: string[] = [];
    const queue = startQueuedDelivery(
      redis as string,
      `bwtest-${Date.now().toString(36)}-memo`,
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

  it("takes over a channel whose job's instance was killed mid-job, within about 20 s", async () => {
    const prefix = `bwtest-${Date.now().toString(36)}-kill`;
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
