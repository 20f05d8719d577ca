import { z } from 'zod';
import type { Item } from '../../domain/item.js';
import type { SourceFailure } from '../../domain/source.js';
import type { FeedFetcher } from '../../shared/http/feed-fetcher.js';
import { readJsonAnswer } from '../json-answer.js';
import type { FederalRegisterCursor } from './fr-cursor.js';
import { documentStage, rulemakingOf, type Rulemaking } from './fr-documents.js';

/**
 * A document of `public-inspection-documents/current.json`: filed with the Office of the
 * Federal Register and open to inspection, to be published on `publication_date`. It has no
 * abstract, action, RIN or citation yet; its dockets are `docket_numbers`.
 */
const agency = z.object({ name: z.string().nullish(), raw_name: z.string().nullish(), slug: z.string().nullish() });
export const piDocument = z.object({
  document_number: z.string().min(1),
  title: z.string().nullish(),
  type: z.string().nullish(),
  filed_at: z.string().nullish(),
  publication_date: z.string().nullish(),
  filing_type: z.string().nullish(),
  docket_numbers: z.array(z.string()).nullish(),
  html_url: z.string().nullish(),
  pdf_url: z.string().nullish(),
  agencies: z.array(agency).nullish(),
});
export type PiDocument = z.output<typeof piDocument>;

export const piCurrent = z.object({ count: z.number().nullish(), results: z.array(z.unknown()).nullish() });

export interface InspectionFilter {
  /** Lower-cased phrases, one of which the title must contain: the terms and the vendor names. */
  phrases: readonly string[];
  agencies: readonly string[];
  presidential: boolean;
}

/** A document the searches would return once published: from the agencies (or the President) and naming a term. */
export function inspectionWanted(doc: PiDocument, filter: InspectionFilter): boolean {
  const presidential = (doc.type ?? '').toLowerCase() === 'presidential document';
  const slugs = new Set(filter.agencies.map((slug) => slug.toLowerCase()));
  const fromAgency = !slugs.size || (doc.agencies ?? []).some((one) => one.slug && slugs.has(one.slug.toLowerCase()));
  if (!(presidential ? filter.presidential || fromAgency : fromAgency)) return false;
  const title = (doc.title ?? '').toLowerCase();
  return filter.phrases.some((phrase) => phrase && title.includes(phrase));
}

/** The thread a document on inspection opens: its docket's, else its own (no RIN is known yet). */
export function inspectionThread(doc: PiDocument): Rulemaking {
  const stage = documentStage({ document_number: doc.document_number, type: doc.type ?? null, action: '' });
  return rulemakingOf({ document_number: doc.document_number, docket_ids: doc.docket_numbers ?? null }, stage);
}

const day = (text: string | null | undefined) => (text ? text.slice(0, 10) : undefined);

/** "On public inspection (FR Doc 2019-22210): Addition of ..., to be published 2019-10-09". */
export function inspectionItem(sourceId: string, doc: PiDocument, thread: Rulemaking): Item {
  const title = (doc.title ?? '').trim() || `FR Doc ${doc.document_number}`;
  const agencies = [...new Set((doc.agencies ?? []).map((one) => one.name ?? one.raw_name ?? '').filter(Boolean))];
  const summary = [
    `${doc.type ?? 'Document'} filed for public inspection${doc.filed_at ? ` at ${doc.filed_at}` : ''}${
      doc.publication_date ? `, to be published in the Federal Register on ${day(doc.publication_date)}` : ''
    }.`,
    agencies.length ? `Agencies: ${agencies.join(', ')}.` : undefined,
    `FR Doc ${doc.document_number}.`,
  ]
    .filter(Boolean)
    .join(' ');
  const filed = day(doc.filed_at);
  const link = doc.html_url ?? doc.pdf_url;
  return {
    sourceId,
    key: `${thread.key}:public-inspection:${doc.document_number}`,
    title: thread.key.startsWith('fr:')
      ? `On public inspection: ${title}`
      : `On public inspection (${thread.label}): ${title}`,
    summary,
    ...(link ? { link } : {}),
    ...(filed && /^\d{4}-\d{2}-\d{2}$/.test(filed) ? { publishedAt: new Date(`${filed}T00:00:00Z`) } : {}),
    guid: `public-inspection:${doc.document_number}`,
    kind: 'rule',
    thread: {
      key: thread.key,
      label: thread.label,
      stage: 'public-inspection',
      conclusive: false,
      title,
      reference: `FR Doc ${doc.document_number}`,
    },
  };
}

/**
 * Documents on inspection not seen before (as such, or already published) become items, and
 * the cursor keeps the thread each opened, so the published document continues it.
 */
export function inspectionStep(
  sourceId: string,
  docs: readonly PiDocument[],
  filter: InspectionFilter,
  next: FederalRegisterCursor,
  today: string,
): Item[] {
  const items: Item[] = [];
  const inspected: NonNullable<FederalRegisterCursor['inspected']> = (next.inspected ??= {});
  for (const doc of docs) {
    const number = doc.document_number;
    if (inspected[number] || next.docs[number] !== undefined || !inspectionWanted(doc, filter)) continue;
    const thread = inspectionThread(doc);
    inspected[number] = { key: thread.key, label: thread.label, seen: today };
    items.push(inspectionItem(sourceId, doc, thread));
  }
  return items;
}

/**
 * Documents on public inspection today (one request: `current.json` lists them all, a few
 * hundred at most, with no paging).
 */
export async function fetchInspection(
  fetcher: Pick<FeedFetcher, 'fetch'>,
  base: string,
  signal?: AbortSignal,
): Promise<{ ok: true; docs: PiDocument[] } | { ok: false; failure: SourceFailure }> {
  const what = 'Federal Register, documents on public inspection';
  const outcome = await fetcher.fetch(`${base}/public-inspection-documents/current.json`, signal ? { signal } : {});
  if (!outcome.ok)
    return { ok: false, failure: { ...outcome.failure, message: `${what}: ${outcome.failure.message}` } };
  if (outcome.notModified) return { ok: true, docs: [] };
  const answer = readJsonAnswer(outcome.body, piCurrent, what);
  if (!answer.ok) return answer;
  const docs = (answer.value.results ?? []).flatMap((raw) => {
    const doc = piDocument.safeParse(raw);
    return doc.success ? [doc.data] : [];
  });
  return { ok: true, docs };
}
