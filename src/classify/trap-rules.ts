/**
 * The false-positive traps of the team's lexicon as rules over a reading. Some traps change
 * what a mention counts as (a vendor that is the source of a report is not its target; a ban
 * mentioned after "despite" is background); others rule the whole headline out.
 */
import {
  atomAt,
  atomEndingAt,
  atomSpans,
  countingActions,
  quote,
  type ActionMention,
  type Reading,
  type Span,
} from './reading.js';
import type { GlobalTrap } from './lexicon/lexicon-types.js';
import { isCommonWord } from './common-words.js';
import { markNotMeasures } from './not-a-measure.js';

export interface TrapFinding {
  /** Why this reading is suspect, for the reasons list. */
  reason: string;
  /** True when the finding alone rules the headline out. */
  blocks: boolean;
}

const GLOBAL_REASONS: Readonly<Record<GlobalTrap, string>> = {
  criminal: 'criminal or IP case, not a ban',
  'false-claim': 'a claim of a ban, not a ban',
  'non-security': 'government action for non-security reasons',
  product: 'product, launch or review news',
  earnings: 'earnings or business news',
  listing: 'a stock listing, not a ban',
  'non-tech': 'a restriction on a firm outside technology',
  vulnerability: 'vulnerability or security research, no ban named',
};

/** Tokens that may sit between a vendor and its verb: "Kaspersky Lab uncovers", "Kaspersky's experts". */
const SOURCE_GAP = new Set(['s', 'lab', 'labs', 'security', 'threat', 'team', 'global']);
/** Bare verb forms are nouns right after a name: "TikTok ban" is a ban on TikTok. */
const BARE_FORMS = new Set([
  'ban',
  'block',
  'remove',
  'bar',
  'prohibit',
  'restrict',
  'suspend',
  'delete',
  'limit',
  'crack',
]);

