import { readFile } from 'node:fs/promises';
import { feedIndex } from '../commands/handlers/feed-index.js';
import { addFeed, type FeedsDeps } from '../commands/handlers/feeds-handler.js';
import { isUserError } from '../shared/errors.js';
import { MAX_OPML_FEEDS, readOpml } from '../sources/opml/opml-read.js';
import { writeOpml } from '../sources/opml/opml-write.js';
import type { CliIo } from './cli-io.js';

/**
 * `feeds import FILE.opml`: every feed of the subscription list, nested folders included,
 * added as a trusted runtime feed; those already polled are skipped and counted.
 */
export async function importOpml(file: string, deps: FeedsDeps, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.stderr.write(
      `banwatch: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
    );
    return 1;
  }
  const opml = await readOpml(text);
  if (!opml.ok) {
    io.stderr.write(`banwatch: ${file}: ${opml.message}\n`);
    return 1;
  }
  let added = 0;
  const skipped: string[] = [];
  // Read once for the whole list, and kept up to date as feeds are added; the polled set is
  // refreshed once at the end rather than after every feed.
  const index = feedIndex(await deps.known());
  const storing = deps.batch ? { ...deps, registry: deps.batch.registry } : deps;
  for (const feed of opml.feeds) {
    try {
      const stored = await addFeed(
        storing,
        feed.url,
        { addedBy: 'opml import', trusted: true, title: feed.title, probe: false },
        index,
      );
      io.stdout.write(`added ${stored.id}  ${stored.url}\n`);
      added++;
    } catch (error) {
      if (!isUserError(error)) throw error;
      skipped.push(`${feed.url}: ${error.message}`);
    }
  }
  await deps.batch?.refresh();
  for (const reason of skipped) io.stdout.write(`skipped ${reason}\n`);
  io.stdout.write(`${added} added, ${skipped.length} skipped (of ${opml.feeds.length} feeds in ${file})\n`);
  if (!opml.beyondLimit) return 0;
  io.stderr.write(
    `banwatch: ${file} lists ${opml.beyondLimit} more feed(s) after the first ${MAX_OPML_FEEDS}, not read: split the file and import the rest\n`,
  );
  return 1;
}

/** `feeds export`: every polled feed as OPML 2.0 on stdout. */
export async function exportOpml(
  deps: Pick<FeedsDeps, 'known' | 'clock'> & { titleOf(id: string): string | undefined },
  io: CliIo,
): Promise<number> {
  const feeds = await deps.known();
  const entries = feeds.map((feed) => ({ url: feed.url, title: deps.titleOf(feed.id) ?? feed.id, folder: 'banwatch' }));
  io.stdout.write(writeOpml('banwatch feeds', entries, deps.clock.now()));
  return 0;
}
