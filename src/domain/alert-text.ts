import type { Alert } from './alert.js';
import type { Action } from './classification.js';

const ACTION_LABELS: Record<Action, string> = {
  ban: 'Ban',
  restriction: 'Restriction',
  sanction: 'Sanction',
  lift: 'Lifted',
  investigation: 'Investigation',
  none: 'Update',
};

const STAGE_LABELS: Record<string, string> = {
  proposed: 'proposed',
  'passed-chamber': 'passed one chamber',
  enacted: 'enacted',
  rule: 'rule or order',
  'in-effect': 'in effect',
  lifted: 'lifted',
  none: 'unknown',
  // Finer stages of tracked bills and rules.
  introduced: 'introduced',
  'in-committee': 'in committee',
  reported: 'reported by committee',
  'passed-one-chamber': 'passed one chamber',
  'passed-other-chamber': 'passed the second chamber with an amendment',
  'resolving-differences': 'resolving differences',
  'passed-both': 'passed both chambers',
  'to-president': 'presented to the President',
  vetoed: 'vetoed',
  failed: 'failed',
  interim: 'interim rule',
  final: 'final rule',
  effective: 'in effect',
  notice: 'notice',
  'presidential-document': 'presidential document',
  'public-inspection': 'on public inspection',
};

/** Chamber-aware wording for a stage a chamber reached: `passed the House`, `passed the Senate`. */
const CHAMBER_PHRASES: Record<string, (chamber: string) => string> = {
  introduced: (chamber) => `introduced in the ${chamber}`,
  'passed-one-chamber': (chamber) => `passed the ${chamber}`,
  'passed-other-chamber': (chamber) => `passed the ${chamber} with an amendment`,
  failed: (chamber) => `failed in the ${chamber}`,
};

export function actionLabel(action: Action): string {
  return ACTION_LABELS[action];
}

export function stageLabel(stage: string): string {
  return STAGE_LABELS[stage] ?? stage;
}

/** A stage in words, naming the chamber when one acted: `passed the House`, `resolving differences`. */
export function stagePhrase(stage: string, chamber?: string): string {
  const phrase = chamber ? CHAMBER_PHRASES[stage] : undefined;
  return phrase && chamber ? phrase(chamber) : stageLabel(stage);
}

/**
 * "Hikvision, Dahua · Ban" — the one-line subject of an alert on every platform. A vendor the
 * catalogue does not know says so ("Zenbot (not in the catalogue) · Ban"): the reader cannot look it up.
 */
export function alertSubject(alert: Alert): string {
  const fresh = new Set(alert.classification.vendorsNew ?? []);
  const names = alert.classification.vendors.map((v) => (fresh.has(v) ? `${v} (not in the catalogue)` : v));
  const vendors = names.length ? names.join(', ') : 'Vendor class';
  return `${vendors} · ${actionLabel(alert.classification.action)}`;
}

/** The stage as shown: a tracked bill's own stage when it has one, with the chamber that acted. */
export function alertStage(alert: Alert): string {
  // A state bill goes to its Governor, not the President.
  if (alert.thread?.stage === 'to-president' && alert.thread.jurisdiction?.startsWith('US-state:'))
    return 'sent to the Governor';
  if (alert.thread) return stagePhrase(alert.thread.stage, alert.thread.chamber);
  return stageLabel(alert.classification.stage);
}

/** Jurisdiction as shown; `none` reads as unknown. */
export function alertJurisdiction(alert: Alert): string {
  const value = alert.classification.jurisdiction;
  return value === 'none' ? 'unknown' : value;
}

/** The day the item is about: its publication date, else when banwatch saw it. */
export function alertDate(alert: Alert): string {
  return (alert.publishedAt ?? alert.createdAt).slice(0, 10);
}

/** The reasons in one line, bounded. */
export function alertReasons(alert: Alert, max = 500): string {
  const text = alert.classification.reasons.join('; ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Cuts text to `max` characters (by code point), marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

// C0/C1 controls (incl. ESC, which starts terminal escape sequences) and bidi overrides.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes control and direction-override characters and folds whitespace: safe on any screen. */
export function plainText(text: string): string {
  return text.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
}
