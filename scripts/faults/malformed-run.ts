import { systemClock } from '../../src/domain/clock.js';
import type { PollResult } from '../../src/domain/source.js';
import { createFeedFetcher } from '../../src/shared/http/feed-fetcher.js';
import { readFeed } from '../../src/sources/rss/feed-read.js';
import { createFeedReaderPool } from '../../src/sources/rss/feed-reader-pool.js';
import { createRssSource } from '../../src/sources/rss/rss-source.js';
import { startFeedServer } from '../../tests/fakes/feed-server.js';
import { malformedCases, type MalformedCase } from './malformed-cases.js';

export interface MalformedOutcome {
  name: string;
  passed: boolean;
  problem?: string;
  /** Items the poll returned. */
  recovered: number;
  /** Items it had to return: the original's, less any cut off. */
  expected: number;
  /** Expected items missing from what was returned. */
  lost: number;
  warning?: string;
}

const OPTIONS = { baseUrl: 'https://faults.example/', sourceId: 'malformed', now: new Date('2026-02-01T00:00:00Z') };

/** The keys of the items a well-formed original holds, read strictly. */
async function originalKeys(original: string): Promise<string[]> {
  const read = await readFeed(original, OPTIONS);
  if (!read.ok) throw new Error(`the original of a malformed case does not read: ${read.failure.message}`);
  return read.items.map((item) => item.key);
}

async function judge(malformed: MalformedCase, result: PollResult): Promise<MalformedOutcome> {
  const keys = result.ok ? new Set(result.items.map((item) => item.key)) : new Set<string>();
  const recovered = keys.size;
  const problems: string[] = [];
  let expected = malformed.items ?? 0;
  let lost: number;
  if (malformed.original) {
    const wanted = await originalKeys(malformed.original);
    const kept = wanted.slice(0, wanted.length - (malformed.cut ?? 0));
    expected = kept.length;
    lost = kept.filter((key) => !keys.has(key)).length;
  } else {
    lost = Math.max(0, expected - recovered);
  }
  if (lost) problems.push(`${lost} of ${expected} items lost`);
  if (expected === 0 && result.ok) problems.push('nothing to recover, yet the poll succeeded');
  if (expected === 0 && !result.ok && result.failure.kind !== 'parse')
    problems.push(`expected a parse failure, got ${result.failure.kind}`);
  if (expected > 0 && !result.ok) problems.push(`failed: ${result.failure.message}`);
  const warning = result.ok ? result.warning : undefined;
  if (expected > 0 && result.ok && !malformed.wellFormed && !warning) problems.push('read without a warning');
  return {
    name: malformed.name,
    passed: !problems.length,
    ...(problems.length ? { problem: problems.join('; ') } : {}),
    recovered,
    expected,
    lost,
    ...(warning ? { warning } : result.ok ? {} : { warning: result.failure.message }),
  };
}

/**
 * Serves each malformed feed from a real HTTP server on 127.0.0.1 and polls it through the real
 * fetcher, RSS source and parser thread. A case passes when every item that could be recovered
 * came back (compared by key with the well-formed original) with a warning, or, when nothing
 * could be, the poll failed as a `parse` error.
 */
export async function runMalformedCases(
  cases: readonly MalformedCase[] = malformedCases(),
): Promise<MalformedOutcome[]> {
  const server = await startFeedServer();
  const fetcher = createFeedFetcher({ timeoutMs: 5_000 });
  const pool = createFeedReaderPool(1);
  const outcomes: MalformedOutcome[] = [];
  try {
    for (const malformed of cases) {
      server.route('/malformed', { body: malformed.body });
      const source = createRssSource(
        { id: 'malformed', url: server.url('/malformed'), intervalMs: 60_000, backfill: 0 },
        { fetcher, clock: systemClock, readBytes: pool.readBytes },
      );
      outcomes.push(await judge(malformed, await source.poll(undefined)));
    }
  } finally {
    await pool.close();
    await fetcher.close();
    await server.close();
  }
  return outcomes;
}
