import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteBackend } from '../../src/store/sqlite/sqlite-backend.js';
import { mutableClock } from '../support/mutable-clock.js';
import { backendContract } from './backend-contract.js';
import { storesContract } from './stores-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'banwatch-sqlite-'));
const clock = mutableClock();
backendContract('sqlite', (c) => openSqliteBackend(`sqlite://${join(dir, 'contract.sqlite')}`, c), clock);
storesContract('sqlite', (c) => openSqliteBackend(`sqlite://${join(dir, 'stores.sqlite')}`, c), clock);

describe('sqlite sweep', () => {
  it('removes expired keyv documents, which keyv itself only drops when they are read again', async () => {
    const sweepClock = mutableClock(new Date());
    const backend = await openSqliteBackend(`sqlite://${join(dir, 'sweep.sqlite')}`, sweepClock);
    try {
      const space = backend.keyValue('sweepdocs');
      await space.set('short', 'gone soon', 60_000);
      await space.set('long', 'kept', 3_600_000);
      await space.set('forever', 'kept');
      await backend.sweep();
      expect(await space.get('short')).toBe('gone soon');
      sweepClock.advance(120_000);
      await backend.sweep();
      expect(await space.getMany(['short', 'long', 'forever'])).toEqual([undefined, 'kept', 'kept']);
    } finally {
      await backend.close();
    }
  });
});
