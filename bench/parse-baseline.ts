import Parser from 'rss-parser';
import { feedPath } from './bench-feeds.js';

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
 * The bare cost the poll is compared with: rss-parser's parseString over the same bodies, one
 * after another in this thread, after a short warm-up so the JIT has seen the parser (the
 * app's worker thread is warm from the initializing poll too).
 */
export async function bareParseSeconds(bodies: readonly string[]): Promise<{ seconds: number; items: number }> {
  const parser = new Parser();
  for (const body of bodies.slice(0, 200)) await parser.parseString(body);
  let items = 0;
  const started = performance.now();
  for (const body of bodies) items += (await parser.parseString(body)).items.length;
  return { seconds: (performance.now() - started) / 1_000, items };
}
