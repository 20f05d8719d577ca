import { digest } from '../domain/hash.js';
import { normalizeLink } from '../domain/item-identity.js';
import type { PollTrace, TraceStore } from '../domain/item-trace.js';
import type { ItemLedger } from '../domain/ports.js';
import type { StoreBackend } from './backend.js';

/** `retention.traces` when unset. */
export const DEFAULT_TRACE_TTL = 30 * 86_400_000;

/**
 * Traces are written once per poll: the poll's document and a link index pointing at it (one
 * statement however many items the poll had), both at once. An item's own way to its trace is
 * the item ledger, which settles the poll's items with a reference `record` returns: a row every
 * new item has anyway, where a separate index cost a write per item on every poll.
 *
 * The reference is the poll's time in base-36 milliseconds (8 characters): the ledger keeps it
 * 180 days, so it is kept short, and with the item's source it is the document's id. (Earlier
 * versions named documents by the ISO time; their link and item indexes still hold those ids.)
 */
export function createTraceStore(
  backend: StoreBackend,
  items: Pick<ItemLedger, 'traceOf'>,
  traceMs = DEFAULT_TRACE_TTL,
): TraceStore {
  const documents = backend.keyValue('traces');
  const byLink = backend.claims('trace-links');
  // Read only: the item index traces had before the ledger named them (kept 30 days, then gone).
  const byItemBefore = backend.claims('trace-items');
  const linkKey = (link: string) => `l:${digest(normalizeLink(link) ?? link)}`;
  const documentId = (sourceId: string, ref: string) => `${sourceId}@${ref}`;
  const idOf = async (query: Parameters<TraceStore['find']>[0]): Promise<string | undefined> => {
    if ('link' in query) return byLink.get(linkKey(query.link));
    const ref = await items.traceOf(query.sourceId, query.itemKey);
    return ref ? documentId(query.sourceId, ref) : byItemBefore.get(`${query.sourceId}/${query.itemKey}`);
  };
  return {
    async record(trace) {
      if (!trace.items.length) return undefined;
      const ms = Date.parse(trace.at);
      const ref = Number.isFinite(ms) ? ms.toString(36) : trace.at;
      const id = documentId(trace.sourceId, ref);
      const links = trace.items.map((item) => item.link).filter((link): link is string => Boolean(link));
      // Both writes go together (one commit on SQLite, one round trip's wait elsewhere); an
      // index written without its document only makes `find` answer "not found".
      await Promise.all([
        documents.set(id, trace, traceMs),
        links.length ? byLink.put(links.map(linkKey), id, traceMs) : undefined,
      ]);
      return ref;
    },
    async find(query) {
      const id = await idOf(query);
      if (!id) return undefined;
      const trace = await documents.get<PollTrace>(id);
      if (!trace) return undefined;
      const wantedLink = 'link' in query ? normalizeLink(query.link) : undefined;
      const item = trace.items.find((candidate) =>
        'link' in query
          ? candidate.link !== undefined && normalizeLink(candidate.link) === wantedLink
          : candidate.itemKey === query.itemKey,
      );
      return item ? { sourceId: trace.sourceId, at: trace.at, item } : undefined;
    },
  };
}
