/**
 * `watch import` of a 5,000-row supplier list against ~15,500 official-list entries (the real
 * CSL and SDN files of tests/fixtures/lists, repeated under new ids until there are that many):
 * the one index built per import, the 5,000 rows matched and planned through it, and, for
 * comparison, what one full `vendor`-style list lookup costs (5,000 of those would be the naive
 * import). Target: the 5,000 rows matched in under 5 s.
 * Run alone with `npx tsx bench/inventory-bench.ts`; it prints one JSON line.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listVendorMatcher } from '../src/app/list-vendor-matcher.js';
import { loadVendorCatalog } from '../src/classify/vendor-catalog.js';
import { listLookup } from '../src/commands/handlers/list-lookup.js';
import { listNameIndex } from '../src/commands/handlers/list-name-index.js';
import { inventoryMatcher } from '../src/commands/handlers/inventory-matcher.js';
import { planInventory } from '../src/commands/handlers/inventory-plan.js';
import type { ListEntry, ListSnapshot } from '../src/domain/list-entry.js';
import { packageRoot } from '../src/shared/package-root.js';
import { readScreeningCsv } from '../src/sources/lists/screening-csv-reader.js';
import { readSdnCsv } from '../src/sources/lists/sdn-csv-reader.js';
import { round } from './measure.js';

const ENTRIES = 15_500;
const ROWS = 5_000;
const TARGET_MS = 5_000;
const root = (path: string): string => join(packageRoot(import.meta.url), path);

async function realEntries(): Promise<ListEntry[]> {
  const text = (file: string) =>
    createReadStream(root(`tests/fixtures/lists/${file}`), { encoding: 'utf8' }) as AsyncIterable<string>;
  const out: ListEntry[] = [];
  for (const file of ['csl-consolidated-2022-05-excerpt.csv', 'csl-consolidated-2023-11-excerpt.csv'])
    for await (const entry of readScreeningCsv(text(file))) out.push(entry);
  for (const file of ['ofac-sdn-2024-04-15-tail.csv', 'ofac-sdn-2019-01-tail.csv'])
    for await (const entry of readSdnCsv(text(file))) out.push(entry);
  return out;
}

export async function benchInventory(): Promise<Record<string, unknown>> {
  const real = await realEntries();
  const entries = Array.from({ length: ENTRIES }, (_, i) => ({ ...(real[i % real.length] as ListEntry), id: `b${i}` }));
  const snapshots: ListSnapshot[] = [{ sourceId: 'bench', hash: 'h', takenAt: new Date().toISOString(), entries }];
  const catalog = loadVendorCatalog(root('config/vendors.yaml'));
  // The rows: every catalogue vendor, listed names, and unknown suppliers for the rest.
  const names = [
    ...catalog.all().map((vendor) => vendor.name),
    ...real.slice(0, 1_500).map((entry) => entry.name),
    ...Array.from({ length: ROWS }, (_, i) => `Northwind Components ${i}`),
  ].slice(0, ROWS);
  const rows = names.map((name, i) => ({ line: i + 2, name, aliases: [] }));

  let started = performance.now();
  const index = listNameIndex(snapshots);
  const indexMs = performance.now() - started;
  started = performance.now();
  const match = inventoryMatcher({ catalog, catalogueVendor: listVendorMatcher(catalog), lists: index });
  const { report } = planInventory({ rows, blank: 0, rejected: [] }, [], match, {
    channelId: 'bench',
    cap: ROWS,
    addedBy: 'bench',
    addedAt: new Date().toISOString(),
  });
  const importMs = performance.now() - started;

  const lookup = listLookup({ latest: async () => snapshots, allMeta: async () => [] });
  await lookup.find(['warm up']);
  const samples: number[] = [];
  for (const name of ['Hikvision', 'Northwind Components 7', real[40]?.name ?? 'x', 'Shenzhen Unknown Trading']) {
    started = performance.now();
    await lookup.find([name]);
    samples.push(performance.now() - started);
  }
  const lookupMs = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    figure: 'inventory',
    entries: index.size,
    rows: ROWS,
    indexBuildMs: round(indexMs),
    importMatchMs: round(importMs),
    perRowMs: round(importMs / ROWS, 3),
    counts: {
      catalogue: report.catalogue.length,
      listed: report.listed.length,
      near: report.near.length,
      new: report.new.length,
      duplicates: report.duplicates.length,
    },
    fullLookupMs: round(lookupMs),
    naiveImportSeconds: round((lookupMs * ROWS) / 1_000),
    target: `${ROWS} rows matched against ${ENTRIES} list entries in < ${TARGET_MS} ms`,
    ok: importMs + indexMs < TARGET_MS,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.stdout.write(`${JSON.stringify(await benchInventory())}\n`);
