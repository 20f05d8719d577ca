/** What a government did, as far as the classifier can tell from the text. */
export const ACTIONS = ['ban', 'restriction', 'sanction', 'lift', 'investigation', 'none'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The stage of the action in the text (values as in shared/eval/README.md).
 * Bills and rules tracked from government sources carry a finer `BillStage` on the item.
 */
export const STAGES = ['proposed', 'passed-chamber', 'enacted', 'rule', 'in-effect', 'lifted', 'none'] as const;
export type Stage = (typeof STAGES)[number];

/** `US-federal`, `US-state:TX`, `UK`, `EU`, `DE`, `CA`, `AU`, `IN`, `LT`, ... or `none`. */
export type Jurisdiction = string;

export interface Classification {
  /** True when the text reports a government ban or restriction on a technology vendor. */
  relevant: boolean;
  /** Confidence in `relevant`, 0..1. Channels may ask for a minimum. */
  score: number;
  /** Canonical vendor names (as in config/vendors.yaml); empty for class phrases like "Chinese drones". */
  vendors: string[];
  /**
   * The names in `vendors` that are not in the catalogue: found from the sentence ("Tennessee bans
   * AI app Zenbot"). Absent when every vendor is catalogued.
   */
  vendorsNew?: string[];
  action: Action;
  stage: Stage;
  jurisdiction: Jurisdiction;
  /** Which cues fired and what they counted as, in words an admin understands. */
  reasons: string[];
}

/** The input the classifier reads: a title and an optional plain or HTML summary. */
export interface ClassifyInput {
  title: string;
  summary?: string;
}

export interface ClassifyOptions {
  /**
   * Extra names that count as vendors for this call (a channel's `watch add TERM`): a mention
   * plus a ban or restriction cue makes the text relevant, and the term is listed in `vendors`
   * exactly as given.
   */
  extraVendors?: readonly string[];
}

/** Pure and deterministic: the same input always gives the same classification. */
export interface Classifier {
  classify(input: ClassifyInput, options?: ClassifyOptions): Classification;
}
