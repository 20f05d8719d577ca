import type { Channel } from '../domain/channel.js';
import type { Clock } from '../domain/clock.js';
import { emptyFeedState, type FeedState } from '../domain/feed-state.js';
import type { Metrics } from '../domain/metrics.js';
import type { Notice } from '../domain/notifier.js';
import { outboxKey } from '../domain/outbox.js';
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
  /** Consecutive failures after which a feed is paused and its channels told (default 10). */
  pauseAfterFailures?: number;
  metrics?: Metrics;
}

export const DEFAULT_PAUSE_AFTER = 10;
/**
 * Polls in a row whose body stopped a parser thread (hung past the limit, or killed it) before
 * the feed is paused: each costs a thread and its restart, so such a feed is not tried ten times.
 */
export const PAUSE_AFTER_PARSER_STOPS = 3;

/**
 * When the next poll after a successful one is due: an interval after the scheduler's tick (the
 * second) that started this one. Counted from the poll's end instead, a source would come due a
 * few milliseconds after a tick and wait for the next one, so every interval would grow by almost
 * a second plus the poll's own time. A poll that took most of its interval still rests half an
 * interval, so a slow host is never polled back to back.
 */
export function nextPollDue(startedAt: Date, endedAt: Date, intervalMs: number): Date {
  const fromTick = Math.floor(startedAt.getTime() / 1_000) * 1_000 + intervalMs;
  return new Date(Math.max(fromTick, endedAt.getTime() + intervalMs / 2));
}

/**
 * After a feed's first poll (one that recorded what it holds) its next one comes a random half
 * to whole interval on: feeds first polled together (a fleet started at once) would otherwise
 * stay bunched at every interval, and a burst of 100,000 polls is late where the same polls
 * spread are not (issue 24). Intervals under a minute are kept: there a second's tick is
 * already a large part of the interval, and nobody runs a large fleet that often.
 */
function firstInterval(state: FeedState, notModified: boolean, intervalMs: number): number {
  if (state.initialized || notModified || intervalMs < 60_000) return intervalMs;
  return intervalMs * (0.5 + Math.random() / 2);
}

export type PollSummary =
  | { sourceId: string; status: 'ok'; report: IngestReport; firstPoll: boolean; warning?: string }
  | { sourceId: string; status: 'not-modified' }
  | {
      sourceId: string;
      status: 'failed';
      failure: SourceFailure;
      failures: number;
      nextPollAt: string;
      paused?: boolean;
    }
  | { sourceId: string; status: 'paused' }
  /** Failing, and its backoff has not run out (`poll --once` waits it out as `run` does). */
  | { sourceId: string; status: 'backing-off'; failures: number; nextPollAt: string }
  /** Another instance holds the source's lease, or polled it a moment ago. */
  | { sourceId: string; status: 'elsewhere' };

/**
 * One poll of one source: fetch through the source, ingest what is new, and record the
 * outcome in the feed state (cursor, backoff, last error). Never throws for upstream
 * trouble; a store failure does throw, because then nothing can be recorded safely.
 */
