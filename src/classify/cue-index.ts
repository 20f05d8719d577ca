/**
 * Compiles the vendor catalog and the lexicons into one token trie, built once per classifier.
 * A scan yields every cue in a text with its token span; overlapping cues of the same layer are
 * settled by keeping the longest ("Commerce ban list" wins over the "ban" inside it).
 */
import type { Stage } from '../domain/classification.js';
import { phraseTokens } from './headline-tokens.js';
import { defaultLexicon } from './lexicon/lexicon-load.js';
import type { ActionKind, CueStrength, GlobalTrap, Lexicon, PairRuleDef } from './lexicon/lexicon-types.js';
import { PhraseTrie, type TrieMatch } from './phrase-trie.js';
import type { LoadedCatalog } from './vendor-catalog.js';

export type Cue =
  | { type: 'vendor'; vendor: number; weak: boolean }
  | { type: 'not-vendor'; vendor: number }
  | { type: 'context'; vendor: number }
  | { type: 'origin' }
  | { type: 'product' }
  | {
      type: 'action';
      kind: ActionKind;
      rank: number;
      strength: CueStrength;
      instrument: boolean;
      pair?: boolean;
      /** A pair's first part's end. */
      firstEnd?: number;
    }
  | { type: 'motive'; strong: boolean }
  | { type: 'trap'; trap: GlobalTrap }
  | { type: 'stage'; stage: Stage; prio: number }
  | { type: 'place'; code: string | null; strong: boolean; actor: boolean; reverse: boolean; upperOnly: boolean }
  | { type: 'atom'; atom: string; id: number };

export type Hit = TrieMatch<Cue>;

type Layer = 'target' | 'meaning' | 'stage' | 'place' | 'helper';

/** A motive counts as a target cue: it holds origin words ("Chinese Communist Party") that name no product. */
function layerOf(cue: Cue): Layer {
  switch (cue.type) {
    case 'vendor':
    case 'not-vendor':
    case 'origin':
    case 'product':
    case 'motive':
      return 'target';
    case 'action':
    case 'trap':
      return 'meaning';
    case 'stage':
      return 'stage';
    case 'place':
      return 'place';
    default:
      return 'helper';
  }
}

export interface ScanResult {
  hits: Hit[];
  /**
   * The one-word helper sets of each token, by set id. One-word helpers ("the", "from", "to") are
   * not scanned as phrases: they are so common that a hit object for each would cost more than
   * this table.
   */
  tokenAtoms: ReadonlyArray<readonly number[] | undefined>;
  /** The ids of every helper set that occurs, one-word or not, as bits (see atomPresent). */
  atomsPresent: Uint32Array;
}

/**
 * Whether bit `id` is set. Bits rather than a byte per set: a typed array of more than 64 bytes
 * lives outside V8's heap and is much dearer to allocate, and a headline needs a fresh one; past
 * 64 helper sets that cost a tenth of the classify bench's throughput.
 */
export function atomPresent(bits: Uint32Array, id: number): boolean {
  return id >= 0 && ((bits[id >>> 5] ?? 0) & (1 << (id & 31))) !== 0;
}

function setBit(bits: Uint32Array, id: number): void {
  bits[id >>> 5] = (bits[id >>> 5] ?? 0) | (1 << (id & 31));
}

export interface CueIndex {
  /** Every cue of `words`; `text` and `starts` let case-sensitive cues ("US") check the original. */
  scan(words: readonly string[], text: string, starts: readonly number[]): ScanResult;
  /** The id of a helper set, -1 for a name no lexicon file defines. */
  readonly atomId: (name: string) => number;
  /** How many phrases were compiled, for diagnostics. */
  readonly size: number;
}

