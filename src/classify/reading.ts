/**
 * One text (a title, or the head of a summary) read once: its tokens, its cues sorted by kind,
 * and helpers to quote what matched. The trap and verdict rules work on readings only.
 */
import type { Stage } from '../domain/classification.js';
import { atomPresent, type Cue, type CueIndex, type Hit } from './cue-index.js';
import type { ActionKind, CueStrength } from './lexicon/lexicon-types.js';
import { tokenize, type Tokens } from './headline-tokens.js';
import type { GlobalTrap } from './lexicon/lexicon-types.js';

export interface Span {
  start: number;
  end: number;
}

/** What a vendor mention turned out to be: the target, or a trap that disqualifies it. */
export type VendorRole = 'target' | 'source' | 'actor' | 'modifier';

export interface VendorMention extends Span {
  /** Canonical name, or the watch term as given. */
  vendor: string;
  /** Index into the catalog's patterns; -1 for a watch term. */
  pattern: number;
  weak: boolean;
  watchTerm: boolean;
  role: VendorRole;
  /** Found from the sentence, not the catalogue (see open-names.ts). */
  open?: boolean;
}

/** `counts`, or why it does not: mentioned as background, or a platform moderating content. */
export type CueStatus = 'counts' | 'background' | 'moderation';

export interface ActionMention extends Span {
  kind: ActionKind;
  rank: number;
  strength: CueStrength;
  instrument: boolean;
  status: CueStatus;
  /** Made of two helper words apart ("adds ... to the list"): the words between are not part of it. */
  pair?: boolean;
  /** Where a pair's first part ends ("refuses to renew" ... "licence"); `end` for a single cue. */
  firstEnd: number;
}

export interface PlaceMention extends Span {
  code: string | null;
  strong: boolean;
  actor: boolean;
  reverse: boolean;
}

export interface Reading {
  text: string;
  tokens: Tokens;
  vendors: VendorMention[];
  actions: ActionMention[];
  stages: Array<Span & { stage: Stage; prio: number }>;
  places: PlaceMention[];
  origins: Span[];
  products: Span[];
  motives: Array<Span & { strong: boolean }>;
  traps: Array<Span & { trap: GlobalTrap }>;
  /** Multi-word helper phrases found, by set name (one-word helpers: see atomAt). */
  atoms: Map<string, Span[]>;
  /** The one-word helper sets of each token. */
  tokenAtoms: ReadonlyArray<readonly number[] | undefined>;
  /** Every helper set present. */
  atomsPresent: Uint32Array;
  /** The id of a helper set (see CueIndex.atomId). */
  atomId: (name: string) => number;
  /** Context words of weak vendor names (match.context), with the catalog pattern they serve. */
  contexts: Array<Span & { vendor: number }>;
}

function sortInto(reading: Reading, hit: Hit, vendorName: (pattern: number) => string): void {
  const { start, end } = hit;
  const cue: Cue = hit.payload;
  switch (cue.type) {
    case 'vendor':
      reading.vendors.push({
        start,
        end,
        vendor: vendorName(cue.vendor),
        pattern: cue.vendor,
        weak: cue.weak,
        watchTerm: false,
        role: 'target',
      });
      break;
    case 'action':
      reading.actions.push({
        start,
        end,
        kind: cue.kind,
        rank: cue.rank,
        strength: cue.strength,
        instrument: cue.instrument,
        status: 'counts',
        // Always set, so every mention has one shape (a spread here would make the object slower).
        pair: cue.pair === true,
        firstEnd: cue.firstEnd ?? end,
      });
      break;
    case 'stage':
      reading.stages.push({ start, end, stage: cue.stage, prio: cue.prio });
      break;
    case 'place':
      reading.places.push({ start, end, code: cue.code, strong: cue.strong, actor: cue.actor, reverse: cue.reverse });
      break;
    case 'origin':
      reading.origins.push(hit);
      break;
    case 'product':
      reading.products.push(hit);
      break;
    case 'motive':
      reading.motives.push({ start, end, strong: cue.strong });
      break;
    case 'trap':
      reading.traps.push({ start, end, trap: cue.trap });
      break;
    case 'context':
      reading.contexts.push({ start, end, vendor: cue.vendor });
      break;
    case 'atom': {
      const list = reading.atoms.get(cue.atom);
      if (list) list.push(hit);
      else reading.atoms.set(cue.atom, [hit]);
      break;
    }
    case 'not-vendor':
      break; // it already removed the vendor name it contains
  }
}

/** Reads `text` (plain, already cleaned); with `limit`, only about that many characters. */
export function readText(
  index: CueIndex,
  text: string,
  vendorName: (pattern: number) => string,
  limit?: number,
): Reading {
  const tokens = tokenize(text, limit);
  const scan = index.scan(tokens.words, text, tokens.starts);
  const reading: Reading = {
    text,
    tokens,
    vendors: [],
    actions: [],
    stages: [],
    places: [],
    origins: [],
    products: [],
    motives: [],
    traps: [],
    atoms: new Map(),
    contexts: [],
    tokenAtoms: scan.tokenAtoms,
    atomsPresent: scan.atomsPresent,
    atomId: index.atomId,
  };
  for (const hit of scan.hits) sortInto(reading, hit, vendorName);
  return reading;
}

/** The original words of a span, as the headline wrote them. */
export function quote(reading: Reading, span: Span): string {
  const from = reading.tokens.starts[span.start] ?? 0;
  const to = reading.tokens.ends[span.end - 1] ?? from;
  return reading.text.slice(from, to);
}

function wordHas(reading: Reading, atom: string, token: number): boolean {
  const id = reading.atomId(atom);
  return id >= 0 && (reading.tokenAtoms[token]?.includes(id) ?? false);
}

/** The helper phrase of set `atom` that starts at token `start`, if any. */
export function atomAt(reading: Reading, atom: string, start: number): Span | undefined {
  if (wordHas(reading, atom, start)) return { start, end: start + 1 };
  return reading.atoms.get(atom)?.find((s) => s.start === start);
}

/** The helper phrase of set `atom` that ends just before token `end`, if any. */
export function atomEndingAt(reading: Reading, atom: string, end: number): Span | undefined {
  if (end > 0 && wordHas(reading, atom, end - 1)) return { start: end - 1, end };
  return reading.atoms.get(atom)?.find((s) => s.end === end);
}

/** Every phrase of set `atom`, in text order. */
export function atomSpans(reading: Reading, atom: string): Span[] {
  const spans: Span[] = [];
  const id = reading.atomId(atom);
  if (!atomPresent(reading.atomsPresent, id)) return spans;
  for (let i = 0; i < reading.tokens.words.length; i++)
    if (reading.tokenAtoms[i]?.includes(id)) spans.push({ start: i, end: i + 1 });
  const multi = reading.atoms.get(atom);
  if (multi) spans.push(...multi);
  return spans.sort((a, b) => a.start - b.start);
}

export function hasAtom(reading: Reading, atom: string): boolean {
  const id = reading.atomId(atom);
  return atomPresent(reading.atomsPresent, id);
}

/** Counting action cues: not background, not a platform's own moderation. */
export function countingActions(reading: Reading): ActionMention[] {
  return reading.actions.filter((a) => a.status === 'counts');
}
