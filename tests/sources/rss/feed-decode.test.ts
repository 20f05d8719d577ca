import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  charsetFromContentType,
  decodeFeedBytes,
  encodingFromDeclaration,
} from '../../../src/sources/rss/feed-decode.js';

const FEEDS = new URL('../../fixtures/feeds/', import.meta.url);
const doc = (title: string, decl = '') => `${decl}<rss version="2.0"><channel><title>${title}</title></channel></rss>`;

function utf16(text: string, littleEndian: boolean, bom: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = littleEndian ? le : Buffer.from(le).swap16();
  return bom ? Buffer.concat([Buffer.from(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]), body]) : body;
}

function utf32(text: string, littleEndian: boolean, bom: boolean): Buffer {
  const points = [...((bom ? '\ufeff' : '') + text)].map((c) => c.codePointAt(0) ?? 0);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => (littleEndian ? out.writeUInt32LE(p, i * 4) : out.writeUInt32BE(p, i * 4)));
  return out;
}

describe('decodeFeedBytes', () => {
  const title = 'Ünïcödé – 新闻 𝄞';

  it.each([
    ['utf-16le', true, true],
    ['utf-16le', true, false],
    ['utf-16be', false, true],
    ['utf-16be', false, false],
  ])('reads %s (BOM: %s)', (encoding, le, bom) => {
    const text = doc(title, '<?xml version="1.0" encoding="utf-16"?>');
    expect(decodeFeedBytes(utf16(text, le, bom))).toEqual({ text, encoding });
  });

  it.each([
    ['utf-32le', true, true],
    ['utf-32le', true, false],
    ['utf-32be', false, true],
    ['utf-32be', false, false],
  ])('reads %s (BOM: %s)', (encoding, le, bom) => {
    const text = doc(title, '<?xml version="1.0" encoding="utf-32"?>');
    expect(decodeFeedBytes(utf32(text, le, bom))).toEqual({ text, encoding });
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc(title))]);
    expect(decodeFeedBytes(bytes)).toEqual({ text: doc(title), encoding: 'utf-8' });
  });

  it('follows the XML declaration for windows-1251 and ISO-8859-1', () => {
    const cyrillic = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss><t>'),
      Buffer.from([0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8]),
      Buffer.from('</t></rss>'),
    ]);
    expect(decodeFeedBytes(cyrillic).text).toContain('<t>Новости</t>');
    const latin = Buffer.concat([
      Buffer.from("<?xml version='1.0' encoding='ISO-8859-1'?><rss><t>Not"),
      Buffer.from([0xed, 0x63, 0x69, 0x61, 0x93, 0x94]),
      Buffer.from('</t></rss>'),
    ]);
    // ISO-8859-1 labels mean windows-1252 on the web: 0x93/0x94 are curly quotes, not controls.
    expect(decodeFeedBytes(latin)).toEqual({
      text: expect.stringContaining('<t>Notícia“”</t>') as string,
      encoding: 'windows-1252',
    });
  });

  it('follows the Content-Type charset when the document declares nothing', () => {
    const bytes = Buffer.concat([Buffer.from('<rss><t>'), Buffer.from([0xcf, 0xf0, 0xe8]), Buffer.from('</t></rss>')]);
    expect(decodeFeedBytes(bytes, 'application/rss+xml; charset="windows-1251"').text).toBe('<rss><t>При</t></rss>');
  });

  it('prefers a declared legacy encoding when a UTF-8 header is contradicted by the bytes', () => {
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss><t>'),
      Buffer.from([0xcf, 0xf0, 0xe8]),
      Buffer.from('</t></rss>'),
    ]);
    expect(decodeFeedBytes(bytes, 'text/xml; charset=utf-8')).toMatchObject({
      encoding: 'windows-1251',
      text: expect.stringContaining('При') as string,
    });
  });

  it('reads valid UTF-8 as UTF-8 even under a stale ISO-8859-1 label', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><rss><t>Señor – ok</t></rss>');
    expect(decodeFeedBytes(bytes)).toMatchObject({
      encoding: 'utf-8',
      text: expect.stringContaining('Señor – ok') as string,
    });
  });

  it('ignores a UTF-16 declaration on 8-bit bytes (a lying declaration)', () => {
    const text = doc('plain – ascii and utf-8', '<?xml version="1.0" encoding="utf-16"?>');
    expect(decodeFeedBytes(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    const real = readFileSync(new URL('eliot-jones-declares-utf16.rss.xml', FEEDS));
    expect(decodeFeedBytes(real).text.startsWith('<?xml version="1.0" encoding="utf-16"?>')).toBe(true);
  });

  it('assumes windows-1252 for undeclared bytes that are not UTF-8', () => {
    const bytes = readFileSync(new URL('uol-noticias.rss.xml', FEEDS));
    const decoded = decodeFeedBytes(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('Notícias');
  });

  it('turns invalid UTF-8 into U+FFFD when UTF-8 is declared, and never throws', () => {
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss><t>a'),
      Buffer.from([0xff, 0xc3]),
      Buffer.from('b</t></rss>'),
    ]);
    expect(decodeFeedBytes(bytes).text).toContain('<t>a\ufffd\ufffdb</t>');
    expect(() => decodeFeedBytes(Buffer.from([0xff, 0xfe, 0x00]))).not.toThrow();
    expect(() => decodeFeedBytes(Buffer.from([0x00, 0x00, 0xfe, 0xff, 0x00, 0x11, 0x00, 0x00]))).not.toThrow();
    expect(decodeFeedBytes(Buffer.alloc(0))).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('falls back from an unknown label', () => {
    expect(decodeFeedBytes(Buffer.from('<?xml version="1.0" encoding="bogus"?><rss/>')).encoding).toBe('utf-8');
  });
});

describe('encoding labels', () => {
  it('reads the charset parameter in its quoted and spaced forms', () => {
    expect(charsetFromContentType('text/xml; charset=UTF-8')).toBe('UTF-8');
    expect(charsetFromContentType("application/atom+xml;charset='gb2312'")).toBe('gb2312');
    expect(charsetFromContentType('text/xml;charset= "us-ascii"')).toBe('us-ascii');
    expect(charsetFromContentType('text/xml')).toBeUndefined();
    expect(charsetFromContentType(undefined)).toBeUndefined();
  });
  it('reads the declaration with either quote', () => {
    expect(encodingFromDeclaration(Buffer.from("<?xml version='1.0' encoding='koi8-r'?>"))).toBe('koi8-r');
    expect(encodingFromDeclaration(Buffer.from('<rss encoding="x">'))).toBeUndefined();
  });
});
