import { digest } from '../domain/hash.js';
import { normalizeLink } from '../domain/item-identity.js';
import type { PollTrace, TraceStore } from '../domain/item-trace.js';
import type { StoreBackend } from './backend.js';

const TRACE_TTL = 30 * 86_400_000;

/**
 * Traces are written once per poll: the poll's document, plus two index writes (item keys and
 * links pointing at it) that are single statements however many items the poll had, all three
 * at once. Keeping "why" cheap matters because every poll pays for it.
 */
export function createTraceStore(backend: StoreBackend): TraceStore {
  const documents = backend.keyValue('traces');
  const byItem = backend.claims('trace-items');
  const byLink = backend.claims('trace-links');
  const linkKey = (link: string) => `l:${digest(normalizeLink(link) ?? link)}`;
  return {
    async record(trace) {
      if (!trace.items.length) return;
      const id = `${trace.sourceId}@${trace.at}`;
      const links = trace.items.map((item) => item.link).filter((link): link is string => Boolean(link));
      // The three writes go together (one commit on SQLite, one round trip's wait elsewhere); an
      // index written without its document only makes `find` answer "not found".
      await Promise.all([
        documents.set(id, trace, TRACE_TTL),
        byItem.put(trace.items.map((item) => `${trace.sourceId}/${item.itemKey}`), id, TRACE_TTL),
        links.length ? byLink.put(links.map(linkKey), id, TRACE_TTL) : undefined,
      ]);
    },
    async find(query) {
      const id = 'link' in query ? await byLink.get(linkKey(query.link)) : await byItem.get(`${query.sourceId}/${query.itemKey}`);
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
