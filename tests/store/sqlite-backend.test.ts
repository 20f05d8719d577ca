import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreError } from '../../src/shared/errors.js';
import { openSqliteBackend } from '../../src/store/sqlite/sqlite-backend.js';
import { mutableClock } from '../support/mutable-clock.js';
import { backendContract } from './backend-contract.js';
import { outboxIndexContract } from './outbox-index-contract.js';
import { digestHistoryContract } from './digest-history-contract.js';
import { storesContract } from './stores-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'banwatch-sqlite-'));
const clock = mutableClock();
backendContract('sqlite', (c) => openSqliteBackend(`sqlite://${join(dir, 'contract.sqlite')}`, c), clock);
storesContract('sqlite', (c) => openSqliteBackend(`sqlite://${join(dir, 'stores.sqlite')}`, c), clock);
outboxIndexContract('sqlite', (c) => openSqliteBackend(`sqlite://${join(dir, 'outbox.sqlite')}`, c), clock);
digestHistoryContract('sqlite', (c) => openSqliteBackend(`sqlite://${join(dir, 'digests.sqlite')}`, c), clock);

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

describe('sqlite file', () => {
  it('keeps documents, claims and entries across a close and reopen of the file', async () => {
    const url = `sqlite://${join(dir, 'reopen.sqlite')}`;
    const first = await openSqliteBackend(url, clock);
    await first.keyValue('docs').set('a', { n: 1 });
    await first.claims('items').claim(['k1', 'k2'], 'done', 3_600_000);
    await first.ordered<string>('queue').append('e1', 'first');
    await first.close();
    const second = await openSqliteBackend(url, clock);
    try {
      expect(await second.keyValue('docs').get('a')).toEqual({ n: 1 });
      expect(await second.claims('items').claim(['k1', 'k3'], 'other', 3_600_000)).toEqual(
        new Map([
          ['k1', 'done'],
          ['k3', 'other'],
        ]),
      );
      expect(await second.ordered<string>('queue').list()).toEqual([{ key: 'e1', value: 'first' }]);
    } finally {
      await second.close();
    }
  });

  it('lets two processes claim the same key at once, one winning and the other reading its hold', async () => {
    const file = `sqlite://${join(dir, 'two-claimers.sqlite')}`;
    const one = await openSqliteBackend(file, clock);
    const two = await openSqliteBackend(file, clock);
    try {
      // Both read the key free; the second's statement waits for the first's write lock, then
      // finds the key taken and takes only its own.
      const [first, second] = await Promise.all([
        one.claims('items').claim(['shared', 'mine-1'], 'one', 60_000),
        two.claims('items').claim(['shared', 'mine-2'], 'two', 60_000),
      ]);
      expect(first.get('shared')).toBe('one');
      expect(second.get('shared')).toBe('one');
      expect(second.get('mine-2')).toBe('two');
      await two.flush();
      expect(await one.claims('items').get('mine-2')).toBe('two');
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('reads documents in the table layout earlier versions (@keyv/sqlite) wrote', async () => {
    const file = join(dir, 'earlier.sqlite');
    const earlier = new Database(file);
    earlier.exec('CREATE TABLE kv_feeds (key VARCHAR(255) PRIMARY KEY, value TEXT)');
    earlier
      .prepare('INSERT INTO kv_feeds (key, value) VALUES (?, ?)')
      .run('feeds:f1', JSON.stringify({ value: { etag: '"v1"' }, expires: null }));
    earlier.close();
    const backend = await openSqliteBackend(`sqlite://${file}`, clock);
    try {
      expect(await backend.keyValue('feeds').get('f1')).toEqual({ etag: '"v1"' });
    } finally {
      await backend.close();
    }
  });

  it('refuses a file that is not a SQLite database with a StoreError naming the file', async () => {
    const file = join(dir, 'not-a-database.sqlite');
    writeFileSync(file, 'this is a text file, not a database\n'.repeat(200));
    const opened = openSqliteBackend(`sqlite://${file}`, clock);
    await expect(opened).rejects.toBeInstanceOf(StoreError);
    await expect(opened).rejects.toThrow(/not-a-database\.sqlite: file is not a database/);
  });

  it('fails calls on a closed store with a StoreError rather than hanging', async () => {
    const backend = await openSqliteBackend(`sqlite://${join(dir, 'closed.sqlite')}`, clock);
    const docs = backend.keyValue('docs');
    const items = backend.claims('items');
    await backend.close();
    await expect(docs.get('a')).rejects.toBeInstanceOf(StoreError);
    await expect(items.get('a')).rejects.toBeInstanceOf(StoreError);
    await expect(backend.ping()).rejects.toThrow(/connection is not open/);
  });
});

describe('sqlite sweep in slices', () => {
  it('removes every expired claim and document, however many, and keeps the rest', async () => {
    const sweepClock = mutableClock(new Date());
    const backend = await openSqliteBackend(`sqlite://${join(dir, 'sweep-many.sqlite')}`, sweepClock);
    try {
      const claims = backend.claims('many');
      const docs = backend.keyValue('manydocs');
      const keys = Array.from({ length: 4_500 }, (_, i) => `k${i}`);
      await claims.put(keys, 'short', 60_000);
      await claims.put(['kept'], 'long', 3_600_000);
      await Promise.all(keys.map((key) => docs.set(key, 'short', 60_000)));
      await docs.set('kept', 'long', 3_600_000);
      sweepClock.advance(120_000);
      await backend.sweep();
      sweepClock.advance(-120_000);
      // Read back at the earlier time: only what the sweep left is still there.
      const owners = await claims.claim([...keys, 'kept'], 'new', 60_000);
      expect([...owners.values()].filter((value) => value === 'new')).toHaveLength(keys.length);
      expect(owners.get('kept')).toBe('long');
      const left = await docs.getMany([...keys, 'kept']);
      expect(left.filter((value) => value !== undefined)).toEqual(['long']);
    } finally {
      await backend.close();
    }
  });
});

describe('sqlite checkpoints', () => {
  it('copies committed pages into the database file from its own thread, without a checkpoint on the main connection', async () => {
    const file = join(dir, 'checkpoint.sqlite');
    const backend = await openSqliteBackend(`sqlite://${file}`, clock);
    try {
      const docs = backend.keyValue('bulk');
      const before = statSync(file).size;
      // ~1.5 MB: under SQLite's own checkpoint threshold (1,000 pages), so only the thread can move it.
      await Promise.all(Array.from({ length: 700 }, (_, i) => docs.set(`d${i}`, 'x'.repeat(2_000))));
      await backend.flush();
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(1_000_000);
      const deadline = Date.now() + 5_000;
      while (statSync(file).size < before + 1_000_000 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(statSync(file).size).toBeGreaterThan(before + 1_000_000);
    } finally {
      await backend.close();
    }
  });
});
