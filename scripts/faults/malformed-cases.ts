import { readFileSync } from 'node:fs';

/**
 * Malformed but recoverable feeds (issue 20, finding J): the shared fixtures that real
 * publishers broke, and the common breakages applied to a well-formed real feed. Each case says
 * which items a lenient reading must keep: all of them (`keysFrom`, read from the well-formed
 * original), or none when there is nothing to recover.
 */
export interface MalformedCase {
  name: string;
  body: string;
  /** The well-formed document this one was broken from: every item of it must come back. */
  original?: string;
  /** Items of the original cut off by a truncation, so not expected back. */
  cut?: number;
  /** Items expected when there is no original: distinct items counted in the text itself. */
  items?: number;
  /** True when the strict reader already reads it (no warning expected). */
  wellFormed?: boolean;
}

const FIXTURES = new URL('../../tests/fixtures/feeds/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

/** Distinct `<guid>`s in a feed's text, whatever its prefix: the items it holds, counted without a parser. */
export function distinctGuids(text: string): number {
  return new Set([...text.matchAll(/<(?:rss:)?guid[^>]*>([^<]*)</g)].map((m) => m[1]?.trim())).size;
}

function breakNth(text: string, marker: string, n: number, replace: (at: number) => string): string {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(marker, at + 1);
  if (at < 0) throw new Error(`no ${marker} #${n} to break`);
  return replace(at);
}

export function malformedCases(): MalformedCase[] {
  const bbc = fixture('bbc-world-2026.rss.xml');
  const dylan = fixture('dylanharris-malformed.rss.xml');
  const lastItem = bbc.lastIndexOf('<item>');
  return [
    // Real publishers' broken feeds, as served (../shared/fixtures/feeds).
    {
      name: 'dylanharris-malformed.rss.xml (broken declaration, unquoted attributes)',
      body: dylan,
      items: distinctGuids(dylan),
    },
    {
      name: 'reuters-truncated-invalid.rss.xml (cut off before its first item)',
      body: fixture('reuters-truncated-invalid.rss.xml'),
      items: 0,
    },
    // The usual breakages, applied to a real well-formed feed.
    {
      name: 'an unescaped & in a title',
      body: breakNth(bbc, '<title><![CDATA[', 3, (at) => `${bbc.slice(0, at)}<title>AT&T and ${bbc.slice(at + 7)}`),
      original: bbc,
      wellFormed: true,
    },
    {
      name: 'a stray end tag inside an item',
      body: breakNth(bbc, '<item>', 4, (at) => `${bbc.slice(0, at + 6)}</b>${bbc.slice(at + 6)}`),
      original: bbc,
    },
    {
      name: 'a mistyped end tag (</titel>)',
      body: breakNth(bbc, ']]></title>', 6, (at) => `${bbc.slice(0, at)}]]></titel>${bbc.slice(at + 11)}`),
      original: bbc,
    },
    {
      name: 'an item left unclosed',
      body: breakNth(bbc, '</item>', 8, (at) => `${bbc.slice(0, at)}${bbc.slice(at + 7)}`),
      original: bbc,
    },
    { name: 'an unquoted attribute', body: bbc.replace('version="2.0"', 'version=2.0'), original: bbc },
    { name: 'a truncated tail (cut inside the last item)', body: bbc.slice(0, lastItem + 200), original: bbc, cut: 1 },
    {
      name: 'a truncated tail (cut after the last item)',
      body: bbc.slice(0, bbc.lastIndexOf('</item>') + 7),
      original: bbc,
    },
  ];
}
