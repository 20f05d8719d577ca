import type { RuleNote, RuleStage } from '../../domain/bill-stage.js';
import type { FrDocument } from './fr-schema.js';

/** What a document is, as a step of its rulemaking, or a document of its own. */
export type DocumentStage = Exclude<RuleStage, 'effective'> | RuleNote;

/** Rule documents that change nothing about the rulemaking's stage: notes in its thread. */
const NOT_A_STEP =
  /\bcorrect(?:ion|ing)\b|\btechnical amendment|\bdelay of effective date|\bwithdrawal\b|\bextension of (?:the )?comment period|\breopening of (?:the )?comment period|\bstay\b|\bnotice of (?:availability|(?:public )?meeting|(?:public )?hearing)|^(?:public )?(?:meeting|hearing)\b|\bannouncement of (?:a )?(?:public )?meeting/i;

/**
 * What a document is in its rulemaking, from its `type` and `action`: "Proposed Rule" is
 * proposed, a "Rule" whose action says interim is interim, any other "Rule" is final. Notices
 * of availability and of meetings (filed as Proposed Rules), corrections, delays, withdrawals
 * and comment-period changes are notes: reported, but they move no stage.
 */
export function documentStage(doc: FrDocument): DocumentStage {
  const type = (doc.type ?? '').toLowerCase();
  const action = doc.action ?? '';
  if (type === 'presidential document') return 'presidential-document';
  if (type !== 'proposed rule' && type !== 'rule') return 'notice';
  if (NOT_A_STEP.test(action)) return 'notice';
  if (type === 'proposed rule') return 'proposed';
  return /\binterim\b/i.test(action) ? 'interim' : 'final';
}

export function isRuleStage(stage: DocumentStage): stage is 'proposed' | 'interim' | 'final' {
  return stage === 'proposed' || stage === 'interim' || stage === 'final';
}

/** Ids in `docket_ids` that name a document or an internal number, not a docket. */
const NOT_A_DOCKET = /^(?:FR ID|FCC \d|DA \d|OMB Control)/i;

export interface Rulemaking {
  /** Thread key: `rule:9000-AN83`, `rule:docket:...`, or `fr:2019-17201` for a document on its own. */
  key: string;
  /** `RIN 9000-AN83`, `Docket FAR-2019-0009`, `FR Doc 2019-17201`. */
  label: string;
}

/**
 * Which rulemaking a document belongs to: its RIN (the Unified Agenda's id for one
 * rulemaking), else its docket, else the document alone. Notices join the thread of the
 * rulemaking they name; presidential documents always stand alone.
 */
export function rulemakingOf(doc: FrDocument, stage: DocumentStage): Rulemaking {
  const alone = { key: `fr:${doc.document_number}`, label: `FR Doc ${doc.document_number}` };
  if (stage === 'presidential-document') return alone;
  const rin = doc.regulation_id_numbers
    ?.find((id) => /^\d{4}-[A-Z0-9]{4}$/i.test(id.trim()))
    ?.trim()
    .toUpperCase();
  if (rin) return { key: `rule:${rin}`, label: `RIN ${rin}` };
  const dockets = (doc.docket_ids ?? []).map((id) => id.trim()).filter(Boolean);
  const docket = dockets.find((id) => /docket/i.test(id)) ?? dockets.find((id) => !NOT_A_DOCKET.test(id));
  if (docket) {
    const slug = docket
      .toLowerCase()
      .replace(/^docket (?:no\.?|number|id:?)\s*/i, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    if (slug)
      return { key: `rule:docket:${slug}`, label: docket.replace(/^docket (?:no\.?|number|id:?)\s*/i, 'Docket ') };
  }
  return alone;
}

/** Whether any of the document's agencies is one of `slugs` (all when none are configured). */
export function fromAgencies(doc: FrDocument, slugs: readonly string[]): boolean {
  if (!slugs.length) return true;
  const wanted = new Set(slugs.map((slug) => slug.toLowerCase()));
  return (doc.agencies ?? []).some((agency) => agency.slug && wanted.has(agency.slug.toLowerCase()));
}
