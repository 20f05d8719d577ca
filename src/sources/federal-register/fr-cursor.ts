import type { Cursor } from '../../domain/source.js';

/** A rule document whose effective day is still to be alerted. */
export interface PendingEffective {
  /** The rulemaking's thread key and label. */
  thread: string;
  label: string;
  stage: 'interim' | 'final';
  title: string;
  url?: string;
  /** YYYY-MM-DD, from the document's `effective_on`. */
  effectiveOn: string;
  /** The item key to use (rules alerted before documents were items keep theirs). */
  key: string;
  /** The vendors the rule's own alert named (an Entity List rule's), so its day in effect reaches the same channels. */
  vendors?: string[];
}

/**
 * The source's memory: each document it has reported (by document number, with the last day a
 * search returned it), and the effective days still to come. Every document is news once,
 * whatever its rulemaking already reached: a second final rule in a docket is its own alert.
 */
export interface FederalRegisterCursor extends Cursor {
  docs: Record<string, string>;
  pending: Record<string, PendingEffective>;
  /** Documents reported on public inspection, with the thread each opened (the published one continues it). */
  inspected?: Record<string, { key: string; label: string; seen: string }>;
  /** Rulemakings as the earlier cursor kept them (one stage per RIN or docket), read once to migrate. */
  legacy?: Record<string, { stage: string; seen: string }>;
}

const STAGES = new Set(['proposed', 'interim', 'final']);
const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/** Reads a stored cursor defensively, including the earlier per-rulemaking shape. */
export function readFederalRegisterCursor(cursor: Cursor | undefined): FederalRegisterCursor {
  const docs: Record<string, string> = {};
  for (const [doc, seen] of Object.entries(record(cursor?.docs))) if (text(seen)) docs[doc] = seen;
  const pending: Record<string, PendingEffective> = {};
  for (const [doc, value] of Object.entries(record(cursor?.pending))) {
    const entry = value as Partial<PendingEffective>;
    if (!text(entry.thread) || !text(entry.effectiveOn) || !text(entry.key)) continue;
    if (entry.stage !== 'interim' && entry.stage !== 'final') continue;
    pending[doc] = {
      thread: entry.thread,
      label: text(entry.label) ? entry.label : doc,
      stage: entry.stage,
      title: text(entry.title) ? entry.title : doc,
      effectiveOn: entry.effectiveOn,
      key: entry.key,
      ...(text(entry.url) ? { url: entry.url } : {}),
      ...(Array.isArray(entry.vendors) && entry.vendors.every(text) ? { vendors: entry.vendors } : {}),
    };
  }
  const inspected: NonNullable<FederalRegisterCursor['inspected']> = {};
  for (const [doc, value] of Object.entries(record(cursor?.inspected))) {
    const entry = record(value);
    if (text(entry.key) && text(entry.label) && text(entry.seen))
      inspected[doc] = { key: entry.key, label: entry.label, seen: entry.seen };
  }
  const legacy: NonNullable<FederalRegisterCursor['legacy']> = {};
  for (const [key, value] of Object.entries(record(cursor?.rules))) {
    const rule = record(value);
    if (!STAGES.has(String(rule.stage)) || !text(rule.doc) || !text(rule.seen)) continue;
    legacy[key] = { stage: String(rule.stage), seen: rule.seen };
    docs[rule.doc] ??= rule.seen;
    if (text(rule.effectiveOn) && !rule.effectiveDone && rule.stage !== 'proposed')
      pending[rule.doc] ??= {
        thread: key,
        label: text(rule.label) ? rule.label : rule.doc,
        stage: rule.stage as 'interim' | 'final',
        title: text(rule.title) ? rule.title : rule.doc,
        effectiveOn: rule.effectiveOn,
        key: `${key}:effective-${String(rule.stage)}`,
        ...(text(rule.url) ? { url: rule.url } : {}),
      };
  }
  return {
    docs,
    pending,
    ...(Object.keys(inspected).length ? { inspected } : {}),
    ...(Object.keys(legacy).length ? { legacy } : {}),
  };
}

const KEEP_DAYS = 3 * 365;
const MAX_DOCS = 5_000;

/**
 * Forgets documents no search returned for three years, and keeps at most 5,000 (most recently
 * returned), so the cursor stays small; a forgotten document that returns is news again.
 */
export function pruneDocs(docs: Record<string, string>, today: string): Record<string, string> {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - KEEP_DAYS * 86_400_000).toISOString().slice(0, 10);
  const kept = Object.entries(docs)
    .filter(([, seen]) => seen >= cutoff)
    .sort(([, a], [, b]) => b.localeCompare(a))
    .slice(0, MAX_DOCS);
  return Object.fromEntries(kept);
}

/** A document stays on inspection a day or two; one never published is forgotten after 30 days. */
export function pruneInspected(
  inspected: FederalRegisterCursor['inspected'],
  today: string,
): FederalRegisterCursor['inspected'] {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
  const kept = Object.entries(inspected ?? {}).filter(([, entry]) => entry.seen >= cutoff);
  return kept.length ? Object.fromEntries(kept) : undefined;
}
