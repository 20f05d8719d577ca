import type { Clock } from '../../domain/clock.js';
import type { TrackedBillStore } from '../../domain/ports.js';
import type { VendorCatalog } from '../../domain/vendor.js';
import { errorMessage } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { RequestBudget } from '../congress/request-budget.js';
import { enactedTextSearch, type EnactedTextSearch } from './enacted-text.js';
import { createGovinfoApi } from './govinfo-api.js';
import { discoverByText, type TextDiscoveryResult, type TextScan } from './text-discovery.js';

export interface TextDiscoverySettings {
  id: string;
  discover: boolean;
  discoverLookback?: number;
  govinfo?: { url: string; apiKey?: string };
}

export interface TextDiscoveryWiring {
  clock: Clock;
  logger?: Logger;
  trackedBills?: TrackedBillStore;
  catalog?: VendorCatalog;
  classifier?: { classify(input: { title: string }): { vendors: string[] } };
  /** The GovInfo key's hourly allowance (shared in the store when it is shared), by key. */
  govinfoBudget?: (apiKey: string) => RequestBudget;
  /** The lexicon's instruments (Covered List, Section 889, ...), searched after the vendor names. */
  instruments?: readonly string[];
  /** The channels' watch terms, read at each scan (the registry lives outside the sources). */
  watchTerms?: () => Promise<readonly string[]>;
}

/** Watch terms searched at most: 100 a channel are allowed, and each query costs a request. */
const MAX_WATCH_TERMS = 120;

/**
 * Full-text discovery for a congress source with `discover: true`: GovInfo searched for the
 * catalogue's vendor names and aliases, the lexicon's instruments and the channels' watch terms. Without GOVINFO_API_KEY it is off, said once here, and
 * title discovery and stage tracking go on without it.
 */
export function textDiscovery(
  settings: TextDiscoverySettings,
  deps: TextDiscoveryWiring,
): ((scan: TextScan | undefined, signal?: AbortSignal) => Promise<TextDiscoveryResult>) | undefined {
  if (!settings.discover || !deps.trackedBills || !deps.catalog) return undefined;
  if (!settings.govinfo?.apiKey) {
    deps.logger?.info(
      { sourceId: settings.id },
      `congress source "${settings.id}": full-text discovery is off: set GOVINFO_API_KEY (or GOVINFO_API_KEY_FILE) to an api.data.gov key to find bills by what their text says`,
    );
    return undefined;
  }
  const apiKey = settings.govinfo.apiKey;
  const budget = deps.govinfoBudget?.(apiKey);
  const api = createGovinfoApi({ baseUrl: settings.govinfo.url, apiKey, ...(budget ? { budget } : {}) });
  // Fixed terms first and in a fixed order, so a scan resuming at a query group finds the same
  // group; watch terms, which change at run time, come last, sorted.
  const fixed = [
    ...new Set([
      ...deps.catalog.all().flatMap((vendor) => [vendor.name, ...vendor.aliases]),
      ...(deps.instruments ?? []),
    ]),
  ];
  const tracked = deps.trackedBills;
  const classifier = deps.classifier;
  const readWatchTerms = async (): Promise<readonly string[]> => {
    try {
      return (await deps.watchTerms?.()) ?? [];
    } catch (error) {
      deps.logger?.warn(
        { sourceId: settings.id },
        `congress ${settings.id}: full-text discovery goes on without the watch terms: ${errorMessage(error)}`,
      );
      return [];
    }
  };
  return async (scan, signal) => {
    const known = new Set(fixed.map((term) => term.toLowerCase()));
    // Cut before sorting: the provider lists terms before aliases, and the cut keeps the terms.
    const watched = [...new Set(await readWatchTerms())]
      .filter((term) => !known.has(term.toLowerCase()))
      .slice(0, MAX_WATCH_TERMS)
      .sort();
    return discoverByText(
      scan,
      {
        api,
        clock: deps.clock,
        tracked,
        terms: [...fixed, ...watched],
        vendorsIn: (text) => classifier?.classify({ title: text }).vendors ?? [],
        sourceId: settings.id,
        ...(deps.logger ? { logger: deps.logger } : {}),
        ...(settings.discoverLookback ? { lookbackMs: settings.discoverLookback } : {}),
      },
      signal,
    );
  };
}

/**
 * The enacted-text search of the laws route, for every tracked bill (discovery or not): off
 * without GOVINFO_API_KEY, when only related bills show a carrier.
 */
export function enactedText(
  settings: Pick<TextDiscoverySettings, 'govinfo'>,
  deps: Pick<TextDiscoveryWiring, 'govinfoBudget'> = {},
): EnactedTextSearch | undefined {
  const apiKey = settings.govinfo?.apiKey;
  if (!settings.govinfo || !apiKey) return undefined;
  // The same key's allowance as full-text discovery: one budget per key, whatever asks.
  const budget = deps.govinfoBudget?.(apiKey);
  return enactedTextSearch(createGovinfoApi({ baseUrl: settings.govinfo.url, apiKey, ...(budget ? { budget } : {}) }));
}
