import type { IncomingHttpHeaders } from 'node:http';
import type { LookupFunction } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import { systemClock, type Clock } from '../../domain/clock.js';
import type { SourceFailure } from '../../domain/source.js';
import { abandon, ACCEPT_ENCODING, readLimitedBody } from './body-reader.js';
import { failureFromError, failureFromStatus, tooLargeFailure } from './fetch-failure.js';
import { createGuardedConnector } from './guarded-connector.js';

export const DEFAULT_USER_AGENT = 'banwatch/0.1 (+feed monitor)';
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 15 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface FeedFetcherOptions {
  /** Whole exchange, headers and body included (default 20 s). */
  timeoutMs?: number;
  /** Cap on the decompressed body (default 15 MiB). */
  maxBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  userAgent?: string;
  /**
   * True (default) for feeds from the config file. False for feeds people add from chat: then
   * loopback, private, link-local, CGNAT, multicast and unspecified addresses are refused at
   * every hop, on the address actually connected to.
   */
  allowPrivateNetworks?: boolean;
  /** Addresses allowed even when private networks are not (tests, a trusted mirror). */
  exemptAddresses?: readonly string[];
  /** DNS lookup override (tests); only used when private networks are not allowed. */
  lookup?: LookupFunction;
  clock?: Clock;
}

export interface FetchRequest {
  /** From the previous 200, sent as If-None-Match. */
  etag?: string;
  /** From the previous 200, sent as If-Modified-Since. */
  lastModified?: string;
  signal?: AbortSignal;
}

export type FetchOutcome =
  | {
      ok: true;
      notModified: false;
      status: number;
      body: Buffer;
      contentType?: string;
      etag?: string;
      lastModified?: string;
      /** The URL after redirects; relative links in the feed resolve against it. */
      finalUrl: string;
    }
  | { ok: true; notModified: true; status: 304; finalUrl: string }
  | { ok: false; failure: SourceFailure };

export interface FeedFetcher {
  fetch(url: string, request?: FetchRequest): Promise<FetchOutcome>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  await body.dump({ limit: 64 * 1024 }).catch(() => undefined);
}

function fail(failure: SourceFailure): FetchOutcome {
  return { ok: false, failure };
}

/**
 * The one way feeds are fetched: undici with a hard deadline for the whole exchange, a cap on
 * the decompressed body, manual redirects (each hop checked again), conditional GET and an
 * optional private-network block. It never throws for upstream trouble: every problem comes
 * back as one kind of the closed failure set.
 */
export function createFeedFetcher(options: FeedFetcherOptions = {}): FeedFetcher {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const clock = options.clock ?? systemClock;
  const guarded = options.allowPrivateNetworks === false;
  const dispatcher = new Agent({
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connectTimeout: timeoutMs,
    ...(guarded
      ? {
          connect: createGuardedConnector({
            connectTimeoutMs: timeoutMs,
            ...(options.exemptAddresses ? { exemptAddresses: options.exemptAddresses } : {}),
            ...(options.lookup ? { lookup: options.lookup } : {}),
          }),
        }
      : {}),
  });

  /** `at.host` follows the redirects so that a failure names the host that caused it. */
  async function exchange(
    start: URL,
    req: FetchRequest,
    signal: AbortSignal,
    at: { host: string },
  ): Promise<FetchOutcome> {
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      accept: ACCEPT,
      'accept-encoding': ACCEPT_ENCODING,
    };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;

    let current = start;
    const visited = new Set<string>([current.href]);
    for (let redirects = 0; ;) {
      const response = await request(current, { method: 'GET', headers, signal, dispatcher });
      const { statusCode: status } = response;
      const location = header(response.headers, 'location');

      if (REDIRECT_STATUSES.has(status) && location) {
        await discard(response.body);
        if (redirects >= maxRedirects) {
          return fail({
            kind: 'network',
            message: `too many redirects (more than ${maxRedirects}), last to ${location}`,
          });
        }
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return fail({ kind: 'network', message: `redirected to an invalid address: ${location.slice(0, 200)}` });
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return fail({
            kind: 'blocked',
            message: `redirected to a ${next.protocol} address; only http and https are fetched`,
          });
        }
        next.hash = '';
        if (visited.has(next.href)) {
          return fail({ kind: 'network', message: `redirect loop: ${next.href} was already visited` });
        }
        visited.add(next.href);
        current = next;
        at.host = next.host;
        redirects += 1;
        continue;
      }

      if (status === 304) {
        await discard(response.body);
        return { ok: true, notModified: true, status: 304, finalUrl: current.href };
      }
      if (status < 200 || status >= 300) {
        await discard(response.body);
        return fail(failureFromStatus(status, header(response.headers, 'retry-after'), clock.now()));
      }

      const announced = Number(header(response.headers, 'content-length'));
      if (Number.isFinite(announced) && announced > maxBytes) {
        abandon(response.body);
        return fail(tooLargeFailure(maxBytes, announced));
      }
      const read = await readLimitedBody(response.body, header(response.headers, 'content-encoding'), maxBytes);
      if (!read.ok) return fail({ kind: read.kind, message: read.message });
      const contentType = header(response.headers, 'content-type');
      const etag = header(response.headers, 'etag');
      const lastModified = header(response.headers, 'last-modified');
      return {
        ok: true,
        notModified: false,
        status,
        body: read.body,
        finalUrl: current.href,
        ...(contentType ? { contentType } : {}),
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
      };
    }
  }

  async function fetchFeed(url: string, req: FetchRequest = {}): Promise<FetchOutcome> {
    let start: URL;
    try {
      start = new URL(url);
    } catch {
      return fail({ kind: 'config', message: `not a valid URL: ${url.slice(0, 200)}` });
    }
    if (start.protocol !== 'http:' && start.protocol !== 'https:') {
      return fail({ kind: 'config', message: `only http and https feeds are supported, not ${start.protocol}` });
    }
    if (start.hostname === '') return fail({ kind: 'config', message: 'the URL has no host' });
    start.hash = '';

    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new Error('deadline')), timeoutMs);
    const signal = req.signal ? AbortSignal.any([deadline.signal, req.signal]) : deadline.signal;
    const at = { host: start.host };
    try {
      return await exchange(start, req, signal, at);
    } catch (error) {
      if (deadline.signal.aborted) {
        return fail({
          kind: 'timeout',
          message: `${at.host} did not send the whole feed within ${timeoutMs / 1000} s`,
        });
      }
      if (req.signal?.aborted) return fail({ kind: 'network', message: 'the fetch was cancelled' });
      return fail(failureFromError(error, at.host, timeoutMs));
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    fetch: fetchFeed,
    close: () => dispatcher.close(),
  };
}