export function buildCueIndex(catalog: LoadedCatalog, lexicon: Lexicon = defaultLexicon()): CueIndex {
  const trie = new PhraseTrie<Cue>();
  const add = (phrase: string, cue: Cue): void => trie.add(phraseTokens(phrase), cue);

  catalog.patterns.forEach((p, vendor) => {
    for (const name of p.strong) add(name, { type: 'vendor', vendor, weak: false });
    for (const name of p.weak) add(name, { type: 'vendor', vendor, weak: true });
    for (const name of p.not) add(name, { type: 'not-vendor', vendor });
    for (const name of p.context) add(name, { type: 'context', vendor });
  });
  for (const name of catalog.classes.origins) add(name, { type: 'origin' });
  for (const name of catalog.classes.products) add(name, { type: 'product' });
  for (const def of lexicon.actions) {
    const cue: Cue = {
      type: 'action',
      kind: def.kind,
      rank: def.rank,
      strength: def.strength,
      instrument: def.instrument,
    };
    for (const word of def.words) add(word, cue);
  }
  for (const word of lexicon.motives.strong) add(word, { type: 'motive', strong: true });
  for (const word of lexicon.motives.weak) add(word, { type: 'motive', strong: false });
  for (const [trap, words] of Object.entries(lexicon.traps) as Array<[GlobalTrap, readonly string[]]>) {
    for (const word of words) add(word, { type: 'trap', trap });
  }
  for (const def of lexicon.stages)
    for (const word of def.words) add(word, { type: 'stage', stage: def.stage, prio: def.prio });
  for (const def of lexicon.places) {
    for (const word of def.words) {
      add(word, {
        type: 'place',
        code: def.code,
        strong: def.strong,
        actor: def.actor,
        reverse: def.reverse,
        upperOnly: word === 'us',
      });
    }
  }
  const atomIds = new Map<string, number>();
  const idOf = (name: string): number => {
    let id = atomIds.get(name);
    if (id === undefined) {
      id = atomIds.size;
      atomIds.set(name, id);
    }
    return id;
  };
  const wordAtoms = new Map<string, number[]>();
  // Open-name words are helpers too, so a headline without any is known not to need the name search.
  const helpers: Array<[string, readonly string[]]> = [
    ...Object.entries(lexicon.helpers),
    ['name-descriptor', [...lexicon.openNames.descriptors]],
    ['name-list-verb', [...lexicon.openNames.addVerbs, ...lexicon.openNames.removeVerbs]],
  ];
  for (const [atom, words] of helpers) {
    const id = idOf(atom);
    for (const word of words) {
      const tokens = phraseTokens(word);
      if (tokens.length > 1) {
        trie.add(tokens, { type: 'atom', atom, id });
        continue;
      }
      const key = tokens[0];
      if (key === undefined) continue;
      const list = wordAtoms.get(key);
      if (!list) wordAtoms.set(key, [id]);
      else if (!list.includes(id)) list.push(id);
    }
  }
  const pairs = lexicon.pairs.map((rule) => ({
    rule,
    first: idOf(rule.first),
    second: idOf(rule.second),
    unless: rule.unless === undefined ? -1 : idOf(rule.unless),
  }));
  const negation = idOf('negation');
  const count = atomIds.size;

  return {
    size: trie.size,
    atomId: (name) => atomIds.get(name) ?? -1,
    scan(words, text, starts) {
      const hits = trie.scan(words);
      for (let i = hits.length - 1; i >= 0; i--) if (isLowerCaseUs(hits[i] as Hit, text, starts)) hits.splice(i, 1);
      const tokenAtoms = words.map((w) => wordAtoms.get(w));
      const table = new AtomTable(tokenAtoms, hits, count);
      addPairs(pairs, negation, hits, table, words.length);
      return { hits: keepLongest(hits), tokenAtoms, atomsPresent: table.seen };
    },
  };
}

/** "US" is the country, "us" the pronoun: only the upper-case spelling counts. */
function isLowerCaseUs(hit: Hit, text: string, starts: readonly number[]): boolean {
  if (hit.payload.type !== 'place' || !hit.payload.upperOnly) return false;
  const at = starts[hit.start] ?? 0;
  return text.charCodeAt(at) !== 85 /* U */ || text.charCodeAt(at + 1) !== 83; /* S */
}

