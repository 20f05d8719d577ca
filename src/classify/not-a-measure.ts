/**
 * Cue words that, where they stand, name no measure: an approval granted ("grants equipment
 * authorization"), a licence to operate granted ("Regulator grants Starlink licence"), a firm
 * raising something ("SMIC lifts capacity"). Each such action is marked background, with why.
 */
import { atomAt, atomEndingAt, atomSpans, countingActions, quote, type Reading } from './reading.js';
import type { TrapFinding } from './trap-rules.js';

export function markNotMeasures(reading: Reading): TrapFinding[] {
  const findings: TrapFinding[] = [];
  // "FCC grants equipment authorization to ...": an authorization granted is an approval, not a ban.
  for (const action of countingActions(reading)) {
    const granted = atomEndingAt(reading, 'grant', action.start);
    if (granted && action.kind === 'ban' && atomEndingAt(reading, 'application', action.end)) {
      action.status = 'background';
      findings.push({
        reason: `trap: an approval granted, not a ban ("${quote(reading, { start: granted.start, end: action.end })}")`,
        blocks: false,
      });
    }
  }
  // "SMIC lifts capacity": what a firm raises, not a measure lifted (up to two words may qualify it).
  for (const action of countingActions(reading)) {
    if (action.kind !== 'lift' || action.end - action.start !== 1) continue;
    if (!/^lift(s|ed|ing)?$/.test(reading.tokens.words[action.start] ?? '')) continue;
    const gain = atomSpans(reading, 'business-gain').find((g) => g.start > action.start && g.start - action.end <= 2);
    if (!gain) continue;
    action.status = 'background';
    findings.push({
      reason: `trap: a firm raising something, not a measure lifted ("${quote(reading, { start: action.start, end: gain.end })}")`,
      blocks: false,
    });
  }
  // "Regulator grants Starlink licence": a licence to operate granted, not a restriction lifted.
  const operating = atomSpans(reading, 'operating-license').length > 0;
  for (const action of operating ? countingActions(reading) : []) {
    const last = reading.tokens.words[action.end - 1] ?? '';
    if (
      action.pair &&
      action.kind === 'lift' &&
      atomAt(reading, 'grant', action.start) &&
      /^licen[cs]es?$/.test(last)
    ) {
      action.status = 'background';
      findings.push({
        reason: `trap: a licence to operate granted, not a restriction lifted ("${quote(reading, action)}")`,
        blocks: false,
      });
    }
  }
  return findings;
}
