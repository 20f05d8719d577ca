/**
 * The floor under the cold unchanged figure: a fresh Node process that only makes the poll's
 * conditional GETs (undici, the client banwatch fetches with, 16 at a time as the engine polls,
 * each sending the ETag the feed host will answer 304 to) and exits. No configuration, store,
 * schedule or parser thread: what any program pays on this machine to ask 2,000 feeds "changed?"
 * from a cold start. The cold bench times it exactly as it times `poll --once`, so the gap
 * between the two is banwatch's own cost.
 */
import { pathToFileURL } from 'node:url';
import { Agent, request } from 'undici';
import { feedEtag, feedPath } from './bench-feeds.js';
import { siblingScript } from './measure.js';

const CONCURRENCY = 16;

/** `node` arguments that run this floor against `origin`'s feeds 0..feeds-1 at `version`. */
export function conditionalGetFloorArgs(origin: string, feeds: number, version: number): string[] {
  const self = siblingScript(import.meta.url, 'conditional-get-floor');
  return [...self.execArgv, self.file, origin, String(feeds), String(version)];
}

async function askEveryFeed(origin: string, feeds: number, version: number): Promise<void> {
  const dispatcher = new Agent({});
  let next = 0;
  const worker = async () => {
    while (next < feeds) {
      const feed = next++;
      const response = await request(`${origin}${feedPath(feed)}`, {
        headers: { 'if-none-match': feedEtag(feed, version) },
        dispatcher,
      });
      await response.body.dump();
      if (response.statusCode !== 304) throw new Error(`feed ${feed}: HTTP ${response.statusCode}, expected 304`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await dispatcher.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [origin = '', feeds = '0', version = '0'] = process.argv.slice(2);
  await askEveryFeed(origin, Number(feeds), Number(version));
}
