import type { PollSummary } from '../../src/pipeline/poll-source.js';

/** What one poll of every source did, read from the engine's own summaries. */
export interface PollDigest {
  /** One line per source worth a word; unchanged feeds share one line. */
  lines: string[];
  /** New items the classifier judged not relevant, with its main reason. */
  quiet: Array<{ title: string; reason: string }>;
  /** Titles held back because the channel already had the same story. */
  duplicates: Array<{ title: string; sourceId: string }>;
  /** Alerts queued, by whether they came from Congress.gov, LegiScan (`states`) or the feeds. */
  queued: { news: number; bills: number; states: number };
  errors: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The reason a reader wants first: a trap that fired, else the classifier's verdict. */
function mainReason(reasons: readonly string[]): string {
  return (
    reasons.find((reason) => reason.startsWith('trap:')) ??
    reasons.find((reason) => reason.startsWith('not relevant')) ??
    reasons.at(-1) ??
    'not relevant'
  );
}

export function digest(results: readonly PollSummary[]): PollDigest {
  const out: PollDigest = {
    lines: [],
    quiet: [],
    duplicates: [],
    queued: { news: 0, bills: 0, states: 0 },
    errors: [],
  };
  const unchanged: string[] = [];
  for (const result of results) {
    const id = result.sourceId;
    switch (result.status) {
      case 'ok': {
        const { report, firstPoll } = result;
        if (id === 'congress') out.queued.bills += report.queued;
        else if (id === 'states') out.queued.states += report.queued;
        else out.queued.news += report.queued;
        if (id === 'states')
          out.lines.push(
            report.outcomes.some((item) => item.title?.startsWith('Now tracking'))
              ? `${id}: LegiScan's search found AR HB1044, tracked from now on, ${plural(report.queued, 'alert')}`
              : `${id}: ${report.queued ? `AR HB1044 moved on, ${plural(report.queued, 'alert')}` : 'no new stage for AR HB1044 (its change_hash stood still: not read)'}`,
          );
        else if (firstPoll && id !== 'congress')
          out.lines.push(`${id}: first poll, ${plural(report.fresh, 'existing item')} recorded, none posted`);
        else if (id === 'congress' && report.outcomes.some((item) => item.title?.startsWith('Now tracking')))
          out.lines.push(`${id}: H.R.5515 is tracked from now on, ${plural(report.queued, 'alert')}`);
        else if (id === 'congress')
          out.lines.push(
            `${id}: ${report.queued ? `H.R.5515 moved on, ${plural(report.queued, 'alert')}` : 'no new stage for H.R.5515'}`,
          );
        else out.lines.push(`${id}: ${plural(report.fresh, 'new item')}, ${plural(report.queued, 'alert')}`);
        for (const item of report.outcomes) {
          const title = item.title ?? item.itemKey;
          if (item.outcome === 'classified' && item.classification && !item.classification.relevant) {
            out.quiet.push({ title, reason: mainReason(item.classification.reasons) });
          }
          if (item.outcome === 'too-old') out.quiet.push({ title, reason: 'older than maxAgeDays' });
          if (item.channels?.some((channel) => channel.outcome === 'duplicate-story'))
            out.duplicates.push({ title, sourceId: id });
        }
        break;
      }
      case 'not-modified':
        unchanged.push(id);
        break;
      case 'failed':
        out.errors.push(`${id} FAILED (${result.failure.kind}): ${result.failure.message}`);
        break;
      default:
        out.errors.push(`${id}: ${result.status}`);
    }
  }
  if (unchanged.length) out.lines.push(`${unchanged.join(', ')}: not modified (HTTP 304)`);
  return out;
}

/** Splits console output into alert blocks (each starts with `── `). */
export function alertBlocks(text: string): string[] {
  return text
    .split(/^(?=── )/m)
    .map((block) => block.trimEnd())
    .filter((block) => block.startsWith('── ALERT') || block.startsWith('── UPDATE'));
}
