import type { ListEntry } from '../../domain/list-entry.js';

export interface ListDiff {
  added: ListEntry[];
  removed: ListEntry[];
  /** Same id, other content (a new alias, a new address): recorded, not alerted. */
  modified: ListEntry[];
}

const keyOf = (entry: ListEntry): string => `${entry.list}\u0000${entry.id}`;

/** Compares two snapshots by each list's own stable id. */
export function diffEntries(before: readonly ListEntry[], after: readonly ListEntry[]): ListDiff {
  const old = new Map(before.map((entry) => [keyOf(entry), entry]));
  const added: ListEntry[] = [];
  const modified: ListEntry[] = [];
  for (const entry of after) {
    const key = keyOf(entry);
    const previous = old.get(key);
    if (!previous) added.push(entry);
    else if (JSON.stringify(previous) !== JSON.stringify(entry)) modified.push(entry);
    old.delete(key);
  }
  return { added, removed: [...old.values()], modified };
}

/** Entries per list. */
export function listSizes(entries: readonly ListEntry[]): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const entry of entries) sizes[entry.list] = (sizes[entry.list] ?? 0) + 1;
  return sizes;
}

/**
 * The list a download would shrink too much, if any: more than `maxShare` of its entries removed
 * at once (and more than one: a single removal is an ordinary delisting). A truncated or broken
 * file looks exactly like this, so it is held until the next poll confirms it.
 */
export function suspectRemoval(
  before: readonly ListEntry[],
  diff: ListDiff,
  maxShare: number,
): { list: string; removals: number; total: number } | undefined {
  const sizes = listSizes(before);
  const removed = listSizes(diff.removed);
  for (const [list, removals] of Object.entries(removed)) {
    const total = sizes[list] ?? 0;
    if (removals > 1 && removals > maxShare * total) return { list, removals, total };
  }
  return undefined;
}
