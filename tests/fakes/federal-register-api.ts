import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 that plays the Federal Register API v1 `documents.json`
 * search for tests (FEDERAL_REGISTER_API_URL points at `url`). Documents the test publishes are
 * searched like the real API does: `conditions[term]` (a quoted phrase, or phrases joined by
 * ` | `, matched in the title, abstract, action or a hidden full text), `conditions[agencies][]`
 * (any of the slugs), `conditions[type][]=PRESDOCU` (presidential documents only),
 * `order=newest`, `per_page`, and only the `fields[]` asked for come back. With no match the
 * answer has no `results` key, as the real one. `public-inspection-documents/current.json`
 * lists the documents the test put on inspection.
 */
export interface FakeFederalRegister {
  /** `http://127.0.0.1:PORT/api/v1` */
  readonly url: string;
  readonly requests: Array<{ path: string; query: URLSearchParams; status: number }>;
  publish(doc: Record<string, unknown>, options?: { fullText?: string }): void;
  /** Puts a document on public inspection (`public-inspection-documents/current.json`); `clear` takes it off. */
  inspect(doc: Record<string, unknown>): void;
  clear(): void;
  script(...answers: Array<{ status: number; retryAfter?: number }>): void;
  close(): Promise<void>;
}

/** A document field as text: the fields searched and sorted on are strings, or null when absent. */
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

export async function startFakeFederalRegister(): Promise<FakeFederalRegister> {
  const docs: Array<{ doc: Record<string, unknown>; fullText: string }> = [];
  const inspected: Array<Record<string, unknown>> = [];
  const scripted: Array<{ status: number; retryAfter?: number }> = [];
  const requests: FakeFederalRegister['requests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      requests.push({ path: url.pathname, query: url.searchParams, status });
      res
        .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
        .end(JSON.stringify(body));
    };
    const next = scripted.shift();
    if (next)
      return send(
        next.status,
        { errors: [`HTTP ${next.status}`] },
        next.status === 429 ? { 'retry-after': String(next.retryAfter ?? 1) } : {},
      );
    // Today's list, whole (the real one has no paging): documents filed, not yet published.
    if (url.pathname === '/api/v1/public-inspection-documents/current.json')
      return send(200, { count: inspected.length, results: inspected });
    if (url.pathname !== '/api/v1/documents.json') return send(404, { status: 404, message: 'Not found' });
    // `"DJI" | "Autel Robotics"`: any of the phrases (the real search's OR).
    const terms = (url.searchParams.get('conditions[term]') ?? '')
      .split(/\s+\|\s+/)
      .map((term) => term.replace(/^"|"$/g, '').toLowerCase());
    const agencies = url.searchParams.getAll('conditions[agencies][]');
    const types = url.searchParams.getAll('conditions[type][]');
    const fields = url.searchParams.getAll('fields[]');
    const perPage = Number(url.searchParams.get('per_page') ?? 20);
    const matching = docs
      .filter(({ doc, fullText }) =>
        terms.some(
          (term) =>
            !term ||
            [doc.title, doc.abstract, doc.action, fullText].some((text) => textOf(text).toLowerCase().includes(term)),
        ),
      )
      .filter(({ doc }) => !types.includes('PRESDOCU') || doc.type === 'Presidential Document')
      .filter(
        ({ doc }) =>
          !agencies.length ||
          ((doc.agencies as Array<{ slug?: string }> | undefined) ?? []).some((agency) =>
            agencies.includes(agency.slug ?? ''),
          ),
      )
      .map(({ doc }) => doc)
      .sort((a, b) => textOf(b.publication_date).localeCompare(textOf(a.publication_date)));
    const results = matching
      .slice(0, perPage)
      .map((doc) => (fields.length ? Object.fromEntries(fields.filter((f) => f in doc).map((f) => [f, doc[f]])) : doc));
    const page = {
      count: matching.length,
      description: `Documents matching ${terms.join(' | ')}`,
      total_pages: Math.ceil(matching.length / perPage),
    };
    return send(200, results.length ? { ...page, results } : page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    requests,
    publish: (doc, options = {}) => docs.push({ doc, fullText: options.fullText ?? '' }),
    inspect: (doc) => inspected.push(doc),
    clear: () => {
      docs.length = 0;
      inspected.length = 0;
    },
    script: (...answers) => scripted.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
