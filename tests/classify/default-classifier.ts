/** The classifier built from the repository's own config/vendors.yaml, shared by the tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifier } from '../../src/classify/classifier.js';
import { loadVendorCatalog } from '../../src/classify/vendor-catalog.js';
import type { Classification, ClassifyOptions } from '../../src/domain/classification.js';

export const VENDORS_FILE = fileURLToPath(new URL('../../config/vendors.yaml', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/classify/', import.meta.url));

export const catalog = loadVendorCatalog(VENDORS_FILE);
export const classifier = createClassifier(catalog);

export function classify(title: string, summary?: string, options?: ClassifyOptions): Classification {
  return classifier.classify(summary === undefined ? { title } : { title, summary }, options);
}

/** True when some reason contains `text` (reasons are sentences; tests look for their key part). */
export function hasReason(result: Classification, text: string): boolean {
  return result.reasons.some((r) => r.includes(text));
}

/** A plain-text fixture's lines split at tabs, skipping blank lines and `#` comments. */
export function fixtureRows(name: string): string[][] {
  return readFileSync(join(FIXTURES, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}
