import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import type { Clock } from '../../domain/clock.js';
import type { SourceFailure } from '../../domain/source.js';
import { errorMessage } from '../../shared/errors.js';
import { ACCEPT_ENCODING, abandon, decoderFor, isZlibError } from '../../shared/http/body-reader.js';
import { failureFromError, failureFromStatus, tooLargeFailure } from '../../shared/http/fetch-failure.js';
import { ListFormatError } from './list-format-error.js';

/** Lists are large; the SDN XML is tens of MB and grows. */
export const LIST_MAX_BYTES = 200 * 1024 * 1024;
export const LIST_TIMEOUT_MS = 120_000;
const MAX_REDIRECTS = 5;

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type DownloadOutcome<T> =
  | { kind: 'not-modified' }
  | { kind: 'read'; value: T; hash: string; etag?: string; lastModified?: string }
  | { kind: 'failed'; failure: SourceFailure };

export interface ListDownloader {
  /** GETs the file (conditionally) and hands its decoded text, as it arrives, to `read`. */
  download<T>(
    url: string,
    validators: Validators,
    read: (text: AsyncIterable<string>) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<DownloadOutcome<T>>;
  close(): Promise<void>;
}

class TooLarge extends Error {}

/**
 * Streams a list file to its reader while hashing it: the body is never held whole (the shared
 * feed fetcher buffers bodies, which is right for feeds and wrong for a 100 MB list). Conditional
 * GET, manual redirects, a deadline for the whole exchange and a byte cap after decompression;
 * every upstream problem comes back as one kind of the closed failure set.
 */
export function createListDownloader(
  options: { clock: Clock; timeoutMs?: number; maxBytes?: number; userAgent?: string } = {
    clock: { now: () => new Date() },
  },
): ListDownloader {
  const timeoutMs = options.timeoutMs ?? LIST_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? LIST_MAX_BYTES;
  const dispatcher = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connectTimeout: timeoutMs });

  async function download<T>(
    url: string,
    validators: Validators,
    read: (text: AsyncIterable<string>) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<DownloadOutcome<T>> {
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      return { kind: 'failed', failure: { kind: 'config', message: `not a valid URL: ${url.slice(0, 200)}` } };
    }
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new Error('deadline')), timeoutMs);
    const combined = signal ? AbortSignal.any([deadline.signal, signal]) : deadline.signal;
    const headers: Record<string, string> = {
      'user-agent': options.userAgent ?? 'banwatch/0.1 (+list monitor)',
      'accept-encoding': ACCEPT_ENCODING,
    };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    try {
      for (let hop = 0; ; hop++) {
        const response = await request(current, { method: 'GET', headers, signal: combined, dispatcher });
        const location = response.headers.location;
        if ([301, 302, 303, 307, 308].includes(response.statusCode) && typeof location === 'string') {
          abandon(response.body);
          if (hop >= MAX_REDIRECTS)
            return { kind: 'failed', failure: { kind: 'network', message: 'too many redirects' } };
          current = new URL(location, current);
          continue;
        }
        if (response.statusCode === 304) {
          abandon(response.body);
          return { kind: 'not-modified' };
        }
        if (response.statusCode < 200 || response.statusCode >= 300) {
          abandon(response.body);
          const retryAfter = response.headers['retry-after'];
          return {
            kind: 'failed',
            failure: failureFromStatus(
              response.statusCode,
              typeof retryAfter === 'string' ? retryAfter : undefined,
              options.clock.now(),
            ),
          };
        }
        const announced = Number(response.headers['content-length']);
        if (Number.isFinite(announced) && announced > maxBytes) {
          abandon(response.body);
          return { kind: 'failed', failure: tooLargeFailure(maxBytes, announced) };
        }
        const encoding = response.headers['content-encoding'];
        const decoder = typeof encoding === 'string' ? decoderFor(encoding) : undefined;
        const bytes: Readable = decoder ? response.body.pipe(decoder) : response.body;
        const hash = createHash('sha256');
        async function* text(): AsyncGenerator<string> {
          const utf8 = new TextDecoder('utf-8');
          let total = 0;
          for await (const chunk of bytes) {
            const buffer = chunk as Buffer;
            total += buffer.length;
            if (total > maxBytes) throw new TooLarge();
            hash.update(buffer);
            yield utf8.decode(buffer, { stream: true }).replace(/^\ufeff/, '');
          }
          const rest = utf8.decode();
          if (rest) yield rest;
        }
        try {
          const value = await read(text());
          const etag = response.headers.etag;
          const lastModified = response.headers['last-modified'];
          return {
            kind: 'read',
            value,
            hash: hash.digest('hex').slice(0, 32),
            ...(typeof etag === 'string' && etag ? { etag } : {}),
            ...(typeof lastModified === 'string' && lastModified ? { lastModified } : {}),
          };
        } finally {
          abandon(response.body);
          if (decoder) abandon(decoder);
        }
      }
    } catch (error) {
      if (error instanceof TooLarge) return { kind: 'failed', failure: tooLargeFailure(maxBytes) };
      if (error instanceof ListFormatError)
        return { kind: 'failed', failure: { kind: 'parse', message: error.message } };
      if (deadline.signal.aborted)
        return {
          kind: 'failed',
          failure: { kind: 'timeout', message: `${current.host} did not send the list within ${timeoutMs / 1000} s` },
        };
      if (isZlibError(error))
        return { kind: 'failed', failure: { kind: 'parse', message: `the body could not be decompressed` } };
      const failure = failureFromError(error, current.host, timeoutMs);
      return { kind: 'failed', failure: { ...failure, message: failure.message || errorMessage(error) } };
    } finally {
      clearTimeout(timer);
    }
  }

  return { download, close: () => dispatcher.close() };
}
