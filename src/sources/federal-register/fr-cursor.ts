import type { Cursor } from '../../domain/source.js';

/** What the source remembers about one rulemaking: the step alerted and its effective date. */
export interface RuleState {
  stage: 'proposed' | 'interim' | 'final';
  /** Document number of the document that reached the stage. */
  doc: string;
  title: string;
  label: string;
  url?: string;
  /** YYYY-MM-DD, from that document's `effective_on`. */
  effectiveOn?: string;
  /** The day it took effect was alerted. */
  effectiveDone?: boolean;
  /** Last day a document of this rulemaking was in a response (YYYY-MM-DD). */
  seen: string;
}

export interface FederalRegisterCursor extends Cursor {
  rules: Record<string, RuleState>;
}

const STAGES = new Set(['proposed', 'interim', 'final']);
const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export function readFederalRegisterCursor(cursor: Cursor | undefined): FederalRegisterCursor {
  const rules: Record<string, RuleState> = {};
  const stored = cursor?.rules;
  if (stored && typeof stored === 'object') {
    for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
      const rule = value as Partial<RuleState> | null;
      if (!rule || !STAGES.has(rule.stage ?? '') || !text(rule.doc) || !text(rule.seen)) continue;
      rules[key] = {
        stage: rule.stage as RuleState['stage'],
        doc: rule.doc,
        title: text(rule.title) ? rule.title : rule.doc,
        label: text(rule.label) ? rule.label : rule.doc,
        seen: rule.seen,
        ...(text(rule.url) ? { url: rule.url } : {}),
        ...(text(rule.effectiveOn) ? { effectiveOn: rule.effectiveOn } : {}),
        ...(rule.effectiveDone ? { effectiveDone: true } : {}),
      };
    }
  }
  return { rules };
}

const KEEP_DAYS = 3 * 365;
const MAX_RULES = 2_000;

/**
 * Forgets rulemakings not seen for three years unless their effective day is still to come,
 * and keeps at most 2,000 (most recently seen), so the cursor stays small. A forgotten
 * rulemaking that returns is treated as new.
 */
export function pruneRules(rules: Record<string, RuleState>, today: string): Record<string, RuleState> {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - KEEP_DAYS * 86_400_000).toISOString().slice(0, 10);
  const kept = Object.entries(rules)
    .filter(([, rule]) => rule.seen >= cutoff || (rule.effectiveOn !== undefined && !rule.effectiveDone))
    .sort(([, a], [, b]) => b.seen.localeCompare(a.seen))
    .slice(0, MAX_RULES);
  return Object.fromEntries(kept);
}
