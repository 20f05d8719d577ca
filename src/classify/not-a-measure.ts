/**
 * Cue words that, where they stand, name no measure: an approval granted ("grants equipment
 * authorization"), a licence to operate granted ("Regulator grants Starlink licence"), a firm
 * raising something ("SMIC lifts capacity"). Each such action is marked background, with why.
 */
import { isLicenceWord } from './open-names-licence.js';
import {
  atomAt,
  atomEndingAt,
  atomSpans,
  countingActions,
  quote,
  type ActionMention,
  type Reading,
} from './reading.js';
import type { TrapFinding } from './trap-rules.js';

/** How far after what a firm raises a measure may follow it: "lifts Huawei sales ban". */
const MEASURE_AFTER = 2;
/** Trade a licence lets resume: "grants Huawei license to buy chips" stays a lift. */
const TRADE =
  /^(buy|buying|sell|selling|supply|supplying|ship|shipping|export|exports|exporting|import|imports|resume|sales|purchase|purchases)$/;
/** How far after the licence its trade or its kind may be said: "licence to start buying", "licence for satellite service". */
const LICENCE_AFTER = 4;

/**
 * "Regulator grants Starlink licence", "FCC grants Starlink license for satellite service": a
 * licence granted by a telecoms regulator, or of a telecoms kind, to operate is entry to a market,
 * not a restriction lifted; a licence to trade ("US grants Huawei license to buy chips") is.
 */
function licenceToOperate(reading: Reading, action: ActionMention, techRegulators: ReadonlySet<string>): boolean {
  const words = reading.tokens.words;
  if (!action.pair || action.kind !== 'lift' || !atomAt(reading, 'grant', action.start)) return false;
  if (!isLicenceWord(words[action.end - 1] ?? '')) return false;
  const after = words.slice(action.end, action.end + LICENCE_AFTER);
  if (after.some((w) => TRADE.test(w))) return false;
  const kind = atomSpans(reading, 'operating-license').some(
    (k) => k.start > action.start && k.start < action.end + LICENCE_AFTER,
  );
  return kind || words.some((w) => techRegulators.has(w) || w === 'regulator' || w === 'regulators');
}

/** The action's words name no measure here: it no longer counts, and the reasons say why. */
function noMeasure(findings: TrapFinding[], action: ActionMention, why: string): void {
  action.status = 'background';
  findings.push({ reason: `trap: ${why}`, blocks: false });
}

export function markNotMeasures(reading: Reading, techRegulators: ReadonlySet<string>): TrapFinding[] {
  const findings: TrapFinding[] = [];
  // "FCC grants equipment authorization to ...": an authorization granted is an approval, not a ban.
  for (const action of countingActions(reading)) {
    const granted = atomEndingAt(reading, 'grant', action.start);
    if (granted && action.kind === 'ban' && atomEndingAt(reading, 'application', action.end))
      noMeasure(
        findings,
        action,
        `an approval granted, not a ban ("${quote(reading, { start: granted.start, end: action.end })}")`,
      );
  }
  // "SMIC lifts capacity": what a firm raises, not a measure lifted (up to two words may qualify
  // it). Not when a measure follows what is raised: "US lifts Huawei sales ban".
  for (const action of countingActions(reading)) {
    if (action.kind !== 'lift' || action.end - action.start !== 1) continue;
    if (!/^lift(s|ed|ing)?$/.test(reading.tokens.words[action.start] ?? '')) continue;
    const gain = atomSpans(reading, 'business-gain').find((g) => g.start > action.start && g.start - action.end <= 2);
    // The measure may start at what is raised: "investment ban" is one cue.
    if (!gain || reading.actions.some((a) => a.start >= gain.start && a.start - gain.end <= MEASURE_AFTER)) continue;
    noMeasure(
      findings,
      action,
      `a firm raising something, not a measure lifted ("${quote(reading, { start: action.start, end: gain.end })}")`,
    );
  }
  for (const action of countingActions(reading)) {
    if (licenceToOperate(reading, action, techRegulators))
      noMeasure(
        findings,
        action,
        `a licence to operate granted, not a restriction lifted ("${quote(reading, action)}")`,
      );
  }
  return findings;
}
