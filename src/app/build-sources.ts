import type { Classifier } from '../domain/classification.js';
import type { Clock } from '../domain/clock.js';
import type { TrackedBillStore } from '../domain/ports.js';
import type { Source } from '../domain/source.js';
import type { VendorCatalog } from '../domain/vendor.js';
import type { SourceSettings } from '../config/load-config.js';
import type { FeedFetcher } from '../shared/http/feed-fetcher.js';
import type { Logger } from '../shared/logger.js';
import { createCongressApi } from '../sources/congress/congress-api.js';
import { createCongressSource } from '../sources/congress/congress-source.js';
import { enactedText, textDiscovery } from '../sources/govinfo/text-discovery-setup.js';
import { GOVINFO_REQUESTS_PER_HOUR } from '../sources/govinfo/govinfo-api.js';
import { createRequestBudget, type RequestBudget } from '../sources/congress/request-budget.js';
import { createSharedBudget, type BudgetSlots } from '../sources/congress/shared-budget.js';
import { createFederalRegisterSource } from '../sources/federal-register/federal-register-source.js';
import type { ListSnapshotStore } from '../domain/list-entry.js';
import type { ListDownloader } from '../sources/lists/list-download.js';
import { entriesAddedBy } from '../sources/lists/list-citations.js';
import type { EntityListLookup } from '../sources/federal-register/entity-list-rule.js';
import {
  createFccCoveredListSource,
  createScreeningListSource,
  createSdnSource,
} from '../sources/lists/list-sources.js';
import type { FeedBytesReader } from '../sources/rss/feed-read.js';
import { createRssSource } from '../sources/rss/rss-source.js';
import { createLegiscanApi } from '../sources/legiscan/legiscan-api.js';
import { defaultQueries } from '../sources/legiscan/legiscan-queries.js';
import { createLegiscanSource } from '../sources/legiscan/legiscan-source.js';
import { parseStateBillRef } from '../sources/legiscan/state-bill-id.js';

export interface SourceDeps {
  /** Fetcher for feeds from the config file (trusted: private networks allowed). */
  trustedFetcher: FeedFetcher;
  clock: Clock;
  logger?: Logger;
  /** Reads bill titles for the congress source's discovery. */
  classifier?: Classifier;
  /** Bills tracked at run time, for the congress source. */
  trackedBills?: TrackedBillStore;
  /** Turns configured watch terms that are vendor aliases into canonical names. */
  catalog?: VendorCatalog;
  /** Congress.gov allowance per key and hour (tests lower it). */
  congressRequestsPerHour?: number;
  /** The store's claims, so instances on one store share each key's hourly allowance. */
  budgetSlots?: BudgetSlots;
  /** Parses feeds (in worker threads under `banwatch run`). */
  readBytes?: FeedBytesReader;
  /** Full-text discovery's other terms: the lexicon's instruments and the channels' watch terms. */
  instruments?: readonly string[];
  watchTerms?: () => Promise<readonly string[]>;
  /** Official restriction lists: streaming downloads and their snapshots (list sources are left out without them). */
  lists?: {
    downloader: ListDownloader;
    store: ListSnapshotStore;
    matchVendor?: (names: readonly string[]) => string | undefined;
  };
}

/** A source with the config type it came from, for `status`. */
export type TypedSource = Source & { type: SourceSettings['type'] };

/**
 * Tags a source just built with its config type. Object.assign on the fresh object rather than a
 * `{ ...source, type }` copy: V8 (Node 20) gave each of 100,000 spread copies made in one loop a
 * hidden class of its own, about 300 bytes a feed (issue 24's heap snapshot).
 */
export function typed(source: Source, type: SourceSettings['type']): TypedSource {
  return Object.assign(source, { type });
}

/**
 * Turns validated source definitions into Source objects. A congress source without an API
 * key is left out with one log line, rather than failing on every poll; sources sharing a key
 * share its request budget.
 */
