import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.js';
import { openSqliteBackend } from '../../src/store/sqlite/sqlite-backend.js';
import { closedMarkFile, FULL_CHECK_EVERY_MS } from '../../src/store/sqlite/sqlite-integrity.js';

/**
 * The whole-file check (quick_check, every page read) runs when the file may have changed
 * outside banwatch, and at least daily; a file exactly as banwatch closed it after a recent
 * check only has its header read. The damage below keeps the file's times as banwatch left
 * them, as a rotting disk would: only the whole check can see it.
 */
async function storeWithItems(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'banwatch-integrity-')), 'state.sqlite');
  const backend = await openSqliteBackend(`sqlite://${file}`, systemClock);
  const claims = backend.claims('items');
  for (let i = 0; i < 20; i++) {
    await claims.claim(
      Array.from({ length: 50 }, (_, j) => `item-${i}-${j}-${'x'.repeat(60)}`),
      'done',
      86_400_000,
    );
  }
  await backend.close();
  return file;
}

/** Damages every page after the second, then puts the file's times back as they were. */
function rotUnseen(file: string): void {
  const { atime, mtime } = statSync(file);
  const bytes = readFileSync(file);
  for (let at = 4096 * 2 + 100; at < bytes.length; at += 4096) bytes.fill(0xa5, at, at + 600);
  writeFileSync(file, bytes);
  utimesSync(file, atime, mtime);
}

const open = (file: string) => openSqliteBackend(`sqlite://${file}`, systemClock);

describe('the SQLite store checked whole when it may have changed, and daily', () => {
  it('reads only the header of a file as banwatch closed it, and all of it once the last check is a day old', async () => {
    const file = await storeWithItems();
    expect(existsSync(closedMarkFile(file))).toBe(true);
    rotUnseen(file);
    // As banwatch left it, checked whole minutes ago: opened without reading every page.
    const backend = await open(file);
    // The damage is still met when a read reaches it, and told as the check would tell it.
    const read = backend.claims('items').get(`item-19-49-${'x'.repeat(60)}`);
    await expect(read).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    await expect(read).rejects.toThrow(/is corrupt .*\.recover/s);
    await backend.close();
    const mark = JSON.parse(readFileSync(closedMarkFile(file), 'utf8')) as { checkedAt: number };
    // Closing keeps the time of the last whole check rather than claiming a new one.
    expect(Date.now() - mark.checkedAt).toBeLessThan(60_000);
    writeFileSync(closedMarkFile(file), JSON.stringify({ ...mark, checkedAt: Date.now() - FULL_CHECK_EVERY_MS - 1 }));
    await expect(open(file)).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });

  it('checks the whole file when banwatch did not close it (no mark: a crash, or still open elsewhere)', async () => {
    const file = await storeWithItems();
    const backend = await open(file);
    // Open now: the mark is gone until this process closes the store.
    expect(existsSync(closedMarkFile(file))).toBe(false);
    await backend.close();
    rotUnseen(file);
    writeFileSync(closedMarkFile(file), 'not a mark');
    await expect(open(file)).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });

  it('checks the whole file when it changed after banwatch closed it, however soon', async () => {
    const file = await storeWithItems();
    const bytes = readFileSync(file);
    for (let at = 4096 * 2 + 100; at < bytes.length; at += 4096) bytes.fill(0xa5, at, at + 600);
    writeFileSync(file, bytes);
    await expect(open(file)).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });
});
