import { readJsonAnswer } from '../json-answer.js';
import { ruleStageRank } from '../../domain/bill-stage.js';
import type { Clock } from '../../domain/clock.js';
import type { Item } from '../../domain/item.js';
import type { Cursor, PollResult, Source, SourceFailure } from '../../domain/source.js';
import { errorMessage } from '../../shared/errors.js';
import type { FeedFetcher } from '../../shared/http/feed-fetcher.js';
import type { Logger } from '../../shared/logger.js';
import { pruneDocs, pruneInspected, readFederalRegisterCursor, type FederalRegisterCursor } from './fr-cursor.js';
import { documentStage, fromAgencies, isRuleStage, rulemakingOf } from './fr-documents.js';
import { entityListAdditionPages, withEntityListNames, type EntityListLookup } from './entity-list-rule.js';
import { documentItem, effectiveItem } from './fr-items.js';
import { fetchInspection, inspectionStep } from './fr-public-inspection.js';
import { FR_FIELDS, frDocument, frSearch, type FrDocument } from './fr-schema.js';
import { searches, type Search } from './fr-searches.js';

export interface FederalRegisterSourceDefinition {
  id: string;
  name?: string;
  intervalMs: number;
  backfill: number;
  /** Full-text search terms; a document must match one of them. */
  terms: readonly string[];
  /** Agency slugs (`federal-communications-commission`); a document must come from one of them. */
  agencies: readonly string[];
  /** e.g. https://www.federalregister.gov/api/v1 */
  baseUrl: string;
  /** Newest documents read per term and poll. */
  perPage?: number;
  /** The catalogue's vendor names, searched a few at a time (`"DJI" | "Autel"`) within the agencies. */
  vendorNames?: readonly string[];
  /** Also search presidential documents (executive orders, proclamations) for the terms, from any agency. */
  presidential?: boolean;
  /** Also report documents on public inspection, a day before publication (default true). */
  publicInspection?: boolean;
}

export interface FederalRegisterSourceDeps {
  fetcher: Pick<FeedFetcher, 'fetch'>;
  clock: Clock;
  logger?: Logger;
  /** Whom an Entity List rule adds, from the screening-list source's entries citing its pages. */
  entityList?: EntityListLookup;
}

/**
 * Federal Register documents as a Source (no key needed). Each poll asks `documents.json`,
 * newest first, once per term, limited to the configured agencies. Every document is an item
 * once, in the thread of its rulemaking (by RIN, else docket): proposed, interim and final
 * rules are its stages, notices of availability, meetings and corrections are notes in it, and
 * the day a rule document's `effective_on` arrives (by the clock) is an item of its own, once.
 * Presidential documents stand alone. Like a feed, its first poll only records.
 */