export async function pollSource(
  source: Source,
  channels: readonly Channel[],
  deps: PollDeps,
  signal?: AbortSignal,
  options: { waitOutBackoff?: boolean } = {},
): Promise<PollSummary> {
  const state = (await deps.feeds.get(source.id)) ?? emptyFeedState(source.id);
  if (state.pausedAt) {
    deps.metrics?.pollFinished('paused');
    return { sourceId: source.id, status: 'paused' };
  }
  // `poll --once` from cron polls every source each run; a failing one still waits out its
  // backoff, so failures count at the pace `run` counts them and a short outage does not pause
  // every source after a few runs (pausing takes about a day of failures either way).
  const retryAt = state.failures > 0 && state.nextPollAt ? Date.parse(state.nextPollAt) : NaN;
  if (options.waitOutBackoff && retryAt > deps.clock.now().getTime()) {
    return { sourceId: source.id, status: 'backing-off', failures: state.failures, nextPollAt: state.nextPollAt ?? '' };
  }
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
    const nextPollAt = new Date(
      now.getTime() + backoffDelay(failures, source.intervalMs, result.failure),
    ).toISOString();
    const parserStops = result.failure.stoppedParser ? (state.parserStops ?? 0) + 1 : 0;
    const stopsParser = parserStops >= PAUSE_AFTER_PARSER_STOPS;
    const pause = failures >= (deps.pauseAfterFailures ?? DEFAULT_PAUSE_AFTER) || stopsParser;
    const message = stopsParser
      ? `${result.failure.message} (${parserStops} polls in a row: this feed's body stops the parser)`
      : result.failure.message;
    const lastError = { kind: result.failure.kind, message, at: now.toISOString() };
    deps.metrics?.pollFinished('failed', result.failure.kind);
    await deps.feeds.put({
      ...state,
      cursor: result.cursor ?? state.cursor,
      lastPollAt: startedAt.toISOString(),
      lastError,
      failures,
      nextPollAt,
      parserStops: parserStops || undefined,
      ...(pause ? { pausedAt: now.toISOString() } : {}),
    });
    if (pause) {
      await announcePause(source, channels, lastError, failures, deps);
      return { sourceId: source.id, status: 'failed', failure: result.failure, failures, nextPollAt, paused: true };
    }
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
    parserStops: undefined,
    nextPollAt: nextPollDue(
      startedAt,
      now,
      firstInterval(state, result.notModified === true, source.intervalMs),
    ).toISOString(),
  };
  if (result.notModified) {
    deps.metrics?.pollFinished('not-modified');
    await deps.feeds.put(next);
    return { sourceId: source.id, status: 'not-modified' };
  }
  // A source whose items are already changes (a bill's new stage) alerts on its first poll too.
  const firstPoll = !state.initialized && !source.deltas;
  const report = await ingest(source, !state.initialized, result.items, channels, deps);
  deps.metrics?.pollFinished('ok');
  deps.metrics?.itemsSeen(report.fresh);
  await deps.feeds.put({ ...next, initialized: true, itemsSeen: state.itemsSeen + report.fresh });
  if (firstPoll) {
    deps.logger.info(
      { sourceId: source.id, items: report.received, queued: report.queued },
      `feed ${source.id}: first poll recorded ${report.fresh} existing item(s)`,
    );
  } else if (report.fresh) {
    deps.logger.info(
      { sourceId: source.id, fresh: report.fresh, queued: report.queued },
      `feed ${source.id}: ${report.fresh} new item(s), ${report.queued} alert(s) queued`,
    );
  }
  if (result.warning) {
    deps.logger.warn({ sourceId: source.id, items: report.received }, `feed ${source.id}: ${result.warning}`);
  }
  return {
    sourceId: source.id,
    status: 'ok',
    report,
    firstPoll,
    ...(result.warning ? { warning: result.warning } : {}),
  };
}

/**
 * A feed that keeps failing is paused, and every channel that receives its alerts is told
 * once, with why and how to resume it: a silently dead feed is the failure users hate most.
 */
async function announcePause(
  source: Source,
  channels: readonly Channel[],
  error: { kind: string; message: string; at: string },
  failures: number,
  deps: PollDeps,
): Promise<void> {
  const notice: Notice = {
    id: `paused:${source.id}:${error.at}`,
    title: `Feed paused: ${source.name}`,
    text:
      `banwatch stopped polling "${source.id}" (${source.name}) after ${failures} failures in a row. ` +
      `Last error (${error.kind}): ${error.message}. Fix the feed, then resume it with ` +
      `\`/banwatch feeds resume ${source.id}\` or \`banwatch feeds resume ${source.id}\`.`,
    createdAt: error.at,
  };
  const receiving = channels.filter((channel) => !channel.sources || channel.sources.includes(source.id));
  await deps.outbox.enqueue(
    receiving.map((channel) => ({
      key: outboxKey(channel.id, notice.id),
      channelId: channel.id,
      payload: { type: 'notice' as const, notice },
      attempts: 0,
      createdAt: error.at,
      nextAttemptAt: error.at,
    })),
  );
  deps.logger.error(
    { sourceId: source.id, kind: error.kind, failures, channels: receiving.length },
    `feed ${source.id} paused after ${failures} failures in a row (${error.kind}: ${error.message}); resume with \`banwatch feeds resume ${source.id}\``,
  );
}
