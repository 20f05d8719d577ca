import { formatBillId, parseBillId } from '../../domain/bill-id.js';
import type { Clock } from '../../domain/clock.js';
import type { TrackedBill } from '../../domain/instrument.js';
import type { TrackedBillStore } from '../../domain/ports.js';
import type { SourceFailure } from '../../domain/source.js';
import type { Logger } from '../../shared/logger.js';
import type { GovinfoApi } from './govinfo-api.js';
import { billIdOfPackage } from './govinfo-schema.js';
import { matchedSection } from './section-match.js';

/**
 * Where full-text discovery stands: bills changed since `since` are read newest change first,
 * term group by term group; a scan cut short resumes at `group`/`offsetMark`, and a finished one
 * moves `since` to when it started (less an overlap).
 */
export interface TextScan {
  since: string;
  started?: string;
  group?: number;
  offsetMark?: string;
}

export interface TextDiscoveryDeps {
  api: GovinfoApi;
  clock: Clock;
  tracked: Pick<TrackedBillStore, 'list' | 'add'>;
  /** The catalogue's vendor names, the channels' watch terms and the lexicon's instruments. */
  terms: readonly string[];
  /** Canonical vendors named in a matched passage. */
  vendorsIn(text: string): string[];
  sourceId: string;
  logger?: Logger;
  lookbackMs?: number;
  maxPages?: number;
}

const OVERLAP_MS = 60 * 60_000;
/** GovInfo queries stay short: a catalogue of names is searched a few names at a time. */
const TERMS_PER_QUERY = 12;

export interface TextDiscoveryResult {
  scan: TextScan;
  added: string[];
  failure?: SourceFailure;
}

function queries(terms: readonly string[]): string[] {
  const quoted = [...new Set(terms.map((term) => term.trim()).filter((term) => term.length >= 3))].map(
    (term) => `"${term.replace(/"/g, '')}"`,
  );
  const groups: string[] = [];
  for (let i = 0; i < quoted.length; i += TERMS_PER_QUERY)
    groups.push(`collection:(BILLS) AND (${quoted.slice(i, i + TERMS_PER_QUERY).join(' OR ')})`);
  return groups;
}

/**
 * Finds bills by what their text says (GovInfo `POST /search` on the BILLS collection), not by
 * their title: most bans become law inside large bills whose titles name no vendor. Each hit's
 * text is read for the section that names a term, and the bill is tracked with that section,
 * which its alerts and `bills` show. Tracking goes through the store, so a page read twice
 * after a crash tracks nothing twice.
 */
export async function discoverByText(
  stored: TextScan | undefined,
  deps: TextDiscoveryDeps,
  signal?: AbortSignal,
): Promise<TextDiscoveryResult> {
  const now = deps.clock.now();
  const groups = queries(deps.terms);
  let scan: TextScan = {
    since: stored?.since ?? new Date(now.getTime() - (deps.lookbackMs ?? 30 * 86_400_000)).toISOString(),
    started: stored?.started ?? now.toISOString(),
    group: stored?.group ?? 0,
    ...(stored?.offsetMark ? { offsetMark: stored.offsetMark } : {}),
  };
  const tracked = new Set((await deps.tracked.list()).map((bill) => bill.id));
  const added: string[] = [];
  for (let page = 0; page < (deps.maxPages ?? 4); page++) {
    const query = groups[scan.group ?? 0];
    if (query === undefined) {
      const end = Date.parse(scan.started ?? now.toISOString()) - OVERLAP_MS;
      return { scan: { since: new Date(end).toISOString() }, added };
    }
    const answer = await deps.api.search(query, scan.offsetMark ?? '*', signal);
    if (!answer.ok) return { scan, added, failure: answer.failure };
    let older = false;
    for (const result of answer.value.results) {
      if (result.lastModified && result.lastModified < scan.since) {
        older = true;
        continue;
      }
      const id = billIdOfPackage(result.packageId);
      const bill = id ? parseBillId(id) : undefined;
      if (!bill || tracked.has(formatBillId(bill))) continue;
      const text = await deps.api.packageXml(result.packageId, signal);
      if (!text.ok) return { scan, added, failure: text.failure };
      const match = matchedSection(text.value, deps.terms);
      if (!match) continue;
      const vendors = deps.vendorsIn(`${match.term} ${match.excerpt}`);
      const entry: TrackedBill = {
        id: formatBillId(bill),
        origin: 'discovery',
        addedAt: now.toISOString(),
        ...(vendors.length ? { vendors } : {}),
        matched: { ...match, version: result.packageId },
      };
      tracked.add(entry.id);
      if (await deps.tracked.add(entry)) {
        added.push(entry.id);
        deps.logger?.info(
          { sourceId: deps.sourceId, itemId: `bill:${entry.id}` },
          `congress ${deps.sourceId}: now tracking ${entry.id} (its text names ${match.term}, ${match.section || 'unnumbered'})`,
        );
      }
    }
    const next = answer.value.offsetMark;
    const lastPage = older || !answer.value.results.length || !next || next === scan.offsetMark;
    scan = lastPage
      ? { since: scan.since, started: scan.started ?? now.toISOString(), group: (scan.group ?? 0) + 1 }
      : { ...scan, offsetMark: next };
  }
  return { scan, added };
}

/** Reads a stored scan defensively. */
export function readTextScan(value: unknown): TextScan | undefined {
  const scan = value as Partial<TextScan> | null | undefined;
  if (!scan || typeof scan !== 'object' || typeof scan.since !== 'string' || Number.isNaN(Date.parse(scan.since)))
    return undefined;
  return {
    since: scan.since,
    ...(typeof scan.started === 'string' ? { started: scan.started } : {}),
    ...(typeof scan.group === 'number' && scan.group >= 0 ? { group: scan.group } : {}),
    ...(typeof scan.offsetMark === 'string' ? { offsetMark: scan.offsetMark } : {}),
  };
}
