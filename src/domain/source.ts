import type { Item } from './item.js';

/** The closed set of ways a fetch can fail; retries and backoff follow from the kind. */
export const FAILURE_KINDS = [
  'network',
  'timeout',
  'http-4xx',
  'http-429',
  'http-5xx',
  'too-large',
  'parse',
  'blocked',
  'config',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface SourceFailure {
  kind: FailureKind;
  message: string;
  /** How long the upstream asked us to wait (429/503 Retry-After), in milliseconds. */
  retryAfterMs?: number;
  /** The body stopped the parser: its thread hung past the time limit or died on it, and was replaced. */
  stoppedParser?: boolean;
}

/** Opaque per-source state that a source hands back after each poll (ETag, last update, ...). */
export type Cursor = Record<string, unknown>;

export type PollResult =
  /** `warning`: the upstream answered badly but usably (a malformed feed read leniently). */
  | { ok: true; items: Item[]; cursor: Cursor; notModified?: boolean; warning?: string }
  | { ok: false; failure: SourceFailure; cursor?: Cursor };

/**
 * Turns one upstream into normalized Items and a new cursor. It never posts and never
 * classifies, and it never throws for upstream trouble: failures come back as `ok: false`.
 */
export interface Source {
  readonly id: string;
  /** Human name for alerts and status, e.g. the feed's host. */
  readonly name: string;
  readonly intervalMs: number;
  /** Items to post on the very first poll (0: the first poll only records what exists). */
  readonly backfill: number;
  /**
   * True when every item the source returns is already a change it computed itself (a tracked
   * bill's new stage, "tracking started"): then the first poll posts its items too, instead of
   * only recording what exists.
   */
  readonly deltas?: boolean;
  /** A feed added by a workspace or server admin: its items go only to that tenant's channels (domain/tenancy.ts). */
  readonly scope?: string;
  poll(cursor: Cursor | undefined, signal?: AbortSignal): Promise<PollResult>;
}
