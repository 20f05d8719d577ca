/**
 * The shapes of the lexicon the classifier compiles: action, stage and place cues, traps, helper
 * word sets and the open-world name words. The words themselves are data in config/lexicon/.
 */
import type { Stage } from '../../domain/classification.js';

export type ActionKind = 'ban' | 'restriction' | 'sanction' | 'lift' | 'investigation';

/**
 * `hard`: names a ban outright, survives a vulnerability story ("bans", "Covered List");
 * `normal`: a government measure; `weak`: ambiguous without a government actor in the headline.
 */
export type CueStrength = 'hard' | 'normal' | 'weak';

/** When several kinds of action are named, the highest rank decides the action. */
export const RANK = {
  lift: 70,
  sanction: 60,
  listRestriction: 50,
  ban: 40,
  genericRestriction: 30,
  advisory: 20,
  investigation: 10,
  weakLift: 5,
} as const;

export type RankName = keyof typeof RANK;

/** Traps that, found in a headline, mean it is not news of a government action on a vendor. */
export const GLOBAL_TRAPS = [
  'criminal',
  'false-claim',
  'non-security',
  'product',
  'earnings',
  'listing',
  'non-tech',
  'vulnerability',
] as const;
export type GlobalTrap = (typeof GLOBAL_TRAPS)[number];

export interface ActionCueDef {
  kind: ActionKind;
  rank: number;
  strength: CueStrength;
  /** An instrument is itself about vendors (the Covered List): it needs no vendor named. */
  instrument: boolean;
  words: readonly string[];
}

/** Two helper sets a few words apart that mean more together ("removes ... from blacklist"). */
export interface PairRuleDef {
  first: string;
  second: string;
  /** Most tokens allowed between the two. */
  within: number;
  kind: ActionKind;
  rank: number;
  strength: CueStrength;
  instrument: boolean;
  /** A helper set that, between the two, makes them mean something else ("removed from the approved list"). */
  unless?: string;
}

export interface StageCueDef {
  stage: Stage;
  /** When several stages are named, the highest priority wins. */
  prio: number;
  words: readonly string[];
}

export interface PlaceDef {
  /** Jurisdiction code; null for a government body that names no place ("ministry"). */
  code: string | null;
  strong: boolean;
  actor: boolean;
  reverse: boolean;
  words: readonly string[];
}

/** Words that let the classifier find a vendor outside the catalogue (config/lexicon/open-names.yaml). */
export interface OpenNameWords {
  descriptors: ReadonlySet<string>;
  genericDescriptors: ReadonlySet<string>;
  techWords: ReadonlySet<string>;
  nonTech: ReadonlySet<string>;
  suffixes: ReadonlySet<string>;
  addVerbs: ReadonlySet<string>;
  /** Verbs that take names off a list: "removes Zentrix from the Entity List" (a lift, read like an addition). */
  removeVerbs: ReadonlySet<string>;
  /** Product and trade nouns after the object of a government's action ("bans Unitree robot dogs"). */
  objectNouns: ReadonlySet<string>;
  /** What a ban stops a government from doing with a product: "bans agencies from buying X". */
  purchaseVerbs: ReadonlySet<string>;
  /** What a firm is barred from: "barred from federal contracts". */
  procurementNouns: ReadonlySet<string>;
  /** Laws whose bans are on what the government buys ("NDAA"): a firm barred from contracts under one is a vendor. */
  procurementLaws: ReadonlySet<string>;
  listWords: readonly string[];
  /** Plural kinds of organisation a list of names belongs to ("... among firms"). */
  groupWords: ReadonlySet<string>;
  /** A government's devices and networks ("government devices", "federal networks"): nouns, and the words saying whose. */
  deviceNouns: ReadonlySet<string>;
  deviceOwners: ReadonlySet<string>;
  /** Regulators that license technology (telecoms): "FCC revokes Zentrix's authorization". */
  techRegulators: ReadonlySet<string>;
  stopWords: ReadonlySet<string>;
}

export interface Lexicon {
  actions: readonly ActionCueDef[];
  pairs: readonly PairRuleDef[];
  motives: { strong: readonly string[]; weak: readonly string[] };
  stages: readonly StageCueDef[];
  places: readonly PlaceDef[];
  traps: Readonly<Record<GlobalTrap, readonly string[]>>;
  helpers: Readonly<Record<string, readonly string[]>>;
  openNames: OpenNameWords;
}