/** Where each helper set occurs: per token for one-word helpers, plus multi-word helper hits. */
class AtomTable {
  /** Multi-word helper hits by set id, so a lookup walks only its own set's hits. */
  private readonly multi: Array<Hit[] | undefined> = [];
  readonly seen: Uint32Array;
  constructor(
    private readonly perToken: ReadonlyArray<readonly number[] | undefined>,
    hits: readonly Hit[],
    count: number,
  ) {
    this.seen = new Uint32Array((count + 31) >>> 5);
    for (const ids of perToken) if (ids) for (const id of ids) setBit(this.seen, id);
    for (const hit of hits) {
      if (hit.payload.type !== 'atom') continue;
      const id = hit.payload.id;
      setBit(this.seen, id);
      (this.multi[id] ??= []).push(hit);
    }
  }

  /** Whether a phrase of set `id` starts at a token in [from, to). */
  within(id: number, from: number, to: number): boolean {
    if (!this.present(id)) return false;
    for (let token = from; token < to; token++) if (this.endAt(id, token) >= 0) return true;
    return false;
  }

  /** End of the phrase of set `id` starting at `token`, or -1. */
  endAt(id: number, token: number): number {
    if (this.perToken[token]?.includes(id)) return token + 1;
    const multi = this.multi[id];
    if (multi) for (const hit of multi) if (hit.start === token) return hit.end;
    return -1;
  }

  present(id: number): boolean {
    return atomPresent(this.seen, id);
  }
}

/** How far after a pair its `unless` set is looked for: "list of approved". */
const UNLESS_AFTER = 3;

function addPairs(
  pairs: ReadonlyArray<{ rule: PairRuleDef; first: number; second: number; unless: number }>,
  negation: number,
  hits: Hit[],
  table: AtomTable,
  length: number,
): void {
  const negated = table.present(negation);
  for (const { rule, first, second, unless } of pairs) {
    if (!table.present(first) || !table.present(second)) continue;
    pairs: for (let i = 0; i < length; i++) {
      const firstEnd = table.endAt(first, i);
      if (firstEnd < 0) continue;
      for (let j = firstEnd; j <= firstEnd + rule.within && j < length; j++) {
        // "court will not block" is the opposite of "court blocks".
        if (negated && table.endAt(negation, j) >= 0) continue pairs;
        const secondEnd = table.endAt(second, j);
        if (secondEnd < 0) continue;
        // "removed from the approved list", "from list of approved vendors": not the pair's meaning.
        if (unless >= 0 && table.within(unless, firstEnd, Math.min(length, secondEnd + UNLESS_AFTER))) continue pairs;
        hits.push({
          start: i,
          end: secondEnd,
          payload: {
            type: 'action',
            kind: rule.kind,
            rank: rule.rank,
            strength: rule.strength,
            instrument: rule.instrument,
            pair: true,
            firstEnd,
          },
        });
        break pairs;
      }
    }
  }
}

/** Drops a cue lying inside a longer cue of the same layer; helpers never compete. */
function keepLongest(hits: Hit[]): Hit[] {
  // Only multi-word cues can contain others: compare against those alone.
  const long = hits.filter((h) => h.end - h.start > 1 && layerOf(h.payload) !== 'helper');
  const kept = long.length === 0 ? hits : hits.filter((hit) => !insideLonger(hit, long));
  let sorted = true;
  for (let i = 1; i < kept.length && sorted; i++) sorted = (kept[i - 1] as Hit).start <= (kept[i] as Hit).start;
  return sorted ? kept : kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

const STRENGTH_ORDER: Readonly<Record<CueStrength, number>> = { weak: 0, normal: 1, hard: 2 };

/** A loose pair ("placed ... blacklist") must not hide a firmer cue inside it ("investment blacklist"). */
function weakerAction(outer: Cue, inner: Cue): boolean {
  return (
    outer.type === 'action' &&
    inner.type === 'action' &&
    STRENGTH_ORDER[outer.strength] < STRENGTH_ORDER[inner.strength]
  );
}

function insideLonger(hit: Hit, long: readonly Hit[]): boolean {
  const layer = layerOf(hit.payload);
  if (layer === 'helper') return false;
  const length = hit.end - hit.start;
  for (const other of long) {
    if (
      other.end - other.start > length &&
      other.start <= hit.start &&
      other.end >= hit.end &&
      layerOf(other.payload) === layer &&
      !weakerAction(other.payload, hit.payload) &&
      !(other.payload.type === 'action' && other.payload.pair === true)
    )
      return true;
  }
  return false;
}