/** Only spaces or an apostrophe between token `i` and the one before: "Hikvision: Reports" is not "Hikvision reports". */
function adjacent(reading: Reading, i: number): boolean {
  const from = reading.tokens.ends[i - 1];
  const to = reading.tokens.starts[i];
  if (from === undefined || to === undefined) return false;
  return /^[\s'’]*$/.test(reading.text.slice(from, to));
}

function actorBefore(reading: Reading, span: Span): boolean {
  return reading.places.some((p) => p.actor && p.end <= span.start);
}

/** The ban verb when `span` (a vendor or platform) is the one doing the banning, else undefined. */
function banVerbAfter(reading: Reading, span: Span): Span | undefined {
  let at = span.end;
  for (let skipped = 0; skipped <= 2; skipped++) {
    const verb = atomAt(reading, 'actor-verb', at);
    if (verb) {
      if (skipped === 0 && BARE_FORMS.has(reading.tokens.words[at] ?? '')) return undefined;
      return verb;
    }
    if (!atomAt(reading, 'actor-skip', at)) return undefined;
    at++;
  }
  return undefined;
}

function moderate(reading: Reading, verb: Span): void {
  for (const action of reading.actions) {
    if (action.start < verb.end && action.end > verb.start) action.status = 'moderation';
  }
}

/** Sets each vendor's role; a vendor or platform that bans marks that ban as moderation. */
function note(findings: TrapFinding[], reading: Reading, reason: string, span: Span): void {
  findings.push({ reason: `trap: ${reason} ("${quote(reading, span)}")`, blocks: false });
}

export function markRoles(reading: Reading): TrapFinding[] {
  const findings: TrapFinding[] = [];
  for (const vendor of reading.vendors) {
    const next = reading.tokens.words[vendor.end] ?? '';
    const verb =
      (adjacent(reading, vendor.end) ? atomAt(reading, 'source-verb', vendor.end) : undefined) ??
      (SOURCE_GAP.has(next) && adjacent(reading, vendor.end) && adjacent(reading, vendor.end + 1)
        ? atomAt(reading, 'source-verb', vendor.end + 1)
        : undefined);
    if (verb) {
      vendor.role = 'source';
      note(findings, reading, 'vendor is the source of a report, not its target', {
        start: vendor.start,
        end: verb.end,
      });
      continue;
    }
    const before = atomEndingAt(reading, 'source-before', vendor.start);
    if (before) {
      vendor.role = 'source';
      note(findings, reading, 'vendor is the source of a report, not its target', {
        start: before.start,
        end: vendor.end,
      });
      continue;
    }
    const noun = atomAt(reading, 'modifier-noun', vendor.end);
    if (noun) {
      vendor.role = 'modifier';
      note(findings, reading, 'vendor name describes a person or content', { start: vendor.start, end: noun.end });
      continue;
    }
    const ban = actorBefore(reading, vendor) ? undefined : banVerbAfter(reading, vendor);
    if (ban) {
      vendor.role = 'actor';
      moderate(reading, ban);
      note(findings, reading, 'vendor is the one banning, not the target', { start: vendor.start, end: ban.end });
    }
  }
  const opener = openingFirm(reading);
  if (opener) findings.push(...opener);
  for (const platform of atomSpans(reading, 'platform')) {
    if (reading.vendors.some((v) => v.start <= platform.start && v.end >= platform.end)) continue;
    const ban = actorBefore(reading, platform) ? undefined : banVerbAfter(reading, platform);
    if (!ban) continue;
    moderate(reading, ban);
    note(findings, reading, 'a company moderating its own platform or shelves', {
      start: platform.start,
      end: ban.end,
    });
  }
  return findings;
}

/**
 * "Orlix to phase out Chinese suppliers from its supply chain", "Accenture bans employees from
 * installing TikTok": with no government named, a name English does not have that opens the
 * headline and bans is a firm setting its own rules, whatever vendor it bans. (With a government
 * named, the name may be the target: "Zentrix banned by ...", or its place.)
 */
function openingFirm(reading: Reading): TrapFinding[] | undefined {
  if (reading.vendors.some((v) => v.start === 0) || reading.places.some((p) => p.actor)) return undefined;
  const first = reading.tokens.starts[0];
  if (first === undefined || !/^\p{Lu}/u.test(reading.text.slice(first))) return undefined;
  const ban = banVerbAfter(reading, { start: 0, end: 1 });
  // Last: the first look-up builds the word list (tens of milliseconds and some MB, once).
  if (!ban || isCommonWord(reading.tokens.words[0] ?? '')) return undefined;
  moderate(reading, ban);
  return [
    {
      reason: `trap: a firm setting its own rules, not a government ("${quote(reading, { start: 0, end: ban.end })}")`,
      blocks: false,
    },
  ];
}

function startsWithin(spans: readonly Span[], from: number, to: number): boolean {
  return spans.some((s) => s.start >= from && s.start <= to);
}

function isTargetAt(reading: Reading, from: number, to: number): boolean {
  return (
    startsWithin(reading.vendors, from, to) ||
    startsWithin(reading.origins, from, to) ||
    startsWithin(reading.products, from, to)
  );
}

/** "US-sanctioned Hikvision": the participle is glued to the word before it. */
function hyphenBefore(reading: Reading, token: number): boolean {
  const at = reading.tokens.starts[token] ?? 0;
  return at > 1 && reading.text[at - 1] === '-' && /[A-Za-z.]/.test(reading.text[at - 2] ?? '');
}

function skipsFiller(reading: Reading, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const covered =
      atomAt(reading, 'background-filler', i) ||
      reading.places.some((p) => p.start <= i && p.end > i) ||
      reading.vendors.some((v) => v.start <= i && v.end > i);
    if (!covered) return false;
  }
  return true;
}

function background(findings: TrapFinding[], reading: Reading, action: ActionMention, span: Span): void {
  action.status = 'background';
  findings.push({ reason: `trap: ban mentioned only as background ("${quote(reading, span)}")`, blocks: false });
}