export function createFederalRegisterSource(
  definition: FederalRegisterSourceDefinition,
  deps: FederalRegisterSourceDeps,
): Source {
  const base = definition.baseUrl.replace(/\/+$/, '');

  function searchUrl(search: Search): string {
    const query = new URLSearchParams();
    query.set('conditions[term]', search.term);
    if (search.presidential) query.append('conditions[type][]', 'PRESDOCU');
    else for (const agency of definition.agencies) query.append('conditions[agencies][]', agency);
    query.set('order', 'newest');
    query.set('per_page', String(definition.perPage ?? 100));
    for (const field of FR_FIELDS) query.append('fields[]', field);
    return `${base}/documents.json?${query.toString()}`;
  }

  async function search(
    asked: Search,
    signal?: AbortSignal,
  ): Promise<{ ok: true; docs: FrDocument[] } | { ok: false; failure: SourceFailure }> {
    const outcome = await deps.fetcher.fetch(searchUrl(asked), signal ? { signal } : {});
    if (!outcome.ok)
      return {
        ok: false,
        failure: { ...outcome.failure, message: `Federal Register, ${asked.label}: ${outcome.failure.message}` },
      };
    if (outcome.notModified) return { ok: true, docs: [] };
    const answer = readJsonAnswer(outcome.body, frSearch, `Federal Register, ${asked.label}`);
    if (!answer.ok) return answer;
    const docs = (answer.value.results ?? []).flatMap((raw) => {
      const doc = frDocument.safeParse(raw);
      return doc.success ? [doc.data] : [];
    });
    return { ok: true, docs };
  }

  async function poll(cursor: Cursor | undefined, signal?: AbortSignal): Promise<PollResult> {
    const previous = readFederalRegisterCursor(cursor);
    try {
      const docs = new Map<string, FrDocument>();
      const failures: SourceFailure[] = [];
      const asked = searches(definition);
      for (const one of asked) {
        const result = await search(one, signal);
        if (!result.ok) {
          if (result.failure.kind === 'http-429') return { ok: false, failure: result.failure, cursor: previous };
          failures.push(result.failure);
          continue;
        }
        for (const doc of result.docs) docs.set(doc.document_number, doc);
      }
      // All terms failing is one failure of the poll (logged once by the poller); only a partial
      // failure needs its own line, since the poll itself then succeeds.
      if (failures.length === asked.length && failures[0]) return { ok: false, failure: failures[0], cursor: previous };
      for (const failure of failures)
        deps.logger?.warn({ sourceId: definition.id, kind: failure.kind }, failure.message);
      // Switched off, the list is not even asked for: one request a poll less.
      const inspection: Awaited<ReturnType<typeof fetchInspection>> =
        definition.publicInspection === false
          ? { ok: true, docs: [] }
          : await fetchInspection(deps.fetcher, base, signal);
      if (!inspection.ok) {
        if (inspection.failure.kind === 'http-429') return { ok: false, failure: inspection.failure, cursor: previous };
        deps.logger?.warn({ sourceId: definition.id, kind: inspection.failure.kind }, inspection.failure.message);
      }
      const today = deps.clock.now().toISOString().slice(0, 10);
      const named = await entityListNames(
        [...docs.values()].filter((doc) => previous.docs[doc.document_number] === undefined),
      );
      const { items, next } = step(previous, [...docs.values()], today, named);
      if (inspection.ok) items.push(...inspectionStep(definition.id, inspection.docs, inspectionFilter, next, today));
      const inspected = pruneInspected(next.inspected, today);
      return {
        ok: true,
        items,
        cursor: { docs: pruneDocs(next.docs, today), pending: next.pending, ...(inspected ? { inspected } : {}) },
      };
    } catch (error) {
      return {
        ok: false,
        failure: { kind: 'parse', message: `unexpected error: ${errorMessage(error)}` },
        cursor: previous,
      };
    }
  }

  const inspectionFilter = {
    phrases: [...definition.terms.map((term) => term.replace(/^"|"$/g, '')), ...(definition.vendorNames ?? [])]
      .map((phrase) => phrase.trim().toLowerCase())
      .filter((phrase) => phrase.length >= 3),
    agencies: definition.agencies,
    presidential: definition.presidential ?? false,
  };

  /**
   * Entity List rules read for whom they add. A failed lookup costs the names, never the alert:
   * the rule is news on the day it is published, whatever the list holds.
   */
  async function entityListNames(fresh: FrDocument[]): Promise<Map<string, (item: Item) => Item>> {
    const named = new Map<string, (item: Item) => Item>();
    if (!deps.entityList) return named;
    for (const doc of fresh) {
      const pages = entityListAdditionPages(doc);
      if (!pages) continue;
      try {
        const added = await deps.entityList(pages);
        named.set(doc.document_number, (item) => withEntityListNames(item, pages, added));
      } catch (error) {
        deps.logger?.warn(
          { sourceId: definition.id },
          `Federal Register: the Entity List additions of FR Doc ${doc.document_number} could not be read: ${errorMessage(error)}`,
        );
      }
    }
    return named;
  }

  /** Documents oldest first, so a proposed and a final rule seen together are told in order. */
  function step(
    previous: FederalRegisterCursor,
    found: FrDocument[],
    today: string,
    named: Map<string, (item: Item) => Item>,
  ): { items: Item[]; next: FederalRegisterCursor } {
    const next: FederalRegisterCursor = {
      docs: { ...previous.docs },
      pending: { ...previous.pending },
      ...(previous.inspected ? { inspected: { ...previous.inspected } } : {}),
    };
    const items: Item[] = [];
    const ordered = found.sort(
      (a, b) =>
        (a.publication_date ?? '').localeCompare(b.publication_date ?? '') ||
        a.document_number.localeCompare(b.document_number),
    );
    for (const doc of ordered) {
      // Presidential documents come from the President, not the configured agencies.
      if (doc.type?.toLowerCase() !== 'presidential document' && !fromAgencies(doc, definition.agencies)) continue;
      const known = next.docs[doc.document_number] !== undefined;
      next.docs[doc.document_number] = today;
      if (known) continue;
      const stage = documentStage(doc);
      // A document seen on public inspection continues the thread that opened.
      const opened = next.inspected?.[doc.document_number];
      const rulemaking = opened ? { key: opened.key, label: opened.label } : rulemakingOf(doc, stage);
      // Before documents were items, a rulemaking kept only its furthest stage: its documents
      // up to that stage were reported then, and are not reported again.
      const legacy = previous.legacy?.[rulemaking.key];
      if (legacy && (!isRuleStage(stage) || ruleStageRank(stage) <= ruleStageRank(legacy.stage))) continue;
      const plain = documentItem(definition.id, doc, stage, rulemaking);
      const item = named.get(doc.document_number)?.(plain) ?? plain;
      items.push(item);
      if ((stage === 'interim' || stage === 'final') && doc.effective_on)
        next.pending[doc.document_number] = {
          thread: rulemaking.key,
          label: rulemaking.label,
          stage,
          title: (doc.title ?? '').trim() || `FR Doc ${doc.document_number}`,
          effectiveOn: doc.effective_on.slice(0, 10),
          key: `${rulemaking.key}:effective:${doc.document_number}`,
          ...(item.thread?.vendors?.length ? { vendors: item.thread.vendors } : {}),
          ...(doc.html_url ? { url: doc.html_url } : {}),
        };
    }
    for (const [doc, rule] of Object.entries(next.pending)) {
      if (rule.effectiveOn > today) continue;
      items.push(effectiveItem(definition.id, doc, rule));
      delete next.pending[doc];
    }
    return { items, next };
  }

  return {
    id: definition.id,
    name: definition.name ?? 'Federal Register',
    intervalMs: definition.intervalMs,
    backfill: definition.backfill,
    poll,
  };
}
