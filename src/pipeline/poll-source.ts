import type { Channel } from '../domain/channel.js';
import type { Clock } from '../domain/clock.js';
import { emptyFeedState, type FeedState } from '../domain/feed-state.js';
import type { FeedStateStore } from '../domain/ports.js';
import type { Source, SourceFailure } from '../domain/source.js';
import { errorMessage } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { backoffDelay } from './backoff.js';
import { ingest, type IngestDeps, type IngestReport } from './ingest.js';

export interface PollDeps extends IngestDeps {
  feeds: FeedStateStore;
  logger: Logger;
  clock: Clock;
}

export type PollSummary =
  | { sourceId: string; status: 'ok'; report: IngestReport; firstPoll: boolean }
  | { sourceId: string; status: 'not-modified' }
  | { sourceId: string; status: 'failed'; failure: SourceFailure; failures: number; nextPollAt: string }
  | { sourceId: string; status: 'paused' };

/**
 * One poll of one source: fetch through the source, ingest what is new, and record the
 * outcome in the feed state (cursor, backoff, last error). Never throws for upstream
 * trouble; a store failure does throw, because then nothing can be recorded safely.
 */
export async function pollSource(source: Source, channels: readonly Channel[], deps: PollDeps, signal?: AbortSignal): Promise<PollSummary> {
  const state = (await deps.feeds.get(source.id)) ?? emptyFeedState(source.id);
  if (state.pausedAt) return { sourceId: source.id, status: 'paused' };
  const startedAt = deps.clock.now();
  let result: Awaited<ReturnType<Source['poll']>>;
  try {
    result = await source.poll(state.cursor, signal);
  } catch (error) {
    // A source must not throw; if one does, it is a bug, recorded like a parse failure.
    result = { ok: false, failure: { kind: 'parse', message: `source error: ${errorMessage(error)}` } };
  }
  const now = deps.clock.now();

  if (!result.ok) {
    const failures = state.failures + 1;
    const nextPollAt = new Date(now.getTime() + backoffDelay(failures, source.intervalMs, result.failure)).toISOString();
    await deps.feeds.put({
      ...state,
      cursor: result.cursor ?? state.cursor,
      lastPollAt: startedAt.toISOString(),
      lastError: { kind: result.failure.kind, message: result.failure.message, at: now.toISOString() },
      failures,
      nextPollAt,
    });
    deps.logger.warn(
      { sourceId: source.id, kind: result.failure.kind, failures, nextPollAt },
      `feed ${source.id} failed (${result.failure.kind}): ${result.failure.message}; next try ${nextPollAt}`,
    );
    return { sourceId: source.id, status: 'failed', failure: result.failure, failures, nextPollAt };
  }

  const next: FeedState = {
    ...state,
    cursor: result.cursor,
    lastPollAt: startedAt.toISOString(),
    lastSuccessAt: now.toISOString(),
    failures: 0,
    nextPollAt: new Date(now.getTime() + source.intervalMs).toISOString(),
  };
  if (result.notModified) {
    await deps.feeds.put(next);
    return { sourceId: source.id, status: 'not-modified' };
  }
  const firstPoll = !state.initialized;
  const report = await ingest(source, firstPoll, result.items, channels, deps);
  await deps.feeds.put({ ...next, initialized: true, itemsSeen: state.itemsSeen + report.fresh });
  if (firstPoll) {
    deps.logger.info({ sourceId: source.id, items: report.received, queued: report.queued }, `feed ${source.id}: first poll recorded ${report.fresh} existing items`);
  } else if (report.fresh) {
    deps.logger.info({ sourceId: source.id, fresh: report.fresh, queued: report.queued }, `feed ${source.id}: ${report.fresh} new items, ${report.queued} alerts queued`);
  }
  return { sourceId: source.id, status: 'ok', report, firstPoll };
}