/**
 * Marks bans that are only background ("despite federal ban", "from sanctioned firm", "still
 * used") or not bans at all ("grants equipment authorization").
 */
export function markBackground(reading: Reading, techRegulators: ReadonlySet<string>): TrapFinding[] {
  const findings: TrapFinding[] = [];
  for (const prep of atomSpans(reading, 'background-prep')) {
    const action = countingActions(reading).find(
      (a) => a.start >= prep.end && a.start - prep.end <= 3 && skipsFiller(reading, prep.end, a.start),
    );
    if (action) background(findings, reading, action, { start: prep.start, end: action.end });
  }
  for (const action of countingActions(reading)) {
    if (action.end - action.start !== 1 || !atomAt(reading, 'participle', action.start)) continue;
    const adjective =
      action.start === 0 ||
      atomEndingAt(reading, 'participle-before', action.start) ||
      hyphenBefore(reading, action.start);
    if (adjective && isTargetAt(reading, action.end, action.end + 3)) {
      background(findings, reading, action, { start: Math.max(0, action.start - 1), end: action.end + 1 });
    }
  }
  appositive(findings, reading);
  findings.push(...markNotMeasures(reading, techRegulators));
  for (const still of atomSpans(reading, 'still')) {
    const usage = atomSpans(reading, 'usage').find((u) => u.start >= still.end && u.start - still.end <= 2);
    if (!usage) continue;
    const live = countingActions(reading);
    if (live.length === 0) continue;
    for (const action of live) action.status = 'background';
    findings.push({
      reason: `trap: story about something still in use, the ban is background ("${quote(reading, { start: still.start, end: usage.end })}")`,
      blocks: false,
    });
  }
  return findings;
}

/** Words that open an aside on a measure already in force: "ZTE, once barred ...", "under US sanctions". */
const PAST_OPENERS = new Set(['once', 'long', 'already', 'previously', 'formerly', 'still', 'on', 'under']);
/** Participles that open an aside only said to be past by a time in it: "DJI, placed on ... in 2020, ...". */
const MEASURE_OPENERS = new Set(['hit', 'placed', 'added', 'listed', 'targeted']);
/** What dates an aside in the past: "since 2019", "in 2018", "last year", "years ago". */
const PAST_TIMES = new Set(['since', 'ago', 'last', 'earlier', 'years', 'previously', 'once']);
/** How far into the headline its subject's comma may come, and how long the aside may run. */
const SUBJECT_REACH = 4;
const ASIDE_REACH = 8;

/** A comma between token i-1 and token i. */
function commaAt(reading: Reading, i: number): boolean {
  const from = reading.tokens.ends[i - 1];
  const to = reading.tokens.starts[i];
  return from !== undefined && to !== undefined && reading.text.slice(from, to).includes(',');
}

/**
 * "Kaspersky, Barred From US Market Last Year, Expands In Latin America": a measure in an aside
 * between the subject's commas, on a past measure, is background to what the rest says.
 */
function appositive(findings: TrapFinding[], reading: Reading): void {
  const { words } = reading.tokens;
  let open = 1;
  while (open <= SUBJECT_REACH && open < words.length && !commaAt(reading, open)) open++;
  if (open > SUBJECT_REACH || open >= words.length) return;
  const opener = words[open] ?? '';
  const participle = atomAt(reading, 'participle', open) !== undefined || MEASURE_OPENERS.has(opener);
  if (!participle && !PAST_OPENERS.has(opener)) return;
  let close = open + 1;
  while (close < words.length && close <= open + ASIDE_REACH && !commaAt(reading, close)) close++;
  // The aside must close, and a clause of its own follow: "..., posts record sales".
  if (close > open + ASIDE_REACH || words.length - close < 2) return;
  // "Zentrix, added to Entity List on Tuesday, vows to fight": a participle's measure may be news.
  const dated = words.slice(open, close).some((w) => PAST_TIMES.has(w) || /^(?:19|20)\d\d$/.test(w));
  if (participle && !dated) return;
  const inside = countingActions(reading).filter((a) => a.start >= open && a.end <= close);
  if (!inside.length) return;
  for (const action of inside) action.status = 'background';
  findings.push({
    reason: `trap: ban mentioned only as background ("${quote(reading, { start: open, end: close })}")`,
    blocks: false,
  });
}

