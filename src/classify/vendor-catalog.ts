/**
 * Reads config/vendors.yaml into the vendor catalog: records for lookups and the match names
 * the classifier compiles. The only I/O of the classify module is `loadVendorCatalog`.
 */
import { readFileSync } from 'node:fs';
import type { Instrument, VendorCatalog, VendorRecord } from '../domain/vendor.js';
import { ConfigError, errorMessage } from '../shared/errors.js';
import { catalogFileSchema, formatIssues, type CatalogFile, type VendorEntry } from './catalog-schema.js';
import { suggestNames, type SuggestCandidate } from './name-suggest.js';
import { phraseTokens } from './headline-tokens.js';
import { cachedYamlParse } from '../shared/yaml-cache.js';
import { parseYamlText } from '../shared/yaml-text.js';

/** The match names of one vendor, as written in the file (lower case). */
export interface VendorPatterns {
  vendor: string;
  strong: readonly string[];
  weak: readonly string[];
  context: readonly string[];
  not: readonly string[];
  /** Normalized brand names, to tell in reasons whether a brand or an alias matched. */
  brandKeys: ReadonlySet<string>;
}

export interface VendorClasses {
  origins: readonly string[];
  products: readonly string[];
}

/** The catalog as the classifier needs it: lookups plus the names to compile. */
export interface LoadedCatalog extends VendorCatalog {
  /** The file it was read from, for messages. */
  readonly source: string;
  readonly patterns: readonly VendorPatterns[];
  readonly classes: VendorClasses;
}

/** The form used to compare names: lower-case words, punctuation dropped ("TP-Link" = "tp link"). */
export function nameKey(name: string): string {
  return phraseTokens(name).join(' ');
}

export function loadVendorCatalog(file: string): LoadedCatalog {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`${file}: cannot be read (${errorMessage(error)})`]);
  }
  return parseVendorCatalog(text, file);
}

/** Parses and checks the YAML text of a vendor catalog; `source` names it in messages. */
export function parseVendorCatalog(text: string, source: string): LoadedCatalog {
  const data = cachedYamlParse(text, (yaml) => parseYamlText(source, yaml));
  const parsed = catalogFileSchema.safeParse(data ?? {});
  if (!parsed.success) {
    throw new ConfigError(formatIssues(parsed.error.issues, data).map((p) => `${source}: ${p}`));
  }
  const problems = checkNames(parsed.data);
  if (problems.length > 0) throw new ConfigError(problems.map((p) => `${source}: ${p}`));
  return buildCatalog(parsed.data, source);
}

/** Problems zod cannot see: a name that matches nothing, or one claimed by two vendors. */
function checkNames(file: CatalogFile): string[] {
  const problems: string[] = [];
  const owners = new Map<string, { index: number; where: string }>();
  const vendorNames = new Map<string, number>();
  file.vendors.forEach((vendor, index) => {
    const key = vendor.name.toLowerCase();
    const earlier = vendorNames.get(key);
    if (earlier !== undefined)
      problems.push(`vendors[${index}].name: "${vendor.name}" is already the name of vendors[${earlier}]`);
    else vendorNames.set(key, index);
    for (const field of ['strong', 'weak', 'context', 'not'] as const) {
      vendor.match[field].forEach((name, i) => {
        const where = `vendors[${index}].match.${field}[${i}]`;
        const tokens = nameKey(name);
        if (tokens === '') {
          problems.push(`${where}: "${name}" has no letters or digits to match`);
          return;
        }
        if (field !== 'strong' && field !== 'weak') return;
        const owner = owners.get(tokens);
        if (owner === undefined) owners.set(tokens, { index, where: `${where} ("${vendor.name}")` });
        else if (owner.index !== index) problems.push(`${where}: "${name}" is already a match name at ${owner.where}`);
      });
    }
  });
  for (const field of ['origins', 'products'] as const) {
    file.classes[field].forEach((name, i) => {
      if (nameKey(name) === '') problems.push(`classes.${field}[${i}]: "${name}" has no letters or digits to match`);
    });
  }
  return problems;
}

function toRecord(vendor: VendorEntry): VendorRecord {
  return {
    name: vendor.name,
    category: vendor.category,
    country: vendor.country,
    legalNames: vendor.legalNames,
    aliases: vendor.aliases,
    brands: vendor.brands,
    restrictions: vendor.restrictions.map((r) => ({
      instrument: r.instrument,
      jurisdiction: r.jurisdiction,
      date: r.date,
      stage: r.stage,
      ...(r.note ? { note: r.note } : {}),
      ...(r.evidence ? { evidence: r.evidence } : {}),
    })),
    notes: vendor.notes,
  };
}

/** Lookup keys of one vendor, most specific first: canonical name, aliases, legal names, brands, match names. */
function lookupNames(vendor: VendorEntry): Array<[name: string, rank: number]> {
  return [
    [vendor.name, 0],
    ...vendor.aliases.map((n): [string, number] => [n, 1]),
    ...vendor.legalNames.map((n): [string, number] => [n, 2]),
    ...vendor.brands.map((b): [string, number] => [b.name, 3]),
    ...vendor.match.strong.map((n): [string, number] => [n, 4]),
    ...vendor.match.weak.map((n): [string, number] => [n, 5]),
  ];
}

function buildCatalog(file: CatalogFile, source: string): LoadedCatalog {
  const records = file.vendors.map(toRecord);
  const instruments = new Map<string, Instrument>(
    Object.entries(file.instruments).map(([id, i]) => [id, { id, ...i }]),
  );
  // A name can mean two vendors ("Lorex" is a vendor and a former Dahua brand): the better rank wins.
  const byName = new Map<string, { record: VendorRecord; rank: number }>();
  const candidates: SuggestCandidate[] = [];
  file.vendors.forEach((vendor, index) => {
    const record = records[index] as VendorRecord;
    for (const [name, rank] of lookupNames(vendor)) {
      for (const variant of [name, name.replace(/\s*\([^)]*\)\s*/g, ' ')]) {
        const key = nameKey(variant);
        if (key === '') continue;
        const known = byName.get(key);
        if (!known || rank < known.rank) byName.set(key, { record, rank });
      }
      // Legal names and match names are too long or too odd to be offered as suggestions.
      if (rank !== 2 && rank < 4) candidates.push({ display: name, key: nameKey(name), rank });
    }
  });
  const patterns: VendorPatterns[] = file.vendors.map((vendor) => ({
    vendor: vendor.name,
    strong: vendor.match.strong,
    weak: vendor.match.weak,
    context: vendor.match.context,
    not: vendor.match.not,
    brandKeys: new Set(vendor.brands.map((b) => nameKey(b.name))),
  }));
  return {
    source,
    patterns,
    classes: file.classes,
    all: () => records,
    instrument: (id) => instruments.get(id),
    resolve: (name) => byName.get(nameKey(name))?.record,
    suggest: (name, limit = 5) => suggestNames(nameKey(name), candidates, limit),
  };
}
