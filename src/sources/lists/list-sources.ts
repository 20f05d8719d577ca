import type { ListEntry, ListingChange } from '../../domain/list-entry.js';
import type { Source } from '../../domain/source.js';
import { readFccTable } from './fcc-table-reader.js';
import { createListSource, type ListReader, type ListSourceDeps } from './list-source.js';
import { readScreeningCsv } from './screening-csv-reader.js';
import { readScreeningJson } from './screening-json-reader.js';
import { readSdnCsv } from './sdn-csv-reader.js';
import { readSdnXml } from './sdn-xml-reader.js';

/** The official downloads, used when a source gives no `url`. */
export const OFFICIAL_LIST_URLS = {
  'screening-list': 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv',
  'ofac-sdn': 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML',
  'fcc-covered-list': 'https://www.fcc.gov/supplychain/coveredlist',
} as const;

export const DEFAULT_MAX_REMOVAL_SHARE = 0.1;

export interface ListSourceConfig {
  id: string;
  name?: string;
  url?: string;
  intervalMs: number;
  backfill: number;
  maxRemovalShare?: number;
}

/**
 * Looks at the first characters of a stream to pick a reader (`{`/`[` JSON, `<` XML, else CSV),
 * then hands that reader the whole stream, the first chunk included.
 */
function sniffing(pick: (start: string) => ListReader): ListReader {
  return async function* (text) {
    const iterator = text[Symbol.asyncIterator]();
    let head = '';
    const seen: string[] = [];
    while (!head.trim()) {
      const next = await iterator.next();
      if (next.done) break;
      seen.push(next.value);
      head += next.value;
    }
    async function* replay(): AsyncGenerator<string> {
      yield* seen;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    }
    yield* pick(head.trimStart())(replay());
  };
}

const actionFor =
  (fixed?: ListingChange['action']) =>
  (list: string): ListingChange['action'] =>
    fixed ?? (/sdn|sanction|cmic|evaders|capta|palestinian/i.test(list) ? 'sanction' : 'restriction');

/** What every list source takes from its config: the official download and name unless the config says otherwise. */
function definitionBasics(config: ListSourceConfig, type: keyof typeof OFFICIAL_LIST_URLS, name: string) {
  return {
    id: config.id,
    name: config.name ?? name,
    url: config.url ?? OFFICIAL_LIST_URLS[type],
    intervalMs: config.intervalMs,
    backfill: config.backfill,
    maxRemovalShare: config.maxRemovalShare ?? DEFAULT_MAX_REMOVAL_SHARE,
  };
}

/** The Consolidated Screening List (CSV or JSON, told apart by content); `lists` keeps only some. */
export function createScreeningListSource(
  config: ListSourceConfig & { lists?: readonly string[] },
  deps: ListSourceDeps,
): Source {
  const lists = config.lists ?? [];
  return createListSource(
    {
      ...definitionBasics(config, 'screening-list', 'Consolidated Screening List'),
      read: sniffing((start) =>
        start.startsWith('{') || start.startsWith('[')
          ? (text) => readScreeningJson(text, lists)
          : (text) => readScreeningCsv(text, lists),
      ),
      action: actionFor(),
    },
    deps,
  );
}

/** OFAC's SDN list (SDN.XML, or sdn.csv); `programs` keeps only entries under those programs. */
export function createSdnSource(config: ListSourceConfig & { programs?: readonly string[] }, deps: ListSourceDeps) {
  const programs = config.programs ?? [];
  return createListSource(
    {
      ...definitionBasics(config, 'ofac-sdn', 'OFAC SDN List'),
      read: sniffing((start) =>
        start.startsWith('<') ? (text) => readSdnXml(text, programs) : (text) => readSdnCsv(text, programs),
      ),
      action: actionFor('sanction'),
    },
    deps,
  );
}

/** The FCC Covered List page. */
export function createFccCoveredListSource(config: ListSourceConfig, deps: ListSourceDeps): Source {
  return createListSource(
    {
      ...definitionBasics(config, 'fcc-covered-list', 'FCC Covered List'),
      read: (text): AsyncIterable<ListEntry> => readFccTable(text),
      action: actionFor('ban'),
    },
    deps,
  );
}
