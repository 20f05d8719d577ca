import type { App } from '../main.js';
import type { PollSummary } from '../pipeline/poll-source.js';
import { errorMessage } from '../shared/errors.js';
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
 * Why the store did not keep everything this run wrote (a full disk), or undefined. Items whose
 * writes were lost were never marked done, so the next run processes them again.
 */
async function storeTrouble(app: App, failedBefore: number): Promise<string | undefined> {
  const failed = (app.stores.backend.failedWrites?.() ?? 0) - failedBefore;
  try {
    await app.stores.backend.flush();
    await app.stores.backend.ping();
  } catch (error) {
    return errorMessage(error);
  }
  return failed > 0 ? `${count(failed, 'write')} to the store failed` : undefined;
}

/** The run in one line, for a cron log that lists 2,000 feeds above it. */
function summaryLine(results: readonly PollSummary[]): string {
  const tally = (status: PollSummary['status']) => results.filter((result) => result.status === status).length;
  const reports = results.flatMap((result) => (result.status === 'ok' ? [result.report] : []));
  const withNew = reports.filter((report) => report.fresh > 0).length;
  const items = reports.reduce((sum, report) => sum + report.fresh, 0);
  const alerts = reports.reduce((sum, report) => sum + report.queued, 0);
  const parts = [`${withNew} with new items (${count(items, 'item')}, ${count(alerts, 'alert')} queued)`];
  if (reports.length > withNew) parts.push(`${reports.length - withNew} with nothing new`);
  parts.push(`${tally('not-modified')} not modified`, `${tally('failed')} failed`);
  if (tally('backing-off')) parts.push(`${tally('backing-off')} waiting out a backoff`);
  if (tally('paused')) parts.push(`${tally('paused')} paused`);
  if (tally('elsewhere')) parts.push(`${tally('elsewhere')} polled by another instance`);
  return `polled ${count(results.length, 'source')}: ${parts.join(', ')}`;
}

/**
 * `poll --once`: every source once, the digests now due, then deliver. A line for each source
 * with news, trouble or a pause, then the summary. A failing source is reported, not fatal:
 * the exit status is 0 as long as the run itself worked. A store that failed to write (a full
 * disk) is a failed run: exit 1, and nothing that was not stored is marked done.
 */
export async function pollOnceCommand(app: App, io: CliIo): Promise<number> {
  const failedBefore = app.stores.backend.failedWrites?.() ?? 0;
  const results = await app.engine.pollAll({ deliver: false });
  // A digest channel's alerts only ever leave in its digest: from cron, each run is the tick
  // that `run` makes every minute, so a digest goes out with the first run after its firing.
  let digests = 0;
  let digestTrouble: string | undefined;
  try {
    digests = await app.digestScheduler.tick();
  } catch (error) {
    // The store is away: the digests wait for the next run, like the polls reported above.
    digestTrouble = errorMessage(error);
  }
  await app.engine.deliver({ retryNow: true });
  await waitOutRateLimits(app);
  for (const result of results) {
    switch (result.status) {
      case 'ok':
        // A feed without validators answers 200 with nothing new: counted, like the 304s.
        if (!result.firstPoll && !result.report.fresh && !result.warning) break;
        io.stderr.write(
          result.firstPoll
            ? `${result.sourceId}: first poll, recorded ${count(result.report.fresh, 'existing item')}\n`
            : `${result.sourceId}: ${count(result.report.fresh, 'new item')}, ${count(result.report.queued, 'alert')} queued\n`,
        );
        if (result.warning) io.stderr.write(`${result.sourceId}: WARNING ${result.warning}\n`);
        break;
      case 'not-modified':
        // Counted in the summary only: at 2,000 feeds, a line each buried the few that had news.
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
      case 'backing-off':
        io.stderr.write(
          `${result.sourceId}: failing (${count(result.failures, 'failure')} in a row), tried again after ${result.nextPollAt}\n`,
        );
        break;
    }
  }
  io.stderr.write(`${summaryLine(results)}\n`);
  if (digests) io.stderr.write(`digests: ${count(digests, 'digest')} due and queued\n`);
  if (digestTrouble) io.stderr.write(`digests: FAILED ${digestTrouble} (they go out with the next run)\n`);
  const counts = await app.stores.outbox.counts();
  io.stderr.write(`outbox: ${counts.pending} waiting, ${counts.dead} dead-lettered\n`);
  const trouble = await storeTrouble(app, failedBefore);
  if (trouble === undefined) return 0;
  io.stderr.write(
    `store: FAILED (STORE_UNAVAILABLE) ${trouble}; what was not stored is not marked done, so run poll --once again once the store can write\n`,
  );
  return 1;
}
