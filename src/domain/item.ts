import type { InstrumentStage } from './bill-stage.js';
import type { ListingChange } from './list-entry.js';

/**
 * One normalized entry from a source: a news item, or one stage of a bill or rule.
 * Sources produce Items; they never classify or post them.
 */
export interface Item {
  /** The config or runtime id of the source that produced the item. */
  sourceId: string;
  /** Stable identity within its source (see item-identity.ts): guid, then normalized link, then title. */
  key: string;
  title: string;
  /** Plain text (HTML already stripped by the source), possibly long. */
  summary?: string;
  link?: string;
  guid?: string;
  /** When the upstream says the item was published; absent when missing or invalid. */
  publishedAt?: Date;
  kind: 'news' | 'bill' | 'rule';
  /**
   * A bill or rule moving through stages: every stage of the same `key` is one thread,
   * the first alert is its root and later ones are replies to it.
   */
  thread?: ItemThread;
  /**
   * True when `maxAgeDays` does not apply: the item is news now although `publishedAt` is old
   * (a bill's stage dated by its action, a list change dated by its Federal Register notice).
   */
  exemptFromAgeLimit?: boolean;
  /** A change of an official restriction list: relevant by definition (see pipeline/classify-item.ts). */
  listing?: ListingChange;
}

export interface ItemThread {
  /** Identity of the bill or rule, e.g. `bill:hr5515-115` or `rule:3090-AK05`. */
  key: string;
  /** Short human name, e.g. `H.R.5515 (115th)`. */
  label: string;
  /** The normalized stage this item reports, e.g. `passed-one-chamber`, `enacted`, `final`. */
  stage: InstrumentStage;
  /** True for the stages that end a story (enacted, final, effective): Slack also broadcasts them. */
  conclusive: boolean;
  /** Vendors the tracked bill or rule is about, independent of what the text names. */
  vendors?: string[];
  /** The instrument's own name: a bill's short title, a rule's title. */
  title?: string;
  /** What it became or where it is published, e.g. `Public Law 115-232`, `FR Doc 2019-17201`. */
  reference?: string;
  /** The chamber that acted, when the stage is a chamber's (passed the House, passed the Senate). */
  chamber?: 'House' | 'Senate';
  /**
   * Whose law it would be, when the source knows it better than the text: `US-state:TN` for a
   * state bill (unset: the classifier's reading, US-federal by default).
   */
  jurisdiction?: string;
}
