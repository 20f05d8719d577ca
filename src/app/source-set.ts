import type { FeedInfo } from '../commands/handlers/feed-index.js';
import type { Clock } from '../domain/clock.js';
import type { FeedRegistry, RuntimeFeed } from '../domain/runtime-feed.js';
import type { Source } from '../domain/source.js';
import type { FeedFetcher } from '../shared/http/feed-fetcher.js';
import type { FeedBytesReader } from '../sources/rss/feed-read.js';
import { createRssSource } from '../sources/rss/rss-source.js';
import { typed, type TypedSource } from './build-sources.js';

export interface SourceSet {
  /** Every source to poll now: the config file's, then the runtime feeds. */
  all(): Source[];
  /**
   * Re-reads the runtime feeds from the store (after `feeds add`, and periodically for other
   * instances) when the registry's version moved, and at least every `FULL_REFRESH_MS`.
   */
  refresh(): Promise<void>;
  /** Every feed with its URL and origin, for `feeds list` and OPML export. */
  feeds(): Promise<FeedInfo[]>;
  titleOf(id: string): string | undefined;
}

export interface SourceSetDeps {
  registry: FeedRegistry;
  trustedFetcher: Pick<FeedFetcher, 'fetch'>;
  /** Refuses private and metadata addresses at every hop: for feeds added from chat. */
  guardedFetcher: Pick<FeedFetcher, 'fetch'>;
  clock: Clock;
  readBytes?: FeedBytesReader;
}

/**
 * The longest the runtime feeds go without being read in full, version or not: a process that
 * died between storing a feed and writing the new version is caught up within it.
 */
export const FULL_REFRESH_MS = 10 * 60_000;

/** A runtime feed whose source can be kept: nothing the source was built from has changed. */
function sameDefinition(a: RuntimeFeed, b: RuntimeFeed): boolean {
  return (
    a.id === b.id &&
    a.url === b.url &&
    a.intervalMs === b.intervalMs &&
    a.title === b.title &&
    a.trusted === b.trusted &&
    a.scope === b.scope
  );
}

/**
 * The config file's sources plus the feeds added at run time. Runtime feeds are rebuilt only
 * when their definition changes, so a refresh keeps each source object (and nothing else holds
 * state in them: cursors live in the store).
 */
export function createSourceSet(
  configured: readonly TypedSource[],
  /** The config file's feed URLs by source id, asked for only when the feeds are listed. */
  configUrls: () => ReadonlyMap<string, string>,
  deps: SourceSetDeps,
): SourceSet {
  let runtime: Array<{ feed: RuntimeFeed; source: TypedSource }> = [];
  /** The registry's version and the time of the last full read (none yet: undefined). */
  let readVersion: string | undefined;
  let readAt: number | undefined;
  let runtimeById = new Map<string, { feed: RuntimeFeed; source: TypedSource }>();
  let current: Source[] = [...configured];
  /** The config file's sources by id, built when a title is first asked for (OPML export asks for every feed's). */
  let configuredById: Map<string, TypedSource> | undefined;
  // Shared by every runtime feed; built without spreads, which cost a hidden class per copy at scale (build-sources.ts).
  const readBytes = deps.readBytes ? { readBytes: deps.readBytes } : {};
  const trustedDeps = { fetcher: deps.trustedFetcher, clock: deps.clock, ...readBytes };
  const guardedDeps = { fetcher: deps.guardedFetcher, clock: deps.clock, ...readBytes };
  const build = (feed: RuntimeFeed): TypedSource => {
    const source = typed(
      createRssSource(
        { id: feed.id, url: feed.url, intervalMs: feed.intervalMs, backfill: 0, name: feed.title },
        feed.trusted ? trustedDeps : guardedDeps,
      ),
      'rss',
    );
    return feed.scope ? Object.assign(source, { scope: feed.scope }) : source;
  };
  return {
    all: () => current,
    async refresh() {
      const now = deps.clock.now().getTime();
      // Read before the list: a change landing meanwhile moves the version again, so it is read next time.
      const version = await deps.registry.version?.();
      const fresh =
        deps.registry.version !== undefined &&
        readAt !== undefined &&
        version === readVersion &&
        now >= readAt &&
        now - readAt < FULL_REFRESH_MS;
      // Listing 100,000 runtime feeds took ~0.5 s of the event loop, every 30 s on every instance.
      if (fresh) return;
      const listed = await deps.registry.list();
      readVersion = version;
      readAt = now;
      // Built only when there are runtime feeds to tell apart: 100,000 ids every 30 s for nothing otherwise.
      const configuredIds = listed.length ? new Set(configured.map((s) => s.id)) : undefined;
      const feeds = listed.filter((feed) => !configuredIds?.has(feed.id));
      // By id: a search of the previous list per feed made a refresh quadratic in the runtime feeds.
      const previous = runtime;
      let changed = feeds.length !== previous.length;
      runtime = feeds.map((feed, at) => {
        const kept = runtimeById.get(feed.id);
        const same = kept !== undefined && sameDefinition(kept.feed, feed);
        if (!same || previous[at] !== kept) changed = true;
        return same ? kept : { feed, source: build(feed) };
      });
      // The list the engine iterates is replaced only when a feed came, went or changed.
      if (changed) {
        current = [...configured, ...runtime.map((entry) => entry.source)];
        runtimeById = new Map(runtime.map((entry) => [entry.feed.id, entry]));
      }
    },
    async feeds() {
      await this.refresh();
      const urls = configUrls();
      return [
        ...configured
          .filter((s) => urls.has(s.id))
          .map((s) => ({ id: s.id, url: urls.get(s.id) as string, origin: 'config' as const })),
        ...runtime.map((entry) => ({
          id: entry.feed.id,
          url: entry.feed.url,
          origin: 'runtime' as const,
          trusted: entry.feed.trusted,
          ...(entry.feed.scope ? { scope: entry.feed.scope } : {}),
        })),
      ];
    },
    titleOf(id) {
      configuredById ??= new Map(configured.map((source) => [source.id, source]));
      return runtimeById.get(id)?.feed.title ?? configuredById.get(id)?.name;
    },
  };
}
