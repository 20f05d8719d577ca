import { digest } from '../domain/hash.js';
import { normalizeLink } from '../domain/item-identity.js';
import type { PollTrace, TraceStore } from '../domain/item-trace.js';
import type { ItemLedger } from '../domain/ports.js';
import type { StoreBackend } from './backend.js';

const TRACE_TTL = 30 * 86_400_000;

/**
 * Traces are written once per poll: the poll's document and a link index pointing at it (one
 * statement however many items the poll had), both at once. An item's own way to its trace is
 * the item ledger, which settles the poll's items with a reference `record` returns: a row every
 * new item has anyway, where a separate index cost a write per item on every poll.
 *
 * The reference is the poll's time in base-36 milliseconds (8 characters): the ledger keeps it
 * 180 days, so it is kept short, and with the item's source it names the document.
 */
export function createTraceStore(backend: StoreBackend, items: Pick<ItemLedger, 'traceOf'>): TraceStore {
  const documents = backend.keyValue('traces');
  const byLink = backend.claims('trace-links');
  // Read only: the item index traces had before the ledger named them (kept 30 days, then gone).
  const byItemBefore = backend.claims('trace-items');
  const linkKey = (link: string) => `l:${digest(normalizeLink(link) ?? link)}`;
  const documentId = (sourceId: string, at: string) => `${sourceId}@${at}`;
  const fromRef = (sourceId: string, ref: string | undefined): string | undefined => {
    const ms = ref ? Number.parseInt(ref, 36) : Number.NaN;
    return Number.isFinite(ms) ? documentId(sourceId, new Date(ms).toISOString()) : undefined;
  };
  return {
    async record(trace) {
      if (!trace.items.length) return undefined;
      const id = documentId(trace.sourceId, trace.at);
      const links = trace.items.map((item) => item.link).filter((link): link is string => Boolean(link));
      // Both writes go together (one commit on SQLite, one round trip's wait elsewhere); an
      // index written without its document only makes `find` answer "not found".
      await Promise.all([documents.set(id, trace, TRACE_TTL), links.length ? byLink.put(links.map(linkKey), id, TRACE_TTL) : undefined]);
      // `at` is an ISO time (ingest writes it), so the reference gives the same id back.
      return Date.parse(trace.at).toString(36);
    },
    async find(query) {
      const id =
        'link' in query
          ? await byLink.get(linkKey(query.link))
          : (fromRef(query.sourceId, await items.traceOf(query.sourceId, query.itemKey)) ?? (await byItemBefore.get(`${query.sourceId}/${query.itemKey}`)));
      if (!id) return undefined;
      const trace = await documents.get<PollTrace>(id);
      if (!trace) return undefined;
      const wantedLink = 'link' in query ? normalizeLink(query.link) : undefined;
      const item = trace.items.find((candidate) =>
        'link' in query ? candidate.link !== undefined && normalizeLink(candidate.link) === wantedLink : candidate.itemKey === query.itemKey,
      );
      return item ? { sourceId: trace.sourceId, at: trace.at, item } : undefined;
    },
  };
}
