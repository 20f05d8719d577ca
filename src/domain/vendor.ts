import type { Stage } from './classification.js';

/** A law, rule, list or order that restricts vendors (FCC Covered List, NDAA Section 889, ...). */
export interface Instrument {
  id: string;
  name: string;
  /** A short name for chat answers, e.g. `NDAA FY2019 §889`. */
  short: string;
  jurisdiction: string;
  type: string;
}

/** One restriction of one vendor by one instrument. */
export interface Restriction {
  instrument: string;
  jurisdiction: string;
  /** ISO date or year-month, possibly empty when unknown. */
  date: string;
  stage: Stage;
  note?: string;
  evidence?: string;
}

export interface VendorBrand {
  name: string;
  relation: string;
}

export interface VendorRecord {
  /** Canonical name, as used in classifications and filters. */
  name: string;
  category: string;
  country: string;
  legalNames: string[];
  aliases: string[];
  brands: VendorBrand[];
  restrictions: Restriction[];
  /** Ambiguities worth knowing (name collisions, ownership changes). */
  notes: string[];
}

/** Read-only view of the vendor knowledge base, shared by the classifier and the lookups. */
export interface VendorCatalog {
  all(): readonly VendorRecord[];
  instrument(id: string): Instrument | undefined;
  /** Resolves a canonical name, alias or brand (case-insensitive) to its vendor. */
  resolve(name: string): VendorRecord | undefined;
  /** Closest vendor names, aliases or brands for a misspelling, best first. */
  suggest(name: string, limit?: number): string[];
}
