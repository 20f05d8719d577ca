import type { Cursor, FailureKind } from './source.js';

/** What banwatch remembers about one source between polls. */
export interface FeedState {
  sourceId: string;
  cursor?: Cursor;
  /** False until the first successful poll has recorded what the source already held. */
  initialized: boolean;
  lastPollAt?: string;
  lastSuccessAt?: string;
  lastError?: { kind: FailureKind; message: string; at: string };
  /** Consecutive failed polls; drives backoff and pausing. */
  failures: number;
  /** Earliest time of the next poll (set by backoff or by an upstream's Retry-After). */
  nextPollAt?: string;
  /** Polls in a row whose body stopped the parser (a hung or dead thread); a few pause the feed. */
  parserStops?: number;
  /** Set when the feed was paused after repeated failures, until someone resumes it. */
  pausedAt?: string;
  itemsSeen: number;
}

export function emptyFeedState(sourceId: string): FeedState {
  return { sourceId, initialized: false, failures: 0, itemsSeen: 0 };
}
