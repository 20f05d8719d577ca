/**
 * The vendor-ban classifier: pure and deterministic. `createClassifier` compiles the catalog and
 * lexicons once; `classify` then reads a title (and the head of its summary) in one pass each.
 */
import type { Classification, ClassifyInput, ClassifyOptions, Classifier, Stage } from '../domain/classification.js';
import { buildCueIndex, type CueIndex } from './cue-index.js';
import { defaultLexicon } from './lexicon/lexicon-load.js';
import type { Lexicon, OpenNameWords } from './lexicon/lexicon-types.js';
import { findOpenNames } from './open-names.js';
import { licenceAhead } from './open-names-licence.js';
import { objectAhead } from './open-names-object.js';
import { orderedIndustry, takesEffect } from './open-names-evidence.js';
import { htmlToText } from './headline-text.js';
import {
  countingActions,
  hasAtom,
  quote,
  readText,
  type ActionMention,
  type Reading,
  type VendorMention,
} from './reading.js';
import { decideRelevance } from './relevance.js';
import { globalTraps, isTrapped, markBackground, markRoles, type TrapFinding } from './trap-rules.js';
import { nameKey, type LoadedCatalog } from './vendor-catalog.js';
import { RANK } from './lexicon/lexicon-types.js';
import type { Basis } from './relevance.js';
import { chooseAction, chooseJurisdiction, chooseStage, usableActions } from './verdict-rules.js';
import { findWatchTerms } from './watch-terms.js';

/** Only the start of a summary is read: it supports the title, it must not outvote it. */
export const SUMMARY_CHARS = 400;
/** Headlines are short; a feed that puts an article in the title gets its start read. */
export const TITLE_CHARS = 1000;

export function createClassifier(catalog: LoadedCatalog, lexicon: Lexicon = defaultLexicon()): Classifier {
  const index = buildCueIndex(catalog, lexicon);
  const vendorName = (pattern: number): string => catalog.patterns[pattern]?.vendor ?? '';
  return {
    classify(input: ClassifyInput, options?: ClassifyOptions): Classification {
      return classifyWith(catalog, index, lexicon.openNames, vendorName, input, options?.extraVendors ?? []);
    },
  };
}

/** A comma or "and" right after token `end - 1`: a vendor may be the first of a list of names. */
function listContinues(reading: Reading, end: number): boolean {
  if (reading.tokens.words[end] === 'and') return true;
  const from = reading.tokens.ends[end - 1];
  return from !== undefined && reading.text.charCodeAt(from) === 44; /* , */
}

/**
 * Names outside the catalogue, read only when a government acts (or a list is named, or a ban
 * takes effect, which only a government's does): a name in a headline with no action is never a
 * target, and most headlines have none, so most pay nothing.
 */
function addOpenNames(catalog: LoadedCatalog, title: Reading, words: OpenNameWords, government: boolean): void {
  const actions = countingActions(title);
  // A government suing a vendor counts as acting (see relevance.ts), so its target is read too.
  const acts = actions.length > 0 || (government && hasAtom(title, 'sue'));
  const governed = (a: ActionMention) => a.instrument || takesEffect(title, a) || orderedIndustry(title, a);
  if (!acts || !(government || actions.some(governed))) return;
  const shaped =
    hasAtom(title, 'name-descriptor') ||
    hasAtom(title, 'name-list-verb') ||
    title.origins.length > 0 ||
    objectAhead(title, words) ||
    licenceAhead(title) ||
    title.vendors.some((v) => listContinues(title, v.end));
  if (!shaped) return;
  const found = findOpenNames(title, words);
  if (found.length === 0) return;
  for (const name of found) {
    const known = catalog.resolve(name.name)?.name;
    title.vendors.push({
      start: name.start,
      end: name.end,
      vendor: known ?? name.name,
      pattern: -1,
      weak: false,
      watchTerm: false,
      role: 'target',
      open: known === undefined,
    });
  }
  title.vendors.sort((a, b) => a.start - b.start);
}

function read(
  catalog: LoadedCatalog,
  index: CueIndex,
  vendorName: (pattern: number) => string,
  text: string,
  terms: readonly string[],
  limit?: number,
): Reading {
  const reading = readText(index, text, vendorName, limit);
  if (terms.length === 0) return reading;
  for (const mention of findWatchTerms(reading, terms)) {
    // A watch term that is already a catalog name ("Hikvision") adds nothing new.
    const known = catalog.resolve(mention.vendor)?.name;
    const covered = reading.vendors.some(
      (v) => (known !== undefined && v.vendor === known) || (v.start <= mention.start && v.end >= mention.end),
    );
    if (!covered) reading.vendors.push(mention);
  }
  reading.vendors.sort((a, b) => a.start - b.start);
  return reading;
}

/** Roles and background first: they decide which cues still count for the weak names. */
function applyTraps(reading: Reading, words: OpenNameWords): TrapFinding[] {
  return [...markRoles(reading), ...markBackground(reading, words.techRegulators)];
}

/** How near a context word must be to a weak name in the title ("Honor phones", "Archer routers"). */
const CONTEXT_WORDS = 3;

function hasContext(reading: Reading, v: VendorMention, within: number): boolean {
  return reading.contexts.some(
    (c) => c.vendor === v.pattern && (Math.abs(c.start - v.end) <= within || Math.abs(v.start - c.end) <= within),
  );
}

