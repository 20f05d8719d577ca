import type { DeliveryHistory, HistoryRecord } from '../domain/delivery-history.js';
import { csvDocument } from '../shared/csv.js';
import { UserError } from '../shared/errors.js';
import type { CliIo } from './cli-io.js';

const USAGE = 'usage: banwatch history [--vendor NAME] [--since DATE] [--channel ID] [--csv|--json]';

const HEADER = [
  'delivered_at',
  'channel',
  'platform',
  'target',
  'via',
  'digest',
  'message_id',
  'message_url',
  'alert_id',
  'source',
  'vendors',
  'action',
  'stage',
  'score',
  'published',
  'title',
  'link',
];

export interface HistoryCommandDeps {
  history: Pick<DeliveryHistory, 'list'>;
  /** A vendor's canonical name from any of its names (aliases, brands); undefined when unknown. */
  canonicalVendor(name: string): string | undefined;
}

/** `--since`: a UTC day (`2026-03-29`) or an ISO 8601 time with its offset; anything else is refused. */
export function parseSince(text: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text);
  if (day) {
    const [, year, month, date] = day.map(Number) as [number, number, number, number];
    const parsed = new Date(Date.UTC(year, month - 1, date));
    // Date.UTC rolls 2026-02-30 over to March: a day that does not exist is refused, not moved.
    if (parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date) return parsed;
  } else if (time && !Number.isNaN(Date.parse(text))) return new Date(text);
  throw new UserError(
    'BAD_DATE',
    `--since "${text.slice(0, 40)}" is not a date: use YYYY-MM-DD (a UTC day) or an ISO 8601 time like 2026-03-29T08:30:00+02:00`,
  );
}

/**
 * `banwatch history`: every delivered alert (live or in a digest) with where and when it went,
 * oldest first, as CSV (the default; spreadsheet-safe) or JSON, on stdout.
 */
export async function historyCommand(
  args: readonly string[],
  io: CliIo,
  deps: HistoryCommandDeps,
  globals: { channel?: string; json: boolean },
): Promise<number> {
  let vendor: string | undefined;
  let since: Date | undefined;
  let csv = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    if (flag === '--csv') csv = true;
    else if (flag === '--vendor' || flag === '--since') {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith('--')) throw new UserError('MISSING_VALUE', `${flag} needs a value`);
      if (flag === '--since') since = parseSince(value);
      else vendor = deps.canonicalVendor(value) ?? value;
    } else if (flag?.startsWith('-'))
      throw new UserError('UNKNOWN_FLAG', `history does not take ${flag.slice(0, 40)} (${USAGE})`);
    else throw new UserError('TOO_MANY_WORDS', USAGE);
  }
  if (csv && globals.json) throw new UserError('USAGE', `choose one of --csv and --json (${USAGE})`);
  const records = await deps.history.list({ vendor, since, channelId: globals.channel });
  io.stdout.write(globals.json ? `${JSON.stringify(records, null, 2)}\n` : historyCsv(records));
  return 0;
}

export function historyCsv(records: readonly HistoryRecord[]): string {
  return csvDocument(
    HEADER,
    records.map((r) => [
      r.at,
      r.channelId,
      r.platform,
      r.target ?? '',
      r.via,
      r.digestId ?? '',
      r.messageId ?? '',
      r.messageUrl ?? '',
      r.alertId,
      r.sourceId,
      r.vendors.join('; '),
      r.action,
      r.stage,
      r.score.toFixed(2),
      r.publishedAt ?? '',
      r.title,
      r.link ?? '',
    ]),
  );
}
