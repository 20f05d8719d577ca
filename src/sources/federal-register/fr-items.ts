import { stageLabel } from '../../domain/alert-text.js';
import { isConclusiveStage } from '../../domain/bill-stage.js';
import type { Item } from '../../domain/item.js';
import type { PendingEffective } from './fr-cursor.js';
import type { DocumentStage, Rulemaking } from './fr-documents.js';
import type { FrDocument } from './fr-schema.js';

const HEADS: Record<DocumentStage, string> = {
  proposed: 'Proposed rule',
  interim: 'Interim rule',
  final: 'Final rule',
  notice: 'Notice',
  'presidential-document': 'Presidential document',
  'public-inspection': 'On public inspection',
};

function day(text: string | null | undefined): Date | undefined {
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
}

function agencyNames(doc: FrDocument): string {
  return [...new Set((doc.agencies ?? []).map((agency) => agency.name ?? agency.raw_name ?? '').filter(Boolean))].join(
    ', ',
  );
}

/** A Federal Register document as an item: one step of its rulemaking, or a notice on its own. */
export function documentItem(sourceId: string, doc: FrDocument, stage: DocumentStage, rulemaking: Rulemaking): Item {
  const title = (doc.title ?? '').trim() || `FR Doc ${doc.document_number}`;
  const reference = `FR Doc ${doc.document_number}${doc.citation ? ` (${doc.citation})` : ''}`;
  const standsAlone = rulemaking.key.startsWith('fr:');
  const summary = [
    [doc.publication_date, doc.action].filter(Boolean).join(' · '),
    doc.abstract?.trim(),
    doc.effective_on ? `Effective ${doc.effective_on}.` : undefined,
    agencyNames(doc) ? `Agencies: ${agencyNames(doc)}.` : undefined,
    `${reference}.`,
  ]
    .filter(Boolean)
    .join(' ');
  const publishedAt = day(doc.publication_date);
  return {
    sourceId,
    // One item per document: a second final rule in the same rulemaking is news of its own.
    key: standsAlone ? `${rulemaking.key}:${stage}` : `${rulemaking.key}:${stage}:${doc.document_number}`,
    title: standsAlone ? `${HEADS[stage]}: ${title}` : `${HEADS[stage]} (${rulemaking.label}): ${title}`,
    summary,
    ...(doc.html_url ? { link: doc.html_url } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    guid: doc.document_number,
    kind: 'rule',
    thread: {
      key: rulemaking.key,
      label: rulemaking.label,
      stage,
      conclusive: isConclusiveStage('rule', stage),
      title,
      reference,
    },
  };
}

/** The day a rule document takes effect, as an item of its own in the rule's thread. */
export function effectiveItem(sourceId: string, doc: string, rule: PendingEffective): Item {
  const publishedAt = day(rule.effectiveOn);
  return {
    sourceId,
    key: rule.key,
    title: `In effect from ${rule.effectiveOn} (${rule.label}): ${rule.title}`,
    summary: `The ${stageLabel(rule.stage)} ${rule.label} (FR Doc ${doc}) takes effect on ${rule.effectiveOn}.`,
    ...(rule.url ? { link: rule.url } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    kind: 'rule',
    // The day arrives now, whatever the document's age.
    exemptFromAgeLimit: true,
    thread: {
      key: rule.thread,
      label: rule.label,
      stage: 'effective',
      conclusive: true,
      title: rule.title,
      reference: `FR Doc ${doc}`,
      ...(rule.vendors?.length ? { vendors: rule.vendors } : {}),
    },
  };
}
