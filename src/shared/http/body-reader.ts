import { pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export type BodyReadResult = { ok: true; body: Buffer } | { ok: false; kind: 'too-large' | 'parse'; message: string };

/** Content codings we ask for and can undo. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * Content codings undone for one body. Servers apply one (rarely a second by mistake); each
 * layer is a zlib stream with buffers and a window of its own, so thousands of stacked layers
 * cost hundreds of MB and a long pipeline before the size cap can see a byte. curl stops at 5.
 */
export const MAX_CONTENT_CODINGS = 3;

/** The stream that undoes one content coding (`gzip`, `deflate`, `br`); undefined for any other. */
export function decoderFor(coding: string): Transform | undefined {
  switch (coding.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

/** Destroys a body nobody will read; undici reports that as an error, which is expected here. */
export function abandon(stream: Readable): void {
  stream.on('error', () => undefined);
  stream.destroy();
}

/** A zlib failure: the body claimed a coding it was not in (a broken or lying server). */
export function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/**
 * Reads a response body, undoing its content codings, and stops as soon as the DECODED size
 * passes `maxBytes`: a small gzip bomb is cut off after at most `maxBytes` plus one zlib chunk
 * are held. Stream errors that are not decoding errors (abort, reset) are thrown for the caller
 * to classify.
 */
export async function readLimitedBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<BodyReadResult> {
  // Codings are listed in the order they were applied, so they are undone in reverse.
  const codings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity')
    .reverse();
  if (codings.length > MAX_CONTENT_CODINGS) {
    abandon(body);
    return {
      ok: false,
      kind: 'parse',
      message: `the server stacked ${codings.length} content encodings; banwatch undoes at most ${MAX_CONTENT_CODINGS}`,
    };
  }
  const decoders: Transform[] = [];
  for (const coding of codings) {
    const decoder = decoderFor(coding);
    if (!decoder) {
      abandon(body);
      for (const d of decoders) abandon(d);
      return { ok: false, kind: 'parse', message: `the server used an unsupported content encoding "${coding}"` };
    }
    decoders.push(decoder);
  }
  const source: Readable =
    decoders.length === 0
      ? body
      : (pipeline([body, ...decoders], () => {
          // Errors surface through the iteration below; a cut-off after the cap is expected.
        }) as unknown as Readable);

  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      total += buffer.length;
      if (total > maxBytes) {
        abandon(source);
        abandon(body);
        const what = decoders.length ? 'after decompression ' : '';
        return {
          ok: false,
          kind: 'too-large',
          message: `the feed is larger than ${formatBytes(maxBytes)} ${what}`.trim(),
        };
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (isZlibError(error)) {
      abandon(body);
      return { ok: false, kind: 'parse', message: `the ${codings.join('+')} body could not be decompressed` };
    }
    throw error;
  }
  return { ok: true, body: Buffer.concat(chunks, total) };
}
