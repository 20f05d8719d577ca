import type { TriageStore, TriageVerdict } from '../domain/triage.js';
import { UserError } from '../shared/errors.js';
import type { CliIo } from './cli-io.js';

/**
 * `banwatch feedback export [--channel ID] [--since DATE]`: every "Not relevant" press as one
 * JSON line in the eval format (shared/eval/README.md, classify/eval/eval-rows.ts): the title
 * labelled not relevant, so the rows can join a labelled set and `banwatch eval` reads them
 * as they are. Extra fields say where and by whom it was judged, and what banwatch had found.
 */
export async function feedbackCommand(
  args: readonly string[],
  io: CliIo,
  deps: { verdicts: TriageStore; channel?: string },
): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'export')
    throw new UserError('USAGE', 'usage: banwatch feedback export [--channel ID] [--since DATE]');
  const since = readSince(rest);
  const rows = (await deps.verdicts.list('not-relevant')).filter(
    (v) => (!deps.channel || v.channelId === deps.channel) && (since === undefined || Date.parse(v.at) >= since),
  );
  for (const verdict of rows) io.stdout.write(`${JSON.stringify(evalRow(verdict))}\n`);
  io.stderr.write(`${rows.length} not-relevant verdict${rows.length === 1 ? '' : 's'} exported\n`);
  return 0;
}

function readSince(args: readonly string[]): number | undefined {
  let since: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = arg === '--since' ? args[++i] : arg.startsWith('--since=') ? arg.slice(8) : undefined;
    if (value === undefined)
      throw new UserError(
        'USAGE',
        `unexpected "${arg.slice(0, 40)}"; usage: banwatch feedback export [--channel ID] [--since DATE]`,
      );
    since = Date.parse(value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(since))
      throw new UserError('BAD_DATE', `--since wants a date like 2026-01-31, not "${value.slice(0, 40)}"`);
  }
  return since;
}

export function evalRow(v: TriageVerdict): Record<string, unknown> {
  return {
    title: v.title,
    ...(v.summary ? { summary: v.summary } : {}),
    ...(v.publishedAt ? { date: v.publishedAt.slice(0, 10) } : {}),
    source: v.sourceId,
    seen_at: `banwatch ${v.sourceId} ${v.itemKey}`,
    relevant: false,
    vendors: [],
    action: 'none',
    jurisdiction: 'none',
    stage: 'none',
    label: 'not-relevant',
    channel: v.channelId,
    marked_by: v.byName ?? v.by,
    marked_at: v.at,
    banwatch_vendors: v.vendors,
  };
}
