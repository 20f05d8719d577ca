import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSources, type TypedSource } from '../../../src/app/build-sources.js';
import { listVendorMatcher } from '../../../src/app/list-vendor-matcher.js';
import { createClassifier } from '../../../src/classify/classifier.js';
import { loadVendorCatalog } from '../../../src/classify/vendor-catalog.js';
import { DEFAULT_VENDORS_FILE, type SourceSettings } from '../../../src/config/load-config.js';
import { sourceSchema } from '../../../src/config/schema.js';
import type { Alert } from '../../../src/domain/alert.js';
import type { Channel } from '../../../src/domain/channel.js';
import { pollSource, type PollSummary } from '../../../src/pipeline/poll-source.js';
import { createFeedFetcher } from '../../../src/shared/http/feed-fetcher.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { createListDownloader } from '../../../src/sources/lists/list-download.js';
import { createListSnapshotStore } from '../../../src/store/list-snapshot-store.js';
import { openStores, type Stores } from '../../../src/store/open-stores.js';
import { startFeedServer, type FeedRoute, type FeedServer } from '../../fakes/feed-server.js';
import { mutableClock } from '../../support/mutable-clock.js';

export const catalog = loadVendorCatalog(DEFAULT_VENDORS_FILE);
const classifier = createClassifier(catalog);
const everything: Channel[] = [{ id: 'all', type: 'console', origin: 'config' }];

/**
 * One list source as the bot runs it: built from config by buildSources, polled by pollSource
 * into a real SQLite store, its file served by a real HTTP server on 127.0.0.1. `restart()`
 * closes the store and opens the same file again, with a new source object.
 */
export interface ListHarness {
  server: FeedServer;
  serve(route: FeedRoute): void;
  /** Moves the clock on (6 h by default, the default interval), then polls. */
  poll(afterMs?: number): Promise<PollSummary>;
  /** Alerts queued so far, oldest first. */
  alerts(): Promise<Alert[]>;
  restart(): Promise<void>;
  stores(): Stores;
  /** The source itself, to poll it outside the engine (as a crash before the cursor is saved leaves it). */
  source(): TypedSource;
  requests(): number;
  close(): Promise<void>;
}

export async function listHarness(
  config: Record<string, unknown>,
  channels: Channel[] = everything,
): Promise<ListHarness> {
  const clock = mutableClock('2026-11-01T12:00:00Z');
  const server = await startFeedServer();
  const path = '/list';
  const url = `sqlite://${join(mkdtempSync(join(tmpdir(), 'banwatch-lists-')), 'test.sqlite')}`;
  const downloader = createListDownloader({ clock });
  const fetcher = createFeedFetcher({ clock });
  let stores = await openStores(url, clock);
  let source: TypedSource;

  function build(): void {
    // List sources need no resolving (load-config passes them through as parsed).
    const parsed = sourceSchema.parse({ ...config, url: server.url(path) }) as SourceSettings;
    const lists = {
      downloader,
      store: createListSnapshotStore(stores.backend),
      matchVendor: listVendorMatcher(catalog),
    };
    const built = buildSources([parsed], { trustedFetcher: fetcher, clock, lists, catalog });
    source = built[0] as TypedSource;
  }
  build();

  return {
    server,
    serve: (route) => void server.route(path, route),
    async poll(afterMs = 6 * 3_600_000) {
      clock.advance(afterMs);
      const deps = { ...stores, classifier, clock, logger: silentLogger(), maxAgeMs: 14 * 86_400_000 };
      return pollSource(source, channels, deps);
    },
    async alerts() {
      const pending = await stores.outbox.pending(1000);
      return pending.flatMap((entry) => (entry.payload.type === 'alert' ? [entry.payload.alert] : []));
    },
    async restart() {
      await stores.close();
      stores = await openStores(url, clock);
      build();
    },
    stores: () => stores,
    source: () => source,
    requests: () => server.requestsTo(path).length,
    async close() {
      await stores.close();
      await downloader.close();
      await fetcher.close();
      await server.close();
    },
  };
}

/** Removes the lines (records) that start with one of the prefixes. */
export function withoutLines(text: string, prefixes: readonly string[]): string {
  const lines = text.split(/(?<=\n)/);
  const kept = lines.filter((line) => !prefixes.some((prefix) => line.startsWith(prefix)));
  if (lines.length - kept.length !== prefixes.length)
    throw new Error(`expected one line per prefix: ${prefixes.join(' ')}`);
  return kept.join('');
}
