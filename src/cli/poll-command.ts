import type { App } from '../main.js';
import type { CliIo } from './cli-io.js';

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A platform that asks for a short pause (Retry-After) is waited for; anything longer stays queued. */
const MAX_RATE_LIMIT_WAIT_MS = 15_000;

async function waitOutRateLimits(app: App): Promise<void> {
  const deadline = Date.now() + MAX_RATE_LIMIT_WAIT_MS;
  for (;;) {
    const limited = (await app.stores.outbox.pending()).filter((entry) => entry.rateLimited);
    const next = Math.min(...limited.map((entry) => Date.parse(entry.nextAttemptAt)));
    if (!limited.length || next > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now()) + 50));
    await app.engine.deliver();
  }
}

/**
 * `poll --once`: every source once, then deliver. A failing source is reported, not fatal:
 * the exit status is 0 as long as the run itself worked.
 */
export async function pollOnceCommand(app: App, io: CliIo): Promise<number> {
  const results = await app.engine.pollAll();
  await waitOutRateLimits(app);
  for (const result of results) {
    switch (result.status) {
      case 'ok':
        io.stderr.write(
          result.firstPoll
            ? `${result.sourceId}: first poll, recorded ${count(result.report.fresh, 'existing item')}\n`
            : `${result.sourceId}: ${count(result.report.fresh, 'new item')}, ${count(result.report.queued, 'alert')} queued\n`,
        );
        if (result.warning) io.stderr.write(`${result.sourceId}: WARNING ${result.warning}\n`);
        break;
      case 'not-modified':
        io.stderr.write(`${result.sourceId}: not modified\n`);
        break;
      case 'paused':
        io.stderr.write(`${result.sourceId}: paused (resume with \`banwatch feeds resume ${result.sourceId}\`)\n`);
        break;
      case 'elsewhere':
        io.stderr.write(`${result.sourceId}: being polled by another instance\n`);
        break;
      case 'failed':
        io.stderr.write(`${result.sourceId}: FAILED (${result.failure.kind}) ${result.failure.message}\n`);
        break;
    }
  }
  const counts = await app.stores.outbox.counts();
  io.stderr.write(`outbox: ${counts.pending} waiting, ${counts.dead} dead-lettered\n`);
  return 0;
}
