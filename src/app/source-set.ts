import type { FeedInfo } from '../commands/handlers/feeds-handler.js';
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
  /** Re-reads the runtime feeds from the store (after `feeds add`, and periodically for other instances). */
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
  let current: Source[] = [...configured];
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
      const listed = await deps.registry.list();
      // Built only when there are runtime feeds to tell apart: 100,000 ids every 30 s for nothing otherwise.
      const configuredIds = listed.length ? new Set(configured.map((s) => s.id)) : undefined;
      const feeds = listed.filter((feed) => !configuredIds?.has(feed.id));
      runtime = feeds.map((feed) => {
        const kept = runtime.find(
          (entry) =>
            entry.feed.id === feed.id &&
            entry.feed.url === feed.url &&
            entry.feed.trusted === feed.trusted &&
            entry.feed.scope === feed.scope,
        );
        return kept ?? { feed, source: build(feed) };
      });
      current = [...configured, ...runtime.map((entry) => entry.source)];
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
          ...(entry.feed.scope ? { scope: entry.feed.scope } : {}),
        })),
      ];
    },
    titleOf: (id) =>
      runtime.find((entry) => entry.feed.id === id)?.feed.title ?? configured.find((s) => s.id === id)?.name,
  };
}
