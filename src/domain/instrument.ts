import type { InstrumentStage } from './bill-stage.js';

/** A bill tracked at run time (`track BILL`, or found by discovery), next to those in the config file. */
export interface TrackedBill {
  /** `hr5515-115`. */
  id: string;
  /** The bill's own watch terms: its alerts always name these vendors. */
  vendors?: string[];
  origin: 'command' | 'discovery';
  addedBy?: string;
  addedAt: string;
  /** Tracked by a workspace or server admin: theirs to untrack (domain/tenancy.ts). Unset: global. */
  scope?: string;
  /**
   * Other workspaces or servers that track the same scoped bill (`track` of a bill another tenant
   * tracks): its stages go to their channels too, and each may stop following it on its own.
   */
  followers?: string[];
  /** Found by its text (GovInfo full-text discovery): the section that named a watch term. */
  matched?: MatchedText;
}

/** The passage of a bill's text that made discovery track it: "Sec. 632: ... Huawei ...". */
export interface MatchedText {
  /** `Sec. 632`; empty when the text has no numbered section around the match. */
  section: string;
  excerpt: string;
  term: string;
  /** The text version read, e.g. `BILLS-116hr264eh`. */
  version?: string;
}

/**
 * Where a tracked bill or rule stands, as its latest alerted stage said: what `bills` lists and
 * what the vendor lookup shows next to a vendor's restrictions.
 */
export interface InstrumentRecord {
  /** The thread key: `bill:hr5515-115`, `rule:9000-AN83`. */
  key: string;
  kind: 'bill' | 'rule';
  /** `H.R.5515 (115th)`, `RIN 9000-AN83`. */
  label: string;
  /** The instrument's own name (a bill's short title, a rule's title). */
  title: string;
  /** What it became or where it is published: `Public Law 115-232`, `FR Doc 2019-17201`. */
  reference?: string;
  stage: InstrumentStage;
  /** Day of the latest stage (YYYY-MM-DD). */
  date: string;
  /** The action or document behind the latest stage, in words. */
  lastAction?: string;
  url?: string;
  /** Canonical vendor names (and watch terms) the instrument is about. */
  vendors: string[];
  sourceId: string;
  updatedAt: string;
}
