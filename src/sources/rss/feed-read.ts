import type { Item } from '../../domain/item.js';
import type { SourceFailure } from '../../domain/source.js';
import { errorMessage } from '../../shared/errors.js';
import { decodeFeedBytes } from './feed-decode.js';
import { parseFeedReaders } from './feed-parse.js';
import { normalizeEntries, plainText } from './item-normalize.js';

export interface FeedReadOptions {
  /** The URL the body came from (after redirects): relative links resolve against it. */
  baseUrl: string;
  sourceId: string;
  now: Date;
  /** Item keys an earlier poll handed over: keyed but not returned again (plain data, for a worker). */
  known?: readonly string[];
}

export type FeedReadResult =
  /** `keys`: every item's key, `known` ones included, in feed order. */
  | {
      ok: true;
      title?: string;
      items: Item[];
      keys: string[];
      /** The feed was malformed and read leniently: every recoverable item is in `items`. */
      warning?: string;
    }
  | { ok: false; failure: SourceFailure };

/** Reads decoded feed text into Items. */
export type FeedReader = (text: string, options: FeedReadOptions) => Promise<FeedReadResult>;

/**
 * Reads a response body (bytes and its Content-Type) into Items: decoding included, so that a
 * worker thread can take the bytes as they are, moved rather than copied, and the main thread
 * never decodes or copies the text.
 */
export type FeedBytesReader = (
  body: Uint8Array,
  contentType: string | undefined,
  options: FeedReadOptions,
) => Promise<FeedReadResult>;

/**
 * Feed text to Items: parse, then normalize. Pure and plain-data in and out. An unexpected
 * exception (a bug, or input nobody foresaw) is still reported as a `parse` failure rather
 * than thrown, so one strange feed cannot stop the poller.
 */
export const readFeed: FeedReader = async (text, options) => {
  try {
    const parsed = parseFeedReaders(text, options.baseUrl);
    if (!parsed.ok) return parsed;
    const known = options.known?.length ? new Set(options.known) : undefined;
    const { items, keys } = normalizeEntries(parsed.readers, { sourceId: options.sourceId, now: options.now }, known);
    const title = plainText(parsed.title, 2_000).slice(0, 200);
    return {
      ok: true,
      ...(title ? { title } : {}),
      items,
      keys,
      ...(parsed.warning ? { warning: parsed.warning } : {}),
    };
  } catch (error) {
    return {
      ok: false,
      failure: { kind: 'parse', message: `the feed could not be read: ${errorMessage(error).split('\n')[0]}` },
    };
  }
};

export const readFeedBytes: FeedBytesReader = async (body, contentType, options) => {
  let text: string;
  try {
    text = decodeFeedBytes(body, contentType).text;
  } catch (error) {
    return {
      ok: false,
      failure: { kind: 'parse', message: `the feed could not be decoded: ${errorMessage(error).split('\n')[0]}` },
    };
  }
  return readFeed(text, options);
};
