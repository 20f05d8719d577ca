import { listLookup } from '../commands/handlers/list-lookup.js';
import type { ConfiguredBill } from '../commands/handlers/bills-handler.js';
import type { Clock } from '../domain/clock.js';
import type { Source } from '../domain/source.js';
import type { VendorCatalog } from '../domain/vendor.js';
import type { ChannelDirectory } from '../pipeline/channel-directory.js';
import { createListSnapshotStore } from '../store/list-snapshot-store.js';
import type { Stores } from '../store/open-stores.js';
import { webRoutes, type WebRoute } from '../web/ui-routes.js';
import type { WebDeps } from '../web/web-deps.js';

export interface WebBuildDeps {
  stores: Stores;
  catalog: VendorCatalog;
  channels: ChannelDirectory;
  sources: () => Source[];
  configuredBills: () => readonly ConfiguredBill[];
  clock: Clock;
}

const LIST_SOURCE_TYPES = ['screening-list', 'ofac-sdn', 'fcc-covered-list'];
const typeOf = (source: Source) => (source as { type?: string }).type ?? 'rss';

/** The dashboard's read models over the app's own stores: the same ones the command handlers get. */
export function webDeps(deps: WebBuildDeps): WebDeps {
  const { stores } = deps;
  const listsWatched = () => deps.sources().some((source) => LIST_SOURCE_TYPES.includes(typeOf(source)));
  return {
    sources: async () =>
      deps.sources().map((s) => ({
        id: s.id,
        name: s.name,
        type: typeOf(s),
        intervalMs: s.intervalMs,
      })),
    feeds: stores.feeds,
    outbox: stores.outbox,
    alerts: stores.alerts,
    instruments: stores.instruments,
    bills: { configured: deps.configuredBills, tracked: stores.trackedBills },
    catalog: deps.catalog,
    ...(listsWatched() ? { listings: listLookup(createListSnapshotStore(stores.backend)) } : {}),
    channels: () => deps.channels.all(),
    clock: deps.clock,
    storeKind: stores.backend.kind,
    flush: () => stores.flush(),
  };
}

/** Where an operator opens the dashboard: the address the server is bound to, or localhost when bound to all. */
export function dashboardAddress(host: string | undefined, port: number): string {
  const shown = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}/ui`;
}

/** The /ui routes when UI_TOKEN is set; none otherwise, so the shared server answers /ui with 404. */
export function buildWebRoutes(token: string | undefined, deps: WebBuildDeps): WebRoute[] {
  return token ? webRoutes(webDeps(deps), token) : [];
}
