import type { Clock } from '../../domain/clock.js';
import type { Cursor, PollResult, Source } from '../../domain/source.js';
import { errorMessage } from '../../shared/errors.js';
import type { FeedFetcher } from '../../shared/http/feed-fetcher.js';
import { decodeFeedBytes } from './feed-decode.js';
import { readFeed, type FeedBytesReader, type FeedReader } from './feed-read.js';

export interface RssSourceDefinition {
  id: string;
  url: string;
  intervalMs: number;
  backfill: number;
  /** Shown in alerts and status; the feed's host when absent. */
  name?: string;
}

export interface RssSourceDeps {
  fetcher: Pick<FeedFetcher, 'fetch'>;
  clock: Clock;
  /** Parse and normalize decoded text (tests count or replace it). */
  read?: FeedReader;
  /** Decode, parse and normalize the body: the worker-thread pool, when the app runs one. */
  readBytes?: FeedBytesReader;
}

/**
 * What an RSS source keeps between polls: the validators for a conditional GET, and the keys of
 * the items the last poll handed over. The engine saves a cursor only once the poll's items are
 * settled, so an item listed here is done, and the next poll need not normalize or return it.
 */
export interface RssCursor extends Cursor {
  etag?: string;
  lastModified?: string;
  seen?: string[];
}

/** A feed listing more items than this is remembered by its first ones; the rest go by the ledger. */
export const MAX_SEEN_KEYS = 1_000;

export function readRssCursor(cursor: Cursor | undefined): RssCursor {
  const out: RssCursor = {};
  if (typeof cursor?.etag === 'string' && cursor.etag) out.etag = cursor.etag;
  if (typeof cursor?.lastModified === 'string' && cursor.lastModified) out.lastModified = cursor.lastModified;
  const seen = cursor?.seen;
  if (Array.isArray(seen) && seen.length && seen.every((key) => typeof key === 'string'))
    out.seen = seen.slice(0, MAX_SEEN_KEYS);
  return out;
}

function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * An RSS/Atom feed as a Source: a conditional GET through the injected fetcher (a 304 costs
 * no decoding or parsing), then bytes -> text -> Items. Failures keep the previous cursor, so
 * a broken response is fetched in full again next time instead of being hidden by a 304.
 *
 * A class, so 100,000 feeds share one `poll` on the prototype: a closure per feed (with its
 * context and definition object) was about 17 MB of a 100,000-feed instance's heap (issue 24).
 * Its `poll` is a method: call it on the source, and do not copy the source with a spread.
 */
class RssSource implements Source {
  readonly id: string;
  readonly intervalMs: number;
  readonly backfill: number;
  private readonly url: string;
  private readonly title: string | undefined;

  constructor(
    definition: RssSourceDefinition,
    private readonly deps: RssSourceDeps,
  ) {
    this.id = definition.id;
    this.url = definition.url;
    this.intervalMs = definition.intervalMs;
    this.backfill = definition.backfill;
    this.title = definition.name;
  }

  /** Worked out when asked (alerts, status), not stored: the same host name 100,000 times over. */
  get name(): string {
    return this.title ?? hostName(this.url);
  }

  async poll(cursor: Cursor | undefined, signal?: AbortSignal): Promise<PollResult> {
    const { deps } = this;
    const previous = readRssCursor(cursor);
    const kept = cursor ?? {};
    try {
      const validators = {
        ...(previous.etag ? { etag: previous.etag } : {}),
        ...(previous.lastModified ? { lastModified: previous.lastModified } : {}),
      };
      const outcome = await deps.fetcher.fetch(this.url, { ...validators, ...(signal ? { signal } : {}) });
      if (!outcome.ok) return { ok: false, failure: outcome.failure, cursor: kept };
      if (outcome.notModified) return { ok: true, items: [], cursor: previous, notModified: true };

      const options = {
        baseUrl: outcome.finalUrl,
        sourceId: this.id,
        now: deps.clock.now(),
        ...(previous.seen ? { known: previous.seen } : {}),
      };
      const result = deps.readBytes
        ? await deps.readBytes(outcome.body, outcome.contentType, options)
        : await (deps.read ?? readFeed)(decodeFeedBytes(outcome.body, outcome.contentType).text, options);
      if (!result.ok) return { ok: false, failure: result.failure, cursor: kept };
      const next: RssCursor = {};
      // A malformed body read leniently keeps no validators: the next poll fetches the feed in
      // full rather than being told "not modified" about a document that was cut off or broken.
      if (outcome.etag && !result.warning) next.etag = outcome.etag;
      if (outcome.lastModified && !result.warning) next.lastModified = outcome.lastModified;
      if (result.keys.length) next.seen = result.keys.slice(0, MAX_SEEN_KEYS);
      return { ok: true, items: result.items, cursor: next, ...(result.warning ? { warning: result.warning } : {}) };
    } catch (error) {
      // The fetcher and reader report upstream trouble as values; reaching this is a bug,
      // and the Source contract still says never to throw.
      return {
        ok: false,
        failure: { kind: 'parse', message: `unexpected error: ${errorMessage(error)}` },
        cursor: kept,
      };
    }
  }
}

export function createRssSource(definition: RssSourceDefinition, deps: RssSourceDeps): Source {
  return new RssSource(definition, deps);
}