/** Nouns after "Russia sanctions" that make it the name of a measure: "Russia sanctions list", "package". */
const MEASURE_NOUNS = new Set(['list', 'lists', 'package', 'packages', 'regime', 'programme', 'program']);

/** Words that give what follows as the reason for a measure: "citing cyber vulnerabilities". */
const CITING = new Set(['citing', 'cites', 'cited']);

/**
 * The trap's words are given as the reason, "citing" up to two words before them. ("over" is not
 * enough: "orders agencies to remove Ivanti appliances over exploitation" is a directive to patch.)
 */
function givenAsReason(reading: Reading, span: Span): boolean {
  for (let at = span.start - 1; at >= 0 && span.start - at <= 3; at--)
    if (CITING.has(reading.tokens.words[at] ?? '')) return true;
  return false;
}

/** Traps that rule a headline out whatever else it says. */
export function globalTraps(reading: Reading, governmentActor: boolean): TrapFinding[] {
  const findings: TrapFinding[] = [];
  const seen = new Set<GlobalTrap>();
  const hardCue = countingActions(reading).some((a) => a.strength === 'hard');
  const banOrRestriction = countingActions(reading).some((a) => a.kind === 'ban' || a.kind === 'restriction');
  for (const trap of reading.traps) {
    if (seen.has(trap.trap)) continue;
    // A review or launch headline never names a government; with one it is likely news about it.
    if (trap.trap === 'product' && governmentActor) continue;
    if (trap.trap === 'vulnerability' && hardCue) continue;
    // "Army orders units to stop using DJI drones, citing cyber vulnerabilities": the reason for a measure.
    if (trap.trap === 'vulnerability' && governmentActor && banOrRestriction && givenAsReason(reading, trap)) continue;
    // "... postpones IPO after being blacklisted by the US": the business news is the consequence.
    if (trap.trap === 'listing' && hardCue && governmentActor) continue;
    if (trap.trap === 'non-tech' && reading.vendors.some((v) => !v.open && v.role === 'target')) continue;
    // "bans smartwatches for children over spying fears": a security reason named outweighs the
    // other, for a ban or restriction (a suit "over children's privacy and data security" is not one).
    if (trap.trap === 'non-security' && reading.motives.some((m) => m.strong) && banOrRestriction) continue;
    seen.add(trap.trap);
    findings.push({ reason: `trap: ${GLOBAL_REASONS[trap.trap]} ("${quote(reading, trap)}")`, blocks: true });
  }
  for (const place of reading.places) {
    if (!place.reverse || !place.actor) continue;
    const agent = atomEndingAt(reading, 'reverse-agent', place.start);
    if (agent) {
      findings.push({
        reason: `trap: a Chinese or Russian government behind the act, outside what banwatch watches ("${quote(reading, { start: agent.start, end: place.end })}")`,
        blocks: true,
      });
      break;
    }
    let at = place.end;
    if (atomAt(reading, 'actor-skip', at)) at++;
    const acting = atomAt(reading, 'reverse-verb', at) ?? countingActions(reading).find((a) => a.start === at);
    // "adds Zentrix to Russia sanctions list": a measure named after the country, not the country acting.
    if (!acting || MEASURE_NOUNS.has(reading.tokens.words[acting.end] ?? '')) continue;
    findings.push({
      reason: `trap: a Chinese or Russian government acting, outside what banwatch watches ("${quote(reading, { start: place.start, end: acting.end })}")`,
      blocks: true,
    });
    break;
  }
  return findings;
}

/** True when a finding rules the headline out. */
export function isTrapped(findings: readonly TrapFinding[]): boolean {
  return findings.some((f) => f.blocks);
}
