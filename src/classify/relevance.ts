/**
 * Is this headline news of a government action against a technology vendor? It is when a
 * target (a vendor, a vendor class such as "Chinese drones", or an instrument such as the
 * Covered List that exists to restrict vendors) meets a government action cue, and no trap
 * rules it out. The title decides; the summary only fills in what a clear title leaves open.
 */
import { RANK } from './lexicon/lexicon-types.js';
import {
  atomAt,
  atomSpans,
  countingActions,
  hasAtom,
  quote,
  type ActionMention,
  type Reading,
  type Span,
  type VendorMention,
} from './reading.js';
import { isTrapped, type TrapFinding } from './trap-rules.js';
import { isNounMeasure } from './open-names-evidence.js';
import { findClass, usableActions } from './verdict-rules.js';

/** Which rule made the headline relevant. */
export type Basis =
  | 'vendor'
  | 'instrument'
  | 'class'
  | 'weak-class'
  | 'reaction'
  | 'fcc-equipment'
  | 'device-ban'
  | 'summary-vendor'
  | 'summary-action';

const SCORES: Readonly<Record<Basis, number>> = {
  vendor: 0.8,
  instrument: 0.85,
  class: 0.7,
  'weak-class': 0.65,
  reaction: 0.6,
  'fcc-equipment': 0.65,
  'device-ban': 0.65,
  'summary-vendor': 0.6,
  'summary-action': 0.55,
};

const BASIS_REASONS: Readonly<Record<Basis, string>> = {
  vendor: 'relevant: a vendor named with a government action cue',
  instrument: 'relevant: an instrument that exists to restrict vendors is named',
  class: 'relevant: a kind of vendor named with a government action cue',
  'weak-class': 'relevant: technology named with a security motive and a government action',
  reaction: "relevant: a vendor's reply to a regulator on a security matter",
  'fcc-equipment': 'relevant: an FCC ban on equipment',
  'device-ban': "relevant: a ban of a kind of technology on the government's own devices",
  'summary-vendor': 'relevant: the summary names the vendor the headline action is about',
  'summary-action': 'relevant: the summary names the action the headline is about',
};

export interface Relevance {
  relevant: boolean;
  score: number;
  basis: Basis | undefined;
  /** The action cues the verdict rests on (from the summary for `summary-action`). */
  actions: ActionMention[];
  /** The reading that holds `actions`. */
  actionReading: Reading;
  /** Vendors to report: the targets when relevant, every mention otherwise. */
  vendors: VendorMention[];
  reasons: string[];
}

const CUE_LABEL: Readonly<Record<string, string>> = {
  ban: 'ban cue',
  restriction: 'restriction cue',
  sanction: 'sanction cue',
  lift: 'lift cue',
  investigation: 'investigation cue',
};

