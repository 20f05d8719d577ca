/**
 * Turns feed text (a title or a summary, plain or HTML) into plain text the classifier can read.
 * Feeds double-encode, mix entity styles and wrap titles in markup, so this is deliberately
 * forgiving: unknown entities stay as written, and stray `<` that do not start a tag survive.
 * It is separate from sources/rss/html-text.ts on purpose: that one keeps unknown tags in titles
 * as written (a title may say "Why <Foo> matters"), while this one only needs words to match and
 * must stay fast, since the classifier runs on every item (measured: sharing the feed version
 * cost a fifth of the classifier's throughput on items with summaries).
 */

/** Common named entities. Feeds rarely use others; an unknown one is left as written. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  minus: '−',
  hyphen: '-',
  shy: '',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  prime: '′',
  Prime: '″',
  hellip: '…',
  bull: '•',
  middot: '·',
  sect: '§',
  para: '¶',
  deg: '°',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  dollar: '$',
  times: '×',
  divide: '÷',
  plusmn: '±',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  zwnj: '',
  zwj: '',
  lrm: '',
  rlm: '',
  iexcl: '¡',
  iquest: '¿',
  excl: '!',
  quest: '?',
  num: '#',
  percnt: '%',
  lpar: '(',
  rpar: ')',
  comma: ',',
  period: '.',
  colon: ':',
  semi: ';',
  sol: '/',
  bsol: '\\',
  verbar: '|',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  auml: 'ä',
  atilde: 'ã',
  aring: 'å',
  aelig: 'æ',
  ccedil: 'ç',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  euml: 'ë',
  iacute: 'í',
  igrave: 'ì',
  icirc: 'î',
  iuml: 'ï',
  ntilde: 'ñ',
  oacute: 'ó',
  ograve: 'ò',
  ocirc: 'ô',
  ouml: 'ö',
  otilde: 'õ',
  oslash: 'ø',
  uacute: 'ú',
  ugrave: 'ù',
  ucirc: 'û',
  uuml: 'ü',
  yacute: 'ý',
  yuml: 'ÿ',
  szlig: 'ß',
  Aacute: 'Á',
  Agrave: 'À',
  Acirc: 'Â',
  Auml: 'Ä',
  Atilde: 'Ã',
  Aring: 'Å',
  AElig: 'Æ',
  Ccedil: 'Ç',
  Eacute: 'É',
  Egrave: 'È',
  Ecirc: 'Ê',
  Euml: 'Ë',
  Iacute: 'Í',
  Igrave: 'Ì',
  Icirc: 'Î',
  Iuml: 'Ï',
  Ntilde: 'Ñ',
  Oacute: 'Ó',
  Ograve: 'Ò',
  Ocirc: 'Ô',
  Ouml: 'Ö',
  Otilde: 'Õ',
  Oslash: 'Ø',
  Uacute: 'Ú',
  Ugrave: 'Ù',
  Ucirc: 'Û',
  Uuml: 'Ü',
  Yacute: 'Ý',
};

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g;

function decodeOne(match: string, body: string): string {
  if (body.charCodeAt(0) === 35 /* # */) {
    const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    // Surrogates and out-of-range code points cannot be turned into text: keep the entity.
    if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return match;
    return code === 0 ? '' : String.fromCodePoint(code);
  }
  return NAMED_ENTITIES[body] ?? match;
}

/** Decodes named and numeric character references; `&amp;amp;` (double-encoded) decodes once. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, decodeOne);
}

const COMMENT = /<!--[\s\S]*?-->/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
/** Elements whose content is never prose. */
const NON_PROSE = /<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Tags that separate words: without a space "<p>Hikvision</p><p>banned</p>" would glue words. */
const BLOCK_TAG =
  /<\/?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|header|footer|figure|figcaption|hr)\b[^>]*>/gi;
const ANY_TAG = /<\/?[A-Za-z][^<>]*>/g;
const SPACES = /[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]+/g;
/** Anything SPACES would change: most titles have none, and then are returned as they are. */
const UNTIDY = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

/** Strips markup and decodes entities, leaving single-spaced plain text. */
export function htmlToText(input: string): string {
  let text = input;
  if (text.includes('<')) {
    text = text
      .replace(CDATA, '$1')
      .replace(COMMENT, ' ')
      .replace(NON_PROSE, ' ')
      .replace(BLOCK_TAG, ' ')
      .replace(ANY_TAG, '');
  }
  text = decodeEntities(text);
  // Entity-encoded markup (`&lt;b&gt;`) shows up in some feeds: strip what decoding revealed.
  if (text.includes('<')) text = text.replace(ANY_TAG, '');
  return UNTIDY.test(text) ? text.replace(SPACES, ' ').trim() : text;
}
