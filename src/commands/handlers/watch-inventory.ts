import type { WatchTerm } from '../../domain/watch-term.js';
import { UserError } from '../../shared/errors.js';
import type { CommandContext } from '../command.js';
import { line, reply, type Reply, type ReplyLine, type ReplySection } from '../reply.js';
import { inventoryCsv, readInventoryCsv } from './inventory-csv.js';
import type { InventoryMatch } from './inventory-matcher.js';
import { planInventory, type InventoryReport } from './inventory-plan.js';

/** What `watch import` needs besides the watch store: a matcher built once per import. */
export interface InventoryDeps {
  /** Builds the catalogue and official-list index once for a whole file. */
  matcher(): Promise<(names: readonly string[]) => InventoryMatch>;
}

/** Lines shown per group in chat; the CLI's --json has every row. */
const SHOWN = 10;

/** `watch import` (with the file as the context's upload): matches, plans, and replaces the channel's terms. */
export async function importInventory(
  deps: InventoryDeps & { cap: number; now: () => Date },
  channelId: string,
  terms: readonly WatchTerm[],
  context: CommandContext,
  save: (terms: WatchTerm[]) => Promise<void>,
): Promise<Reply> {
  if (!context.upload) {
    if (context.actor.platform === 'slack')
      throw new UserError(
        'NO_UPLOAD',
        'Slack does not hand banwatch uploaded files (that needs the files:read scope, which banwatch does not ask for). Import from the command line (`banwatch watch import FILE.csv --channel ID`) or attach the CSV to `/banwatch-admin watch import` on Discord.',
      );
    throw new UserError(
      'USAGE',
      'Give the supplier list: a CSV file with a name column (and optional aliases), e.g. `banwatch watch import suppliers.csv --channel ID`.',
    );
  }
  const file = await readInventoryCsv(context.upload);
  const match = await deps.matcher();
  const { terms: next, report } = planInventory(file, terms, match, {
    channelId,
    cap: deps.cap,
    addedBy: context.actor.id,
    addedAt: deps.now().toISOString(),
  });
  if (file.rows.length) await save(next);
  return reply(`Imported ${context.upload.name} into ${channelId}: ${report.added} new watch terms`, sections(report), {
    visibility: 'channel',
    data: report,
  });
}

function sections(report: InventoryReport): ReplySection[] {
  const counts = [
    line(
      `${report.rows} rows read: ${report.catalogue.length} in the vendor catalogue, ${report.listed.length} on official lists, ${report.near.length} near misses, ${report.new.length} new to banwatch.`,
    ),
    line(
      `${report.added} now watched, ${report.alreadyWatched} watched already, ${report.duplicates.length} duplicate rows, ${report.blank} blank, ${report.rejected.length} rejected.`,
    ),
  ];
  if (report.leftOut.length)
    counts.push(
      line(
        `${report.leftOut.length} left out: the channel reached its cap of ${report.cap} terms (watch.maxTermsPerChannel). Remove terms or ask the operator to raise it, then import again.`,
      ),
    );
  return [
    { lines: counts },
    group('In the vendor catalogue', report.catalogue, (row) => {
      const m = row.match as Extract<InventoryMatch, { kind: 'catalogue' }>;
      const as = row.name === m.vendor ? '' : ` → ${m.vendor}`;
      return `${row.name}${as}${m.lists.length ? ` (also on ${m.lists.join(', ')})` : ''}`;
    }),
    group('On official lists', report.listed, (row) => {
      const m = row.match as Extract<InventoryMatch, { kind: 'listed' }>;
      return `${row.name} — ${m.lists.join(', ')}${m.listedAs === row.name ? '' : ` as "${m.listedAs}"`}`;
    }),
    group('Near misses (watched as typed)', report.near, (row) => {
      const m = row.match as Extract<InventoryMatch, { kind: 'near' }>;
      return `line ${row.line}: ${row.name} — did you mean ${m.suggestion}${m.from === 'catalogue' ? '' : ` (${m.from})`}?`;
    }),
    group('New to banwatch (watched as plain terms)', report.new, (row) => row.name),
    group('Rejected', report.rejected, (row) => `line ${row.line}: ${row.reason}`),
    group('Left out at the cap', report.leftOut, (row) => `line ${row.line}: ${row.term}`),
  ].filter((section) => section.lines.length > 0);
}

function group<T>(heading: string, rows: readonly T[], text: (row: T) => string): ReplySection {
  const lines: ReplyLine[] = rows.slice(0, SHOWN).map((row) => line(text(row)));
  if (rows.length > SHOWN) lines.push(line(`and ${rows.length - SHOWN} more`));
  return { heading: `${heading} (${rows.length})`, lines };
}

/** `watch export`: the channel's watched terms as `name,aliases` rows (mutes are not suppliers). */
export function exportInventory(channelId: string, terms: readonly WatchTerm[]): Reply {
  const csv = inventoryCsv(terms);
  const rows = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split(/\r?\n/);
  const shown = rows.slice(0, 1 + SHOWN * 2).map((row) => line(row));
  if (rows.length > shown.length) shown.push(line(`and ${rows.length - shown.length} more rows (CLI: --csv)`));
  return reply(`Supplier list of ${channelId}: ${rows.length - 1} terms`, [{ lines: shown }], {
    data: { channelId, csv },
  });
}
