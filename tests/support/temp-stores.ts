import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/domain/clock.js';
import { openStores, type Stores } from '../../src/store/open-stores.js';

/** A fresh SQLite store in a temporary directory. */
export async function tempStores(clock: Clock): Promise<Stores & { url: string }> {
  const url = `sqlite://${join(mkdtempSync(join(tmpdir(), 'banwatch-store-')), 'test.sqlite')}`;
  return Object.assign(await openStores(url, clock), { url });
}
