import { replaceC1Controls } from './html-entities.js';

export interface DecodedFeed {
  text: string;
  /** The encoding actually used, e.g. `utf-8`, `windows-1251`, `utf-16le`. */
  encoding: string;
}

type WideEncoding = 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/** Byte order marks, longest first (the UTF-32LE mark starts like the UTF-16LE one). */
const BOMS: Array<[number[], WideEncoding | 'utf-8']> = [
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** A document without a BOM still shows its width in where the zero bytes of `<` fall. */
function sniffWidth(bytes: Uint8Array): WideEncoding | undefined {
  if (bytes.length < 4) return undefined;
  const [a = 0, b = 0, c = 0, d = 0] = bytes;
  if (a === 0 && b === 0 && c === 0 && d !== 0) return 'utf-32be';
  if (a !== 0 && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b !== 0 && c === 0 && d !== 0) return 'utf-16be';
  if (a !== 0 && b === 0 && c !== 0 && d === 0) return 'utf-16le';
  return undefined;
}

/** UTF-32 is not a WHATWG encoding, so TextDecoder cannot read it. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const code = view.getUint32(i, littleEndian);
    chunk.push(code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? code : 0xfffd);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  if (bytes.length % 4 !== 0) chunk.push(0xfffd);
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

function decodeWide(bytes: Uint8Array, encoding: WideEncoding): string {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(bytes, encoding === 'utf-32le');
  return new TextDecoder(encoding).decode(bytes);
}

/** The WHATWG name of a label, or undefined when TextDecoder does not know it. */
function canonical(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

function isWideLabel(label: string): boolean {
  return /^(utf-?(16|32)|ucs-?(2|4)|unicode)/i.test(label.trim());
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*["']?\s*([^"';\s]+)/i.exec(contentType ?? '');
  return match?.[1];
}

export function encodingFromDeclaration(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<\?xml[^>]*?\sencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)\s*["']/.exec(head)?.[1];
}

/**
 * Bytes to text, the way a careful feed reader does it: a BOM wins; a BOM-less UTF-16/32
 * document is recognised by its zero bytes; otherwise the HTTP charset and the XML declaration
 * are candidates. A declaration of UTF-16 on bytes that are plainly 8-bit is a lie and is
 * ignored. Bytes that are valid UTF-8 are read as UTF-8 unless they are pure ASCII under
 * another label (ISO-2022-JP); bytes that are not valid UTF-8 are read in a declared non-UTF-8
 * encoding, in windows-1252 when nothing is declared, and as UTF-8 with U+FFFD replacements
 * when UTF-8 is all that is declared. Nothing here throws.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): DecodedFeed {
  for (const [mark, encoding] of BOMS) {
    if (startsWith(bytes, mark)) {
      const rest = bytes.subarray(mark.length);
      const text = encoding === 'utf-8' ? new TextDecoder('utf-8').decode(rest) : decodeWide(rest, encoding);
      return { text, encoding };
    }
  }
  const wide = sniffWidth(bytes);
  if (wide) return { text: stripBom(decodeWide(bytes, wide)), encoding: wide };

  const labels = [charsetFromContentType(contentType), encodingFromDeclaration(bytes)];
  const candidates = labels
    .filter((l): l is string => l !== undefined && !isWideLabel(l))
    .map(canonical)
    .filter((e): e is string => e !== undefined);

  const utf8 = tryUtf8(bytes);
  // Valid UTF-8 with non-ASCII bytes practically never happens by accident in a legacy
  // encoding, while feeds served as UTF-8 under a stale ISO-8859-1 label are common.
  if (utf8 !== undefined && (candidates.length === 0 || candidates.includes('utf-8') || hasHighBytes(bytes))) {
    return { text: stripBom(utf8), encoding: 'utf-8' };
  }
  if (candidates.length === 0) return decodeWith(bytes, 'windows-1252');
  const other = candidates.find((e) => e !== 'utf-8');
  return decodeWith(bytes, other ?? 'utf-8');
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeWith(bytes: Uint8Array, encoding: string): DecodedFeed {
  const text = stripBom(new TextDecoder(encoding).decode(bytes));
  // Node 20's TextDecoder reads windows-1252 as ISO-8859-1, leaving 0x80-0x9F (curly
  // quotes, dashes, the euro sign) as C1 controls.
  return { text: encoding === 'windows-1252' ? replaceC1Controls(text) : text, encoding };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
