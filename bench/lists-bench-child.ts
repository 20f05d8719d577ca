/**
 * Runs in its own process (bench/lists-bench.ts starts it), so its peak RSS is the list poll's
 * alone: writes a synthetic SDN.XML of LIST_BENCH_MB (default 100) MB by repeating the real
 * entries of tests/fixtures/lists with new uids, serves it on 127.0.0.1, and polls it with the
 * real ofac-sdn source into a SQLite store: the first poll (download, streaming parse, snapshot
 * written), an unchanged poll answered 304 (ETag), and one without validators (content hash).
 */
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/domain/clock.js';
import { packageRoot } from '../src/shared/package-root.js';
import { createListDownloader } from '../src/sources/lists/list-download.js';
import { createSdnSource } from '../src/sources/lists/list-sources.js';
import { createListSnapshotStore } from '../src/store/list-snapshot-store.js';
import { openStores } from '../src/store/open-stores.js';
import { round, rssSampler } from './measure.js';

const TARGET_BYTES = Number(process.env.LIST_BENCH_MB ?? 100) * 1_048_576;

async function writeSyntheticSdn(file: string): Promise<{ bytes: number; entries: number }> {
  const fixture = readFileSync(
    join(packageRoot(import.meta.url), 'tests', 'fixtures', 'lists', 'ofac-sdn-2019-03-11-excerpt.xml'),
    'utf8',
  );
  const entries = fixture.match(/<sdnEntry>[\s\S]*?<\/sdnEntry>/g) ?? [];
  const out = createWriteStream(file);
  const write = (text: string) =>
    new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', () => resolve())));
  await write('<?xml version="1.0" standalone="yes"?>\n<sdnList xmlns="http://tempuri.org/sdnList.xsd">\n');
  let bytes = 0;
  let count = 0;
  while (bytes < TARGET_BYTES) {
    const entry = (entries[count % entries.length] as string).replace(
      /<uid>\d+<\/uid>/,
      `<uid>${100_000 + count}</uid>`,
    );
    await write(`  ${entry}\n`);
    bytes += entry.length + 3;
    count++;
  }
  await write('</sdnList>\n');
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { bytes: statSync(file).size, entries: count };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-lists-bench-'));
  const file = join(dir, 'SDN.XML');
  const written = await writeSyntheticSdn(file);
  let etag: string | undefined = '"v1"';
  const server = createServer((req, res) => {
    if (etag && req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/xml', ...(etag ? { etag } : {}) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/SDN.XML`;
  const stores = await openStores(`sqlite://${join(dir, 'bench.sqlite')}`, systemClock);
  const downloader = createListDownloader({ clock: systemClock });
  const source = createSdnSource(
    { id: 'sdn', url, intervalMs: 3_600_000, backfill: 0 },
    { downloader, store: createListSnapshotStore(stores.backend), clock: systemClock },
  );
  const baselineRssMb = round(process.memoryUsage().rss / 1_048_576);
  const sampler = rssSampler(10);
  sampler.phase('first-poll');
  let started = performance.now();
  const first = await source.poll(undefined);
  const firstMs = performance.now() - started;
  await stores.flush();
  const memory = sampler.report();
  sampler.stop();
  if (!first.ok) throw new Error(`first poll failed: ${first.failure.message}`);

  started = performance.now();
  const unchanged = await source.poll(first.cursor);
  const unchangedMs = performance.now() - started;
  etag = undefined;
  started = performance.now();
  const hashed = await source.poll(first.cursor);
  const hashedMs = performance.now() - started;

  process.stdout.write(
    `${JSON.stringify({
      fileMb: round(written.bytes / 1_048_576),
      entries: written.entries,
      firstPollSeconds: round(firstMs / 1_000, 2),
      parseMbPerSecond: round(written.bytes / 1_048_576 / (firstMs / 1_000)),
      baselineRssMb,
      peakRssMb: memory.peakRssMb,
      heapUsedMbAtPeak: memory.heapUsedMbAtPeak,
      unchangedPollMs: round(unchangedMs, 1),
      unchangedNotModified: unchanged.ok && unchanged.notModified === true,
      unchangedByHashSeconds: round(hashedMs / 1_000, 2),
      unchangedByHashNotModified: hashed.ok && hashed.notModified === true,
    })}\n`,
  );
  await downloader.close();
  await stores.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