export function buildSources(configs: readonly SourceSettings[], deps: SourceDeps): TypedSource[] {
  const budgets = new Map<string, RequestBudget>();
  const govinfoBudgets = new Map<string, RequestBudget>();
  // One allowance per GovInfo key, in the store when there is one (every instance shares it).
  const govinfoBudget = (apiKey: string): RequestBudget => {
    const limit = GOVINFO_REQUESTS_PER_HOUR;
    const budget =
      govinfoBudgets.get(apiKey) ??
      (deps.budgetSlots
        ? createSharedBudget({ slots: deps.budgetSlots, apiKey, clock: deps.clock, limit, scope: 'govinfo' })
        : createRequestBudget({ clock: deps.clock, limit }));
    govinfoBudgets.set(apiKey, budget);
    return budget;
  };
  // One dependency object for every feed, not a copy each.
  const rssDeps = {
    fetcher: deps.trustedFetcher,
    clock: deps.clock,
    ...(deps.readBytes ? { readBytes: deps.readBytes } : {}),
  };
  const canonical = (names: readonly string[] = []) => names.map((name) => deps.catalog?.resolve(name)?.name ?? name);
  return configs.flatMap((config): TypedSource[] => {
    switch (config.type) {
      case 'rss':
        return [
          typed(
            createRssSource(
              {
                id: config.id,
                url: config.url,
                intervalMs: config.interval,
                backfill: config.backfill,
                name: config.name,
              },
              rssDeps,
            ),
            'rss',
          ),
        ];
      case 'congress': {
        if (!config.apiKey) {
          deps.logger?.info(
            { sourceId: config.id },
            `congress source "${config.id}" is disabled: set CONGRESS_API_KEY (or CONGRESS_API_KEY_FILE) to a Congress.gov API key (free at https://api.congress.gov/sign-up/)`,
          );
          return [];
        }
        const limit = deps.congressRequestsPerHour;
        const budget =
          budgets.get(config.apiKey) ??
          (deps.budgetSlots
            ? createSharedBudget({ slots: deps.budgetSlots, apiKey: config.apiKey, clock: deps.clock, limit })
            : createRequestBudget({ clock: deps.clock, limit }));
        budgets.set(config.apiKey, budget);
        const api = createCongressApi({
          baseUrl: config.url,
          apiKey: config.apiKey,
          fetcher: deps.trustedFetcher,
          budget,
        });
        const classifier = deps.classifier;
        const source = createCongressSource(
          {
            id: config.id,
            name: config.name,
            intervalMs: config.interval,
            bills: config.bills.map((bill) => ({
              id: bill.id,
              ...(bill.vendors ? { vendors: canonical(bill.vendors) } : {}),
            })),
            discover: config.discover,
            discoverLookbackMs: config.discoverLookback,
          },
          {
            api,
            clock: deps.clock,
            logger: deps.logger,
            tracked: deps.trackedBills,
            classifyTitle: classifier
              ? (title) => {
                  const verdict = classifier.classify({ title });
                  return { relevant: verdict.relevant, vendors: verdict.vendors };
                }
              : undefined,
            discoverByText: textDiscovery(config, { ...deps, govinfoBudget }),
            enactedText: enactedText(config, { govinfoBudget }),
          },
        );
        return [typed(source, 'congress')];
      }
      case 'legiscan': {
        if (!config.apiKey) {
          deps.logger?.info(
            { sourceId: config.id },
            `legiscan source "${config.id}" is disabled: set LEGISCAN_API_KEY (or LEGISCAN_API_KEY_FILE) to a LegiScan API key (free at https://legiscan.com/legiscan)`,
          );
          return [];
        }
        const classifier = deps.classifier;
        const states = config.states.some((state) => state.toLowerCase() === 'all') ? [] : config.states;
        const source = createLegiscanSource(
          {
            id: config.id,
            name: config.name,
            intervalMs: config.interval,
            states: states.map((state) => state.toUpperCase()),
            queries: config.queries ?? defaultQueries((deps.catalog?.all() ?? []).map((vendor) => vendor.name)),
            bills: config.bills.flatMap((bill) => {
              const ref = parseStateBillRef(bill.id);
              return ref ? [{ ...ref, ...(bill.vendors ? { vendors: canonical(bill.vendors) } : {}) }] : [];
            }),
            monthlyLimit: config.monthlyLimit,
          },
          {
            api: createLegiscanApi({ baseUrl: config.url, apiKey: config.apiKey, fetcher: deps.trustedFetcher }),
            clock: deps.clock,
            logger: deps.logger,
            readTitle: classifier
              ? (title) => {
                  const verdict = classifier.classify({ title });
                  return { relevant: verdict.relevant, vendors: verdict.vendors };
                }
              : undefined,
          },
        );
        return [typed(source, 'legiscan')];
      }
      case 'federal-register':
        return [
          typed(
            createFederalRegisterSource(
              {
                id: config.id,
                name: config.name,
                intervalMs: config.interval,
                backfill: config.backfill,
                terms: config.terms,
                agencies: config.agencies,
                baseUrl: config.url,
                vendorNames: config.vendorNames ? (deps.catalog?.all() ?? []).map((vendor) => vendor.name) : [],
                presidential: config.presidential,
                publicInspection: config.publicInspection,
              },
              {
                fetcher: deps.trustedFetcher,
                clock: deps.clock,
                logger: deps.logger,
                ...(deps.lists ? { entityList: entityListLookup(deps.lists) } : {}),
              },
            ),
            'federal-register',
          ),
        ];
      case 'screening-list':
      case 'ofac-sdn':
      case 'fcc-covered-list': {
        if (!deps.lists) return [];
        const common = {
          id: config.id,
          url: config.url,
          intervalMs: config.interval,
          backfill: config.backfill,
          maxRemovalShare: config.maxRemovalShare,
          ...(config.name ? { name: config.name } : {}),
        };
        const listDeps = { ...deps.lists, clock: deps.clock, logger: deps.logger };
        const source =
          config.type === 'screening-list'
            ? createScreeningListSource({ ...common, lists: config.lists }, listDeps)
            : config.type === 'ofac-sdn'
              ? createSdnSource({ ...common, programs: config.programs }, listDeps)
              : createFccCoveredListSource(common, listDeps);
        return [typed(source, config.type)];
      }
    }
  });
}

/**
 * Whom an Entity List rule adds, from the latest screening-list snapshots: the entries whose
 * Federal Register citation falls on the rule's pages (the CSL carries it for every entry).
 */
function entityListLookup(lists: NonNullable<SourceDeps['lists']>): EntityListLookup {
  return async (pages) => {
    const entries = entriesAddedBy(await lists.store.latest(), pages);
    const vendors = entries.flatMap((entry) => lists.matchVendor?.([entry.name, ...(entry.aliases ?? [])]) ?? []);
    return { vendors: [...new Set(vendors)], names: entries.map((entry) => entry.name) };
  };
}