function cueReasons(reading: Reading, actions: readonly ActionMention[], where = ''): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const action of actions) {
    const words = quote(reading, action);
    const line = `${action.instrument ? 'instrument' : CUE_LABEL[action.kind]} "${words}"${where}`;
    if (seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  return out;
}

function unique(vendors: readonly VendorMention[]): VendorMention[] {
  const seen = new Set<string>();
  return vendors.filter((v) => (seen.has(v.vendor.toLowerCase()) ? false : (seen.add(v.vendor.toLowerCase()), true)));
}

export interface RelevanceInput {
  title: Reading;
  summary: Reading | undefined;
  /** A government actor in the title (an agency, an official, a country acting). */
  government: boolean;
  findings: readonly TrapFinding[];
}

/** The headline opens with an opinion label and a colon: "Opinion: ...", "Editorial: ...". */
function opinionLabel(title: Reading): Span | undefined {
  const label = atomAt(title, 'opinion', 0);
  if (!label) return undefined;
  const from = title.tokens.ends[label.end - 1] ?? 0;
  return /^\s*:/.test(title.text.slice(from, title.tokens.starts[label.end] ?? from)) ? label : undefined;
}

/** An action cue other than the instrument's name. */
const cueBeside = (actions: readonly ActionMention[]) => actions.some((a) => !a.instrument);

export function decideRelevance({ title, summary, government, findings }: RelevanceInput): Relevance {
  const reasons: string[] = [];
  const usable = usableActions(title, government);
  const lawsuit = government ? governmentLawsuit(title) : undefined;
  if (lawsuit && usable.length === 0) usable.push(lawsuit);
  const targets = unique(title.vendors.filter((v) => v.role === 'target'));
  const instrument = usable.some((a) => a.instrument);
  const vendorClass = findClass(title);
  const strongMotive = title.motives.some((m) => m.strong);
  const weakClass: Span | undefined = !vendorClass && strongMotive ? title.products[0] : undefined;
  const legislated = title.stages.some((s) => s.stage === 'enacted' || s.stage === 'passed-chamber');
  const blocked = isTrapped(findings);

  if (vendorClass && targets.length === 0)
    reasons.push(`vendor class "${quote(title, vendorClass)}" (no vendor named)`);
  reasons.push(...cueReasons(title, usable));

  let basis: Basis | undefined;
  let actions = usable;
  let actionReading = title;
  let vendors = targets;
  // An opinion about a kind of vendor or a list, with no government acting and no measure named
  // ("Opinion: The Entity List has become a blunt instrument"), refers to no measure; one about a
  // named vendor's ban, a ban or a government's measure ("View: Ban on Chinese connected cars is
  // overdue", "Column: Why the FCC ban on Chinese routers matters") still does.
  const measureNamed = usable.some((a) => isNounMeasure(title, a));
  const opinion = targets.length === 0 && !government && !measureNamed ? opinionLabel(title) : undefined;
  if (opinion && !blocked) reasons.push(`an opinion piece that names no vendor ("${quote(title, opinion)}")`);
  if (!blocked && !opinion) {
    // A bill passed or signed about a vendor is news even when it names no ban ("bill targeting DJI").
    const acted = usable.length > 0 || (government && legislated);
    if (targets.length > 0 && acted) basis = 'vendor';
    // An explainer of the instrument alone ("Explainer: how the Entity List works") is no news of its use.
    else if (instrument && !(hasAtom(title, 'explainer') && !government && !vendorClass && !cueBeside(usable)))
      basis = 'instrument';
    else if (vendorClass && acted) basis = 'class';
    else if (weakClass && government && acted) basis = 'weak-class';
    else if (
      targets.some((v) => !v.weak) &&
      hasAtom(title, 'regulator') &&
      (title.motives.length > 0 || hasAtom(title, 'measure')) &&
      countingActions(title).length === 0 &&
      findings.length === 0
    )
      basis = 'reaction';
    else if (
      hasAtom(title, 'agency-ban') &&
      usable.some((a) => a.kind === 'ban' || a.kind === 'restriction') &&
      title.products.length > 0
    )
      basis = 'fcc-equipment';
    // A state bill's title names no vendor: "prohibiting the use of certain social media
    // applications ... on devices owned or leased by governmental entities" (Texas, 2023).
    else if (hasAtom(title, 'government-devices') && usable.some((a) => a.kind === 'ban') && title.products.length > 0)
      basis = 'device-ban';
    else if (summary) {
      const fromSummary = summaryBasis(title, summary, {
        usable,
        targets,
        government,
        topic: vendorClass ?? weakClass ?? title.products[0],
      });
      if (fromSummary?.basis === 'summary-action') {
        basis = 'summary-action';
        actions = fromSummary.actions;
        actionReading = summary;
        reasons.push(...cueReasons(summary, actions, ' in the summary'));
      } else if (fromSummary) {
        basis = 'summary-vendor';
      }
    }
  }
  if (basis === 'weak-class' && weakClass)
    reasons.push(`technology "${quote(title, weakClass)}" with a security motive`);

  // A clear headline about a kind of vendor: the summary may say which vendor it is.
  if (basis && vendors.length === 0 && summary) {
    vendors = unique(summary.vendors.filter((v) => v.role === 'target'));
    for (const v of vendors) reasons.push(`vendor "${v.vendor}" named in the summary`);
  }
  if (!basis) vendors = unique(title.vendors);

  reasons.push(
    government
      ? `government actor "${quote(title, title.places.find((p) => p.actor && !p.reverse) ?? { start: 0, end: 0 })}"`
      : 'no government actor named',
  );
  reasons.push(...findings.map((f) => f.reason));

  if (basis) {
    const penalty = findings.length > 0 ? 0.1 : 0;
    const bonus = (basis === 'vendor' || basis === 'class' || basis === 'instrument') && government ? 0.1 : 0;
    reasons.push(BASIS_REASONS[basis]);
    return {
      relevant: true,
      score: round(Math.min(0.99, SCORES[basis] + bonus - penalty)),
      basis,
      actions,
      actionReading,
      vendors,
      reasons,
    };
  }
  reasons.push(...missing({ blocked, title, usable, targets, vendorClass, government }));
  const score = blocked ? 0.15 : targets.length > 0 || vendorClass ? 0.2 : usable.length > 0 ? 0.1 : 0.02;
  return { relevant: false, score, basis, actions: [], actionReading: title, vendors, reasons };
}

/**
 * "Paxton sues Lorex", "Indiana AG sues TikTok": a government suing a vendor is an enforcement
 * step, counted as an investigation.
 */
function governmentLawsuit(title: Reading): ActionMention | undefined {
  const officials = atomSpans(title, 'sue-official');
  const suedBy = (s: Span) => officials.find((o) => o.end === s.start)?.start ?? s.start;
  const sue = atomSpans(title, 'sue').find((s) =>
    title.places.some((p) => p.actor && !p.reverse && p.end === suedBy(s)),
  );
  return (
    sue && {
      ...sue,
      kind: 'investigation',
      rank: RANK.investigation,
      strength: 'weak',
      instrument: false,
      status: 'counts',
      firstEnd: sue.end,
    }
  );
}

function summaryBasis(
  title: Reading,
  summary: Reading,
  seen: {
    usable: readonly ActionMention[];
    targets: readonly VendorMention[];
    government: boolean;
    topic: Span | undefined;
  },
): { basis: Basis; actions: ActionMention[] } | undefined {
  // The headline reports a government action on some technology but names no vendor.
  if (seen.usable.length > 0 && seen.government && seen.topic && seen.targets.length === 0) {
    return summary.vendors.some((v) => v.role === 'target') ? { basis: 'summary-vendor', actions: [] } : undefined;
  }
  // The headline names a vendor and a regulator; the summary says what the regulator did.
  if (seen.targets.some((v) => !v.weak) && hasAtom(title, 'regulator') && seen.usable.length === 0) {
    const actions = countingActions(summary).filter((a) => a.strength !== 'weak');
    return actions.length > 0 ? { basis: 'summary-action', actions } : undefined;
  }
  return undefined;
}

function missing(seen: {
  blocked: boolean;
  title: Reading;
  usable: readonly ActionMention[];
  targets: readonly VendorMention[];
  vendorClass: Span | undefined;
  government: boolean;
}): string[] {
  if (seen.blocked) return ['not relevant: ruled out by a trap'];
  const out: string[] = [];
  if (seen.targets.length === 0 && !seen.vendorClass) out.push('no vendor or vendor class named');
  if (seen.usable.length === 0) {
    const weak = countingActions(seen.title).find((a) => a.strength === 'weak');
    out.push(
      weak && !seen.government
        ? `weak cue "${quote(seen.title, weak)}" needs a government actor`
        : 'no government action cue',
    );
  }
  return out.length > 0 ? out : ['not relevant'];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
