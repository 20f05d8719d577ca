import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 that plays the GovInfo API for tests: `POST /search` (JSON
 * body `{query, pageSize, offsetMark, sorts}`) answers the packages whose text contains one of
 * the query's quoted terms (within `congress:N` and `billversion:X` when the query names them), newest `lastModified` first, in the recorded shape
 * `{results[], offsetMark, count}`; `GET /packages/{id}/xml` answers the package's text. Like
 * the real API it wants the key as `api_key` (403 otherwise).
 */
export interface FakeGovinfo {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly requests: Array<{ method: string; path: string; body?: Record<string, unknown>; status: number }>;
  publish(result: Record<string, unknown> & { packageId: string; lastModified: string }, xml: string): void;
  close(): Promise<void>;
}

export async function startFakeGovinfo(options: { apiKey: string }): Promise<FakeGovinfo> {
  const packages: Array<{
    result: Record<string, unknown> & { packageId: string; lastModified: string };
    xml: string;
  }> = [];
  const requests: FakeGovinfo['requests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
      const send = (status: number, payload: string, type = 'application/json') => {
        requests.push({ method: req.method ?? '', path: url.pathname, ...(body ? { body } : {}), status });
        res.writeHead(status, { 'content-type': type }).end(payload);
      };
      if (url.searchParams.get('api_key') !== options.apiKey)
        return send(403, JSON.stringify({ error: { code: 'API_KEY_INVALID' } }));
      const xml = /^\/packages\/([^/]+)\/xml$/.exec(url.pathname);
      if (req.method === 'GET' && xml) {
        const found = packages.find((entry) => entry.result.packageId === decodeURIComponent(xml[1] as string));
        return found ? send(200, found.xml, 'application/xml') : send(404, JSON.stringify({ message: 'not found' }));
      }
      if (req.method !== 'POST' || url.pathname !== '/search')
        return send(404, JSON.stringify({ message: 'not found' }));
      const query = typeof body?.query === 'string' ? body.query : '';
      const terms = [...query.matchAll(/"([^"]+)"/g)].map((match) => (match[1] as string).toLowerCase());
      const matching = packages
        .filter((entry) => /collection:\(BILLS\)/.test(query) && String(entry.result.packageId).startsWith('BILLS-'))
        .filter((entry) => terms.some((term) => entry.xml.toLowerCase().includes(term)))
        // `congress:117` and `billversion:enr` narrow by the package id, as GovInfo's fields do.
        .filter((entry) => {
          const [, congress, version] = /^BILLS-(\d+)[a-z]+\d+([a-z]+)$/.exec(String(entry.result.packageId)) ?? [];
          const wantCongress = /\bcongress:(\d+)/.exec(query)?.[1];
          const wantVersion = /\bbillversion:([a-z]+)/.exec(query)?.[1];
          return (!wantCongress || wantCongress === congress) && (!wantVersion || wantVersion === version);
        })
        .sort((a, b) => b.result.lastModified.localeCompare(a.result.lastModified));
      const size = Number(body?.pageSize ?? 100);
      const mark = typeof body?.offsetMark === 'string' ? body.offsetMark : '*';
      const offset = mark === '*' ? 0 : Number(Buffer.from(mark, 'base64').toString('utf8'));
      const page = matching.slice(offset, offset + size).map((entry) => entry.result);
      const next = offset + size < matching.length ? Buffer.from(String(offset + size)).toString('base64') : undefined;
      return send(
        200,
        JSON.stringify({ results: page, count: matching.length, ...(next ? { offsetMark: next } : {}) }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    publish: (result, xml) => packages.push({ result, xml }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
