/**
 * The open world, measured: the first ban on a vendor comes before the vendor is in the
 * catalogue, so a headline the classifier catches only because it knows the name is a miss in
 * waiting. Every relevant labelled headline that names one catalogued vendor is classified again
 * with that vendor's name, as the headline spells it, replaced by an invented one; the report says
 * how many still name it, how many stay relevant without naming it, and which are lost.
 */
import type { Classifier } from '../../domain/classification.js';
import type { VendorCatalog } from '../../domain/vendor.js';
import type { EvalRow } from './eval-rows.js';
import { escapeRegExp } from '../../shared/escape-regexp.js';

/** A name no catalogue, dictionary or headline has. */
export const INVENTED_VENDOR = 'Zentrix';

export interface UnknownVendorMiss {
  /** The headline as classified, with the invented name. */
  title: string;
  /** `no name`: still relevant, but the invented name is not among its vendors. */
  outcome: 'no name' | 'not relevant';
  reasons: string[];
}

export interface UnknownVendorReport {
  /** Relevant single-vendor headlines whose vendor's name could be found in the title and replaced. */
  headlines: number;
  /** Still relevant, with the invented name among the vendors. */
  found: number;
  /** Still relevant, the name not found (a class or another vendor carried it). */
  relevantWithoutName: number;
  notRelevant: number;
  /** found / headlines. */
  recall: number;
  misses: UnknownVendorMiss[];
}

/** The vendor's names, longest first, so "Hikvision USA" is replaced before "Hikvision". */
function namesOf(catalog: VendorCatalog, vendor: string): string[] {
  const record = catalog.resolve(vendor);
  if (!record) return [vendor];
  const names = [record.name, ...record.aliases, ...record.legalNames, ...record.brands.map((b) => b.name)];
  return [...new Set(names)].filter((n) => n.trim() !== '').sort((a, b) => b.length - a.length);
}

/** The title with the first whole-word spelling of one of `names` replaced, or undefined. */
export function replaceVendor(title: string, names: readonly string[], invented = INVENTED_VENDOR): string | undefined {
  for (const name of names) {
    const match = new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'iu').exec(title);
    if (match) return title.slice(0, match.index) + invented + title.slice(match.index + match[0].length);
  }
  return undefined;
}

export function evaluateUnknownVendors(
  rows: readonly EvalRow[],
  classifier: Classifier,
  catalog: VendorCatalog,
): UnknownVendorReport {
  const report: UnknownVendorReport = {
    headlines: 0,
    found: 0,
    relevantWithoutName: 0,
    notRelevant: 0,
    recall: 0,
    misses: [],
  };
  for (const row of rows) {
    const [vendor] = row.vendors;
    if (!row.relevant || row.vendors.length !== 1 || vendor === undefined) continue;
    const title = replaceVendor(row.title, namesOf(catalog, vendor));
    if (title === undefined) continue;
    report.headlines++;
    const got = classifier.classify({ title });
    // "Zentrix Americas" names it too: the headline's own words after the name are part of it.
    if (got.relevant && got.vendors.some((v) => v.split(' ').includes(INVENTED_VENDOR))) {
      report.found++;
      continue;
    }
    if (got.relevant) report.relevantWithoutName++;
    else report.notRelevant++;
    report.misses.push({ title, outcome: got.relevant ? 'no name' : 'not relevant', reasons: got.reasons });
  }
  report.recall = report.headlines ? report.found / report.headlines : 0;
  return report;
}
