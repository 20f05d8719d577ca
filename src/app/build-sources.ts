import type { Clock } from '../domain/clock.js';
import type { Source } from '../domain/source.js';
import type { SourceConfig } from '../config/schema.js';
import type { FeedFetcher } from '../shared/http/feed-fetcher.js';
import { createRssSource } from '../sources/rss/rss-source.js';

export interface SourceDeps {
  /** Fetcher for feeds from the config file (trusted: private networks allowed). */
  trustedFetcher: FeedFetcher;
  clock: Clock;
}

/** Turns validated source definitions into Source objects. */
export function buildSources(configs: readonly SourceConfig[], deps: SourceDeps): Source[] {
  return configs.map((config) => {
    switch (config.type) {
      case 'rss':
        return createRssSource(
          { id: config.id, url: config.url, intervalMs: config.interval, backfill: config.backfill, name: config.name },
          { fetcher: deps.trustedFetcher, clock: deps.clock },
        );
    }
  });
}
