/**
 * Entries of official restriction lists (the Consolidated Screening List, OFAC's SDN list, the
 * FCC Covered List) as banwatch keeps them: enough to say what changed and to answer a vendor
 * lookup, not a full copy of every field the government publishes.
 */
export interface ListEntry {
  /** The list's own stable id: CSL entity number or `_id`, SDN uid, or the FCC row's normalized text. */
  id: string;
  /** The list it is on, e.g. `Entity List`, `SDN`, `Non-SDN CMIC`, `FCC Covered List`. */
  list: string;
  name: string;
  aliases?: string[];
  /** `Entity`, `Individual`, `Vessel`, ... when the list says. */
  type?: string;
  programs?: string[];
  countries?: string[];
  /** Federal Register citation or other publication, e.g. `84 FR 22961`. */
  citation?: string;
  /** YYYY-MM-DD the entry took effect or was included, when the list says. */
  since?: string;
  /** The entry's own words when its name is only part of them (an FCC Covered List row). */
  detail?: string;
}

/** What a list source keeps between polls, per snapshot (keyed by the file's content hash). */
export interface ListSnapshot {
  sourceId: string;
  hash: string;
  takenAt: string;
  entries: ListEntry[];
}

/** The per-source facts `banwatch lists` and `status` show. */
export interface ListSourceMeta {
  sourceId: string;
  /** Entries per list in the last accepted snapshot. */
  sizes: Record<string, number>;
  /** Content hash of the last accepted snapshot (the one lookups answer from). */
  hash?: string;
  lastPollAt?: string;
  lastChangeAt?: string;
  /** A download that would remove too much at once, waiting for the next poll to confirm it. */
  suspect?: { hash: string; removals: number; total: number; at: string };
}

/** Where list snapshots live (src/store/list-snapshot-store.ts). */
export interface ListSnapshotStore {
  get(sourceId: string, hash: string): Promise<ListSnapshot | undefined>;
  put(snapshot: ListSnapshot): Promise<void>;
  /** Drops the snapshots of a source other than those named. */
  keepOnly(sourceId: string, hashes: readonly string[]): Promise<void>;
  meta(sourceId: string): Promise<ListSourceMeta | undefined>;
  putMeta(meta: ListSourceMeta): Promise<void>;
  /** The latest accepted snapshot of every list source, for lookups. */
  latest(): Promise<ListSnapshot[]>;
  allMeta(): Promise<ListSourceMeta[]>;
}

/** What an item reporting a list change carries, so it is relevant by definition. */
export interface ListingChange {
  list: string;
  /** `modified`: an entry of a catalogue vendor changed (alias, address); only vendor-filtered channels get it. */
  change: 'added' | 'removed' | 'modified';
  citation?: string;
  /** Catalogue vendors among the entries (canonical names). */
  vendors: string[];
  /** Entry names the catalogue does not know. */
  others: string[];
  /** Those of `others` that are companies (not people, vessels or kinds of equipment): new vendors. */
  newVendors?: string[];
  count: number;
  action: 'ban' | 'restriction' | 'sanction';
}
