import type { Clock } from '../../domain/clock.js';
import type { Item } from '../../domain/item.js';
import type { ListEntry, ListingChange, ListSnapshot, ListSnapshotStore } from '../../domain/list-entry.js';
import type { Cursor, PollResult, Source } from '../../domain/source.js';
import { errorMessage } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { readListCursor, toCursor, type ListCursor } from './list-cursor.js';
import { diffEntries, listSizes, suspectRemoval, type ListDiff } from './list-diff.js';
import type { ListDownloader } from './list-download.js';
import { changeItems, type VendorMatcher } from './list-items.js';

/** Reads a list file's text, as it arrives, into entries. Throws ListFormatError on a foreign format. */
export type ListReader = (text: AsyncIterable<string>) => AsyncIterable<ListEntry>;

export interface ListSourceDefinition {
  id: string;
  name: string;
  url: string;
  intervalMs: number;
  backfill: number;
  /** Share of a list one download may remove before it is held as suspect (0.1 = 10%). */
  maxRemovalShare: number;
  read: ListReader;
  action: (list: string) => ListingChange['action'];
}

export interface ListSourceDeps {
  downloader: ListDownloader;
  store: ListSnapshotStore;
  clock: Clock;
  logger?: Logger;
  matchVendor?: VendorMatcher;
}

/**
 * An official restriction list as a Source. Each poll downloads the file (conditionally; an
 * unchanged body is also recognised by its hash), reads it streaming into entries, and compares
 * them by each list's own id with the accepted snapshot. The first poll only records (unless
 * `backfill`); later polls yield one item per list and publication for additions and one per
 * list for removals. A download that would remove too much at once is held as suspect, reported
 * as a failure of the source (logged, shown in `status`) and accepted only when the next poll
 * finds the same file again.
 */
export function createListSource(definition: ListSourceDefinition, deps: ListSourceDeps): Source {
  const match: VendorMatcher = deps.matchVendor ?? (() => undefined);

  async function collect(text: AsyncIterable<string>): Promise<ListEntry[]> {
    const entries: ListEntry[] = [];
    for await (const entry of definition.read(text)) entries.push(entry);
    return entries;
  }

  async function recordMeta(snapshot: ListSnapshot | undefined, changed: boolean): Promise<void> {
    const now = deps.clock.now().toISOString();
    const previous = await deps.store.meta(definition.id);
    await deps.store.putMeta({
      sourceId: definition.id,
      sizes: snapshot ? listSizes(snapshot.entries) : (previous?.sizes ?? {}),
      lastPollAt: now,
      ...((snapshot?.hash ?? previous?.hash) ? { hash: snapshot?.hash ?? previous?.hash } : {}),
      ...(changed ? { lastChangeAt: now } : previous?.lastChangeAt ? { lastChangeAt: previous.lastChangeAt } : {}),
    });
  }

  /** Accepts `next` as the list as it stands, with the items its diff against `base` makes. */
  async function accept(
    base: ListSnapshot | undefined,
    next: ListSnapshot,
    validators: Pick<ListCursor, 'etag' | 'lastModified'>,
  ): Promise<PollResult> {
    let items: Item[] = [];
    let diff: ListDiff | undefined;
    if (base) {
      diff = diffEntries(base.entries, next.entries);
      // The basis names this very snapshot (hash and when it was taken): the same file seen
      // again later is a new basis, while a poll repeated after a crash keeps the old one.
      items = changeItems(definition.id, diff, definition.action, match, `${base.hash}@${base.takenAt}`);
      if (diff.modified.length)
        deps.logger?.info(
          { sourceId: definition.id, modified: diff.modified.length },
          `list ${definition.id}: ${diff.modified.length} entry(ies) modified (recorded)`,
        );
    } else if (definition.backfill > 0) {
      items = newest(changeItems(definition.id, { added: next.entries, removed: [] }, definition.action, match));
      items = items.slice(0, definition.backfill);
    }
    const changed = Boolean(diff && (diff.added.length || diff.removed.length || diff.modified.length));
    await recordMeta(next, changed);
    await deps.store.keepOnly(
      definition.id,
      [base?.hash, next.hash].filter((h): h is string => Boolean(h)),
    );
    return { ok: true, items, cursor: toCursor({ hash: next.hash, ...validators }) };
  }

  async function poll(cursor: Cursor | undefined, signal?: AbortSignal): Promise<PollResult> {
    const previous = readListCursor(cursor);
    const kept = cursor ?? {};
    try {
      const validators = { etag: previous.etag, lastModified: previous.lastModified };
      const outcome = await deps.downloader.download(definition.url, validators, collect, signal);
      if (outcome.kind === 'failed') return { ok: false, failure: outcome.failure, cursor: kept };
      // The accepted snapshot is read only when something may have changed: an unchanged poll
      // costs the request and no more.
      const loadBase = async () => (previous.hash ? await deps.store.get(definition.id, previous.hash) : undefined);
      if (outcome.kind === 'not-modified') {
        // The server has nothing newer than the held suspect: the same file twice is confirmed.
        const held = previous.suspect ? await deps.store.get(definition.id, previous.suspect) : undefined;
        if (held) return await accept(await loadBase(), held, validators);
        await recordMeta(undefined, false);
        return { ok: true, items: [], cursor: kept, notModified: true };
      }
      const fresh = { etag: outcome.etag, lastModified: outcome.lastModified };
      if (outcome.hash === previous.hash) {
        await recordMeta(undefined, false);
        return { ok: true, items: [], cursor: toCursor({ hash: previous.hash, ...fresh }), notModified: true };
      }
      const next: ListSnapshot = {
        sourceId: definition.id,
        hash: outcome.hash,
        takenAt: deps.clock.now().toISOString(),
        entries: outcome.value,
      };
      await deps.store.put(next);
      const base = await loadBase();
      if (previous.hash && !base)
        deps.logger?.warn(
          { sourceId: definition.id },
          `list ${definition.id}: the last snapshot is gone; recording anew`,
        );
      if (!base || outcome.hash === previous.suspect) return await accept(base, next, fresh);
      const suspect = suspectRemoval(base.entries, diffEntries(base.entries, next.entries), definition.maxRemovalShare);
      if (!suspect) return await accept(base, next, fresh);
      const meta = await deps.store.meta(definition.id);
      await deps.store.putMeta({
        ...(meta ?? { sourceId: definition.id, sizes: listSizes(base.entries) }),
        lastPollAt: deps.clock.now().toISOString(),
        suspect: { hash: next.hash, removals: suspect.removals, total: suspect.total, at: next.takenAt },
      });
      await deps.store.keepOnly(definition.id, [base.hash, next.hash]);
      const share = Math.round((100 * suspect.removals) / suspect.total);
      return {
        ok: false,
        failure: {
          kind: 'parse',
          message: `held as suspect: the download would remove ${suspect.removals} of ${suspect.total} entries (${share}%) from the ${suspect.list} at once; nothing is posted unless the next poll finds the same file`,
        },
        cursor: toCursor({ hash: previous.hash, ...fresh, suspect: next.hash }),
      };
    } catch (error) {
      return {
        ok: false,
        failure: { kind: 'parse', message: `unexpected error: ${errorMessage(error)}` },
        cursor: kept,
      };
    }
  }

  return {
    id: definition.id,
    name: definition.name,
    intervalMs: definition.intervalMs,
    backfill: definition.backfill,
    // The source computes its own changes and keeps its own first poll silent.
    deltas: true,
    poll,
  };
}

/** Newest publications first, for a backfill. */
function newest(items: Item[]): Item[] {
  return [...items].sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0));
}
