import type { MatchedText } from '../../domain/instrument.js';

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

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds the first section of a bill text (GPO's USLM `<section><num>` or the bill DTD's
 * `<section><enum>`) whose words name one of `terms`, whole words, any case. Sections are read
 * innermost-last, so the match is reported under the section that holds it, not its title.
 */
export function matchedSection(xml: string, terms: readonly string[]): MatchedSection | undefined {
  const patterns = terms
    .filter((term) => term.trim().length >= 3)
    .map((term) => ({ term, pattern: new RegExp(`(?<![\\w])${escape(term.trim())}(?![\\w])`, 'i') }));
  if (!patterns.length) return undefined;
  const sections = xml.split(/(?=<section\b)/);
  for (const chunk of sections) {
    const text = plain(chunk);
    for (const { term, pattern } of patterns) {
      const hit = pattern.exec(text);
      if (!hit) continue;
      const number = /<(?:num|enum)\b[^>]*>([\s\S]*?)<\/(?:num|enum)>/.exec(chunk)?.[1];
      const label = number ? plain(number).replace(/\.$/, '').trim() : '';
      const section = !label
        ? ''
        : /^sec/i.test(label)
          ? label.replace(/^sec(?:tion)?\.?\s*/i, 'Sec. ')
          : `Sec. ${label}`;
      const start = Math.max(0, hit.index - 120);
      const end = Math.min(text.length, hit.index + hit[0].length + 120);
      const excerpt = `${start > 0 ? '...' : ''}${text.slice(start, end).trim()}${end < text.length ? '...' : ''}`;
      return { section, excerpt, term };
    }
  }
  return undefined;
}
