import { namedEntityCodePoint, safeCodePoint } from './html-entities.js';

/**
 * Makes feed text safe and palatable for a strict XML parser, in one linear pass:
 *
 * - The DOCTYPE is removed with its internal subset, so entity declarations are never seen:
 *   no entity is ever expanded (no "billion laughs"), and no external entity or DTD is ever
 *   fetched or read (no XXE). A reference to such an entity stays as literal text.
 * - Named references outside the five XML ones become numeric references when HTML knows
 *   them (`&eacute;` -> `&#233;`), and literal text otherwise (`&bogus;` -> `&amp;bogus;`);
 *   a bare `&` (as in "AT&T") becomes `&amp;`. Feeds are full of both, and a strict parser
 *   would otherwise reject the whole feed over one of them.
 * - Numeric references to characters XML forbids (NUL, controls, surrogates) become U+FFFD,
 *   and so do such characters written literally (a BEL or ESC in a title, a lone surrogate).
 *
 * CDATA sections, comments and processing instructions are otherwise copied untouched.
 */
export function prepareXml(input: string): string {
  const text = withoutForbiddenCharacters(input);
  const out: string[] = [];
  let copied = 0;
  let i = 0;
  const length = text.length;
  // The next position of each marker is cached and only searched again once passed, so the
  // pass stays linear however many ampersands the document holds.
  let amp = text.indexOf('&');
  let lt = text.indexOf('<!');
  let pi = text.indexOf('<?');
  while (i < length) {
    if (amp >= 0 && amp < i) amp = text.indexOf('&', i);
    if (lt >= 0 && lt < i) lt = text.indexOf('<!', i);
    if (pi >= 0 && pi < i) pi = text.indexOf('<?', i);
    const next = minIndex(amp, lt, pi);
    if (next < 0) break;
    if (next === amp) {
      const replacement = replaceReference(text, amp);
      if (replacement !== undefined) {
        out.push(text.slice(copied, amp), replacement.text);
        copied = amp + replacement.consumed;
        i = copied;
      } else {
        i = amp + 1;
      }
      continue;
    }
    if (next === pi) {
      i = skipTo(text, pi + 2, '?>');
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      i = skipTo(text, lt + 9, ']]>');
      continue;
    }
    if (text.startsWith('<!--', lt)) {
      i = skipTo(text, lt + 4, '-->');
      continue;
    }
    if (/^<!doctype/i.test(text.slice(lt, lt + 9))) {
      const end = doctypeEnd(text, lt);
      out.push(text.slice(copied, lt));
      copied = end;
      i = end;
      continue;
    }
    i = lt + 2;
  }
  if (copied === 0) return text;
  out.push(text.slice(copied));
  return out.join('');
}

/** C0 controls other than tab, newline and return, and the two noncharacters XML 1.0 excludes. */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g');

/** ES2024 string methods (Node 20 has them; the TypeScript library this project targets does not). */
type WellFormed = { isWellFormed(): boolean; toWellFormed(): string };

function withoutForbiddenCharacters(text: string): string {
  // One character class is a fast scan; the native well-formedness check finds lone surrogates.
  const cleaned = FORBIDDEN.test(text) ? text.replace(FORBIDDEN_ALL, '\ufffd') : text;
  const unicode = cleaned as unknown as WellFormed;
  return unicode.isWellFormed() ? cleaned : unicode.toWellFormed();
}

function minIndex(...indexes: number[]): number {
  let best = -1;
  for (const index of indexes) if (index >= 0 && (best < 0 || index < best)) best = index;
  return best;
}

/** Index just after `terminator`, or the end of the text when it never comes. */
function skipTo(text: string, from: number, terminator: string): number {
  const end = text.indexOf(terminator, from);
  return end < 0 ? text.length : end + terminator.length;
}

/** End of `<!DOCTYPE name ... [ internal subset ]>`, honouring quotes in the subset. */
function doctypeEnd(text: string, start: number): number {
  let quote: string | undefined;
  let inSubset = false;
  for (let i = start + 9; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '[') {
      inSubset = true;
    } else if (c === ']') {
      inSubset = false;
    } else if (c === '>' && !inSubset) {
      return i + 1;
    }
  }
  return text.length;
}

const XML_NAMES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const REFERENCE_AT = /&(?:#(\d{1,8});|#[xX]([0-9a-fA-F]{1,7});|([A-Za-z_][A-Za-z0-9._-]{0,63});)?/y;

function replaceReference(text: string, at: number): { text: string; consumed: number } | undefined {
  // The five XML references are most of a feed's ampersands (escaped HTML): kept without a regex.
  if (
    text.startsWith('lt;', at + 1) ||
    text.startsWith('gt;', at + 1) ||
    text.startsWith('amp;', at + 1) ||
    text.startsWith('quot;', at + 1)
  )
    return undefined;
  REFERENCE_AT.lastIndex = at;
  const match = REFERENCE_AT.exec(text);
  if (!match || match[0] === '&') return { text: '&amp;', consumed: 1 };
  const [whole, dec, hex, name] = match;
  if (name !== undefined) {
    if (XML_NAMES.has(name)) return undefined;
    const code = namedEntityCodePoint(name);
    return { text: code === undefined ? `&amp;${name};` : `&#${code};`, consumed: whole.length };
  }
  const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
  const safe = safeCodePoint(code);
  return safe === code ? undefined : { text: `&#${safe};`, consumed: whole.length };
}
