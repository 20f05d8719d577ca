import type { Cursor } from '../../domain/source.js';

/**
 * What a list source keeps in its feed state: the content hash of the accepted snapshot (the
 * snapshot itself is in the list snapshot store), the validators of the last download, and a
 * held suspect download. The engine saves the cursor only after the poll's items are settled,
 * so a crash before that compares against the old snapshot again and finds the same items.
 */
export interface ListCursor {
  hash?: string;
  etag?: string;
  lastModified?: string;
  /** A download held as suspect (too many removals at once), by its content hash. */
  suspect?: string;
}

export function readListCursor(cursor: Cursor | undefined): ListCursor {
  const out: ListCursor = {};
  for (const key of ['hash', 'etag', 'lastModified', 'suspect'] as const) {
    const value = cursor?.[key];
    if (typeof value === 'string' && value) out[key] = value;
  }
  return out;
}

export function toCursor(cursor: ListCursor): Cursor {
  return Object.fromEntries(Object.entries(cursor).filter(([, value]) => value !== undefined));
}
