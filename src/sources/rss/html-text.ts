import { decodeHtmlEntities, replaceC1Controls } from './html-entities.js';

/**
 * Tag names that are really HTML. Only these are removed: text such as
 * "#include </etc/shadow>" or "Why <Foo> matters" reaches the title as written.
 */
const HTML_TAGS = new Set(
  (
    'a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink blockquote body br button canvas ' +
    'caption center cite code col colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption ' +
    'figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd ' +
    'keygen label layer legend li link listing main map mark marquee math menu meta nav nobr noembed noframes noscript object ol optgroup option output p param ' +
    'picture pre q rp rt ruby s samp section select small source span strike strong sub summary sup svg table ' +
    'tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp'
  ).split(' '),
);

/** Tags after which the words on either side must not run together. */
const BREAKING = new Set(
  'address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li ol p pre section table td th tr ul'.split(
    ' ',
  ),
);

// Bounded quantifiers keep this linear on hostile input such as "<a <a <a ..." or an
// unterminated quote: a candidate tag is given up after a limited number of characters.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]{0,15})(?=[\s/>])(?:"[^"]{0,500}"|'[^']{0,500}'|[^'"<>]){0,500}>/g;
/** Second chance for tags with a stray quote, such as <a href="x>; quotes are not honoured. */
const LOOSE_TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]{0,15})(?=[\s/>])[^<>]{0,500}>/g;
const SCRIPT_OR_STYLE = /<(script|style)\b[^>]{0,2000}>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g;
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\ufeff]/g;

function removeKnownTag(whole: string, _slash: string, name: string): string {
  const lower = name.toLowerCase();
  if (!HTML_TAGS.has(lower)) return whole;
  return BREAKING.has(lower) ? ' ' : '';
}

/**
 * HTML (or text that may contain it) to plain text: scripts, styles and comments dropped,
 * known tags removed (block tags leave a space), entities decoded, controls removed and all
 * whitespace, no-break spaces included, collapsed to single spaces. At most `maxInput`
 * characters of the input are looked at.
 */
export function htmlToText(html: string, maxInput = 50_000): string {
  let text = html.length > maxInput ? html.slice(0, maxInput) : html;
  if (text.includes('<')) {
    text = text
      .replace(SCRIPT_OR_STYLE, ' ')
      .replace(COMMENT, ' ')
      .replace(CDATA, '$1')
      .replace(TAG, removeKnownTag)
      .replace(LOOSE_TAG, removeKnownTag);
  }
  return collapseWhitespace(decodeHtmlEntities(text));
}

/** Plain text as is: C1 controls read as windows-1252, other controls removed, whitespace collapsed. */
export function collapseWhitespace(text: string): string {
  // Only runs of two or more, other whitespace than a plain space, and no-break spaces need
  // replacing: matching single spaces too made this the parser thread's hottest line.
  return replaceC1Controls(text)
    .replace(CONTROLS, '')
    .replace(/[\s\u00a0]{2,}|[^\S ]|\u00a0/g, ' ')
    .trim();
}

/** Cuts at a word boundary near `max` characters and marks the cut with an ellipsis. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const base = space > max * 0.8 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s.,;:!?-]+$/, '')}…`;
}