/** Weak names ("Autel", "honor") count only with a ban cue, and with a context word if listed. */
function confirmWeakNames(catalog: LoadedCatalog, title: Reading, other: Reading | undefined): string[] {
  const reasons: string[] = [];
  const cue = countingActions(title)[0];
  title.vendors = title.vendors.filter((v) => {
    if (!v.weak) return true;
    const pattern = catalog.patterns[v.pattern];
    const words = quote(title, v);
    if (!cue) {
      reasons.push(`weak name "${words}" not counted: no ban cue`);
      return false;
    }
    if (
      pattern &&
      pattern.context.length > 0 &&
      !hasContext(title, v, CONTEXT_WORDS) &&
      !(other && hasContext(other, v, Infinity))
    ) {
      reasons.push(`weak name "${words}" not counted: none of its context words ("${pattern.context[0]}", ...) nearby`);
      return false;
    }
    return true;
  });
  return reasons;
}

function vendorReason(catalog: LoadedCatalog, reading: Reading, v: VendorMention): string {
  const words = quote(reading, v);
  if (v.watchTerm) return `watch term "${v.vendor}"`;
  if (v.open) return `new vendor "${v.vendor}" (not in the catalogue; named as the target)`;
  if (v.pattern < 0) return `vendor "${v.vendor}" (named "${words}" as the target)`;
  const pattern = catalog.patterns[v.pattern];
  const kind = v.weak ? 'weak name' : pattern?.brandKeys.has(nameKey(words)) ? 'brand' : 'alias';
  return `vendor "${v.vendor}" (${kind} "${words}")${v.role === 'target' ? '' : `, ${v.role}`}`;
}

/**
 * Whether the summary could change the verdict, so it is read only then: a weak name that needs
 * a context word, an action with no vendor or no place named, or a vendor and a regulator with
 * no action. A title that is clear on its own never pays for its summary.
 */
function summaryCanHelp(
  catalog: LoadedCatalog,
  title: Reading,
  government: boolean,
  findings: readonly TrapFinding[],
): boolean {
  if (isTrapped(findings)) return false;
  const usable = usableActions(title, government);
  const targets = title.vendors.filter((v) => v.role === 'target' && !v.weak);
  if (
    title.vendors.some(
      (v) => v.weak && (catalog.patterns[v.pattern]?.context.length ?? 0) > 0 && !hasContext(title, v, CONTEXT_WORDS),
    )
  )
    return true;
  if (usable.length > 0) return targets.length === 0 || !title.places.some((p) => p.code !== null && !p.reverse);
  return targets.length > 0 && hasAtom(title, 'regulator');
}

/** The stage when the headline has no stage word. */
function stageFallback(
  basis: Basis | undefined,
  actionRank: number,
  measureNamed: boolean,
): { stage: Stage; why: string } {
  if (basis === 'reaction' && !measureNamed)
    return { stage: 'proposed', why: 'a reply to a regulator, nothing decided yet' };
  if (basis === 'reaction') return { stage: 'rule', why: "a reply to a regulator's measure" };
  if (actionRank === RANK.advisory) return { stage: 'proposed', why: 'an advice is not binding' };
  return { stage: 'rule', why: 'no stage word, a reported action is taken as decided' };
}

function classifyWith(
  catalog: LoadedCatalog,
  index: CueIndex,
  openWords: OpenNameWords,
  vendorName: (pattern: number) => string,
  input: ClassifyInput,
  terms: readonly string[],
): Classification {
  const title = read(
    catalog,
    index,
    vendorName,
    htmlToText((input.title ?? '').slice(0, TITLE_CHARS * 4)),
    terms,
    TITLE_CHARS,
  );
  const government = title.places.some((p) => p.actor && !p.reverse);
  addOpenNames(catalog, title, openWords, government);
  const findings = applyTraps(title, openWords);
  findings.push(...globalTraps(title, government));

  let summary: Reading | undefined;
  if (input.summary && summaryCanHelp(catalog, title, government, findings)) {
    // Markup can take several times the room of the text it wraps, hence the wider cut.
    const text = htmlToText(input.summary.slice(0, SUMMARY_CHARS * 4));
    summary = text ? read(catalog, index, vendorName, text, terms, SUMMARY_CHARS) : undefined;
  }
  if (summary) applyTraps(summary, openWords);
  const reasons = confirmWeakNames(catalog, title, summary);
  if (summary) confirmWeakNames(catalog, summary, undefined);
  reasons.unshift(...title.vendors.map((v) => vendorReason(catalog, title, v)));

  const verdict = decideRelevance({ title, summary, government, findings });
  reasons.push(...verdict.reasons);
  const vendors = verdict.vendors.map((v) => v.vendor);
  const fresh = verdict.vendors.filter((v) => v.open).map((v) => v.vendor);
  const vendorsNew = fresh.length > 0 ? { vendorsNew: fresh } : {};
  if (!verdict.relevant) {
    return {
      relevant: false,
      score: verdict.score,
      vendors,
      ...vendorsNew,
      action: 'none',
      stage: 'none',
      jurisdiction: 'none',
      reasons,
    };
  }
  const action = chooseAction(verdict.actionReading, verdict.actions);
  const stage = chooseStage(title, action.value, stageFallback(verdict.basis, action.rank, hasAtom(title, 'measure')));
  const jurisdiction = chooseJurisdiction(title, summary);
  reasons.push(action.reason, stage.reason, jurisdiction.reason);
  return {
    relevant: true,
    score: verdict.score,
    vendors,
    ...vendorsNew,
    action: action.value,
    stage: stage.value,
    jurisdiction: jurisdiction.value,
    reasons,
  };
}
