import type { MatchedText } from '../../domain/instrument.js';
import { escapeRegExp } from '../../shared/escape-regexp.js';

/** The section of a bill's text that names a watch term, as shown in the alert and in `bills`. */
export type MatchedSection = Omit<MatchedText, 'version'>;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function plain(xml: string): string {
  return xml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** `Sec. 632` from the section's `<num>` (USLM) or `<enum>` (bill DTD); '' when unnumbered. */
function sectionLabel(chunk: string): string {
  const number = /<(?:num|enum)\b[^>]*>([\s\S]*?)<\/(?:num|enum)>/.exec(chunk)?.[1];
  const label = number ? plain(number).replace(/\.$/, '').trim() : '';
  if (!label) return '';
  return /^sec/i.test(label) ? label.replace(/^sec(?:tion)?\.?\s*/i, 'Sec. ') : `Sec. ${label}`;
}

/** 120 characters either side of a hit, marked where cut. */
function excerptAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 120);
  const end = Math.min(text.length, index + length + 120);
  return `${start > 0 ? '...' : ''}${text.slice(start, end).trim()}${end < text.length ? '...' : ''}`;
}

/**
 * Finds the first section of a bill text (GPO's USLM `<section><num>` or the bill DTD's
 * `<section><enum>`) whose words name one of `terms`, whole words, any case. Sections are read
 * innermost-last, so the match is reported under the section that holds it, not its title.
 */
export function matchedSection(xml: string, terms: readonly string[]): MatchedSection | undefined {
  const patterns = terms
    .filter((term) => term.trim().length >= 3)
    .map((term) => ({ term, pattern: new RegExp(`(?<![\\w])${escapeRegExp(term.trim())}(?![\\w])`, 'i') }));
  if (!patterns.length) return undefined;
  const sections = xml.split(/(?=<section\b)/);
  for (const chunk of sections) {
    const text = plain(chunk);
    for (const { term, pattern } of patterns) {
      const hit = pattern.exec(text);
      if (!hit) continue;
      return { section: sectionLabel(chunk), excerpt: excerptAround(text, hit.index, hit[0].length), term };
    }
  }
  return undefined;
}

/**
 * The section of an enacted text that gives a measure its short title ("This subtitle may be
 * cited as the “FedRAMP Authorization Act”"): the evidence that a bill's text was enacted as
 * part of this one. A mention elsewhere ("as amended by the ... Act") is not.
 */
export function shortTitleSection(xml: string, shortTitle: string): MatchedSection | undefined {
  const title = escapeRegExp(shortTitle.trim()).replace(/\s+/g, '\\s+');
  const cited = new RegExp(`may be cited as (?:the )?["“”'‘’\\s]*${title}(?![\\w])`, 'i');
  for (const chunk of xml.split(/(?=<section\b)/)) {
    // What follows a section's end (a title's own short-title line) belongs to no section.
    const end = chunk.indexOf('</section>');
    const parts = end < 0 ? [chunk] : [chunk.slice(0, end), chunk.slice(end)];
    for (const [index, part] of parts.entries()) {
      const text = plain(part);
      const hit = cited.exec(text);
      if (!hit) continue;
      const section = index === 0 ? sectionLabel(part) : '';
      return { section, excerpt: excerptAround(text, hit.index, hit[0].length), term: shortTitle };
    }
  }
  return undefined;
}
