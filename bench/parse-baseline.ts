/**
 * The bare cost the poll is compared with: rss-parser's parseString over the same bodies, one
 * after another in one thread (the fastest of a few passes). It runs in a child process (`parseBaselineInChild`), so its
 * allocations never count in the app's memory figure nor slow the app's later cycles.
 */
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import Parser from 'rss-parser';
import { feedPath } from './bench-feeds.js';
import { siblingScript } from './measure.js';

/** GETs every feed's current body from the feed host (no validators, so each answer is a 200). */
export async function fetchBodies(origin: string, feeds: number): Promise<string[]> {
  const bodies: string[] = new Array<string>(feeds);
  let next = 0;
  const worker = async () => {
    while (next < feeds) {
      const feed = next++;
      const response = await fetch(`${origin}${feedPath(feed)}`);
      if (!response.ok) throw new Error(`feed ${feed}: HTTP ${response.status}`);
      bodies[feed] = await response.text();
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return bodies;
}

/**
 * On this VM one pass over 2,000 bodies takes 1.1 s or, at random, up to 2.1 s (eight passes in
 * a row: 1.12 1.82 1.35 1.16 2.15 1.19 1.22 1.23): a single pass made each round's ratio flatter
 * the poll whenever the baseline drew a slow pass. The baseline is the fastest of `PASSES`, the
 * cost of the parse itself; the noise that remains is in the poll's own time.
 */
const PASSES = 3;

/** Parses every body after a short warm-up, so the JIT has seen the parser (the app's parser threads are warm from earlier cycles). */
export async function bareParseSeconds(bodies: readonly string[]): Promise<{ seconds: number; items: number }> {
  const parser = new Parser();
  for (const body of bodies.slice(0, 200)) await parser.parseString(body);
  let items = 0;
  let fastest = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < PASSES; pass++) {
    items = 0;
    const started = performance.now();
    for (const body of bodies) items += (await parser.parseString(body)).items.length;
    fastest = Math.min(fastest, (performance.now() - started) / 1_000);
  }
  return { seconds: fastest, items };
}

/** The bare parse of the feed host's current bodies, measured in a child process. */
export async function parseBaselineInChild(origin: string, feeds: number): Promise<{ seconds: number; items: number }> {
  const self = siblingScript(import.meta.url, 'parse-baseline');
  const { stdout } = await promisify(execFile)(process.execPath, [...self.execArgv, self.file, origin, String(feeds)], {
    maxBuffer: 1_000_000,
  });
  return JSON.parse(stdout) as { seconds: number; items: number };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [origin = '', feeds = '0'] = process.argv.slice(2);
  const bodies = await fetchBodies(origin, Number(feeds));
  process.stdout.write(`${JSON.stringify(await bareParseSeconds(bodies))}\n`);
}
