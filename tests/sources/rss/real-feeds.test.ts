import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../src/domain/item.js';
import { decodeFeedBytes } from '../../../src/sources/rss/feed-decode.js';
import { readFeed } from '../../../src/sources/rss/feed-read.js';

const DIR = new URL('../../fixtures/feeds/', import.meta.url);
/** The day after the newest capture, so no real item counts as "in the future". */
const NOW = new Date('2026-02-18T12:00:00Z');

interface Expectation {
  /** Where the feed lives (SOURCES.txt original_url); relative links resolve against it. */
  url?: string;
  encoding?: string;
  items: number;
  /** The feed's first item. */
  first?: Partial<Pick<Item, 'title' | 'link' | 'guid'>> & { publishedAt?: string; summaryStart?: string };
  /** A title some item must have. */
  someTitle?: string;
  fails?: string;
}

const FEEDS: Record<string, Expectation> = {
  '404media.rss.xml': {
    items: 15,
    first: { guid: '6994819b02276e00015b0a2a', publishedAt: '2026-02-17T15:20:02.000Z' },
  },
  'al-monitor.rss.xml': {
    // 20 <item>s, but three stories appear four times each: kept once.
    items: 11,
    first: {
      title: 'Over 80 Berlin Film Festival alumni sign open letter urging organisers to take stance on Gaza',
      publishedAt: '2026-02-17T22:36:36.000Z',
      summaryStart: 'BERLIN, Feb 17 (Reuters) - More than 80 actors',
    },
  },
  'allafrica-latest.rss.xml': {
    items: 32,
    someTitle: "Liberia: Govt Bans 'National Fula Security' Amid Fears of Extremism Spillover",
  },
  'arstechnica-2019.rss.xml': {
    items: 1,
    first: {
      title: 'Apple isn’t the most cash-rich company in the world anymore, but it doesn’t matter',
      link: 'https://arstechnica.com/?p=1546121',
    },
  },
  'bbc-world-2026.rss.xml': {
    items: 33,
    first: {
      title: 'US civil rights leader Jesse Jackson dies aged 84',
      guid: 'https://www.bbc.com/news/articles/cp81l0e1eg5o#0',
    },
  },
  'craigslist-rss1-html-titles.rdf.xml': {
    items: 25,
    first: {
      title: 'Bright, Spacious Beautiful Victorian (oakland north / temescal) $4300 3bd 1930ft2',
      publishedAt: '2017-06-21T17:33:10.000Z',
    },
  },
  'csmonitor-all.rss.xml': {
    items: 10,
    first: {
      title: 'Jesse Jackson’s journey from a South Carolina protest to presidential runs',
      publishedAt: '2026-02-17T23:03:07.000Z',
    },
  },
  'dawn-world.rss.xml': {
    items: 30,
    first: {
      title: 'India tells global tech platforms to follow constitution after tougher content rules',
      publishedAt: '2026-02-17T15:01:20.000Z',
    },
  },
  'dw-all.rss1.rdf.xml': {
    items: 141,
    first: {
      title: "France arrests nine in right-wing activist's death",
      guid: 'https://www.dw.com/en/france-arrests-nine-in-right-wing-activist-s-death/a-75995188?maca=en-rss-en-all-1573-rdf',
      publishedAt: '2026-02-18T00:15:00.000Z',
    },
  },
  // Malformed (broken declaration, unquoted and prefixed attributes): read leniently (issue 20 J).
  'dylanharris-malformed.rss.xml': { items: 34, first: { title: 'jenni tucker' } },
  'economist-asia.rss.xml': {
    items: 300,
    first: { title: 'The flaws in India’s AI plans' },
    someTitle: 'India’s government bans fantasy sports games',
  },
  'eliot-jones-declares-utf16.rss.xml': {
    url: 'https://eliot-jones.com/rss',
    encoding: 'utf-8',
    items: 59,
    first: { title: 'So you want to parse a PDF?' },
  },
  'elpais-english.rss.xml': { items: 56 },
  'golem-rss1-iso8859.rdf.xml': {
    encoding: 'windows-1252',
    items: 1,
    first: {
      title: 'Digitalministerium: Neue Glasfaserförderung mit Schnellkasse',
      publishedAt: '2023-01-25T18:03:02.000Z',
    },
  },
  'guardian-2018.rss.xml': { items: 55, someTitle: 'Facebook bans cryptocurrency adverts because so many are scams' },
  'hboeck-security-blog.rss.xml': { items: 15, someTitle: '#include </etc/shadow>' },
  'heise-developer.atom.xml': {
    items: 15,
    first: {
      title: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei',
      guid: 'http://heise.de/-3088438',
      publishedAt: '2016-02-01T16:22:00.000Z',
    },
  },
  'intertwingly-xhtml.atom.xml': {
    url: 'http://intertwingly.net/blog/index.atom',
    items: 20,
    first: {
      title: 'Inhibiting Suspend',
      link: 'http://intertwingly.net/blog/2012/07/16/Inhibiting-Suspend',
      summaryStart: 'The interface is a bit low level, but workable:',
    },
  },
  'jornal-de-noticias-iso8859.rss.xml': {
    encoding: 'windows-1252',
    items: 40,
    first: { title: 'Mãe de utente é a nova presidente da Raríssimas', publishedAt: '2018-01-03T13:47:00.000Z' },
  },
  'ndtv-world-feedburner.rss.xml': { items: 20, first: { publishedAt: '2026-02-18T01:04:46.000Z' } },
  'nightvale-podcast.rss.xml': {
    items: 1,
    first: { title: '221 - The Glow Cloud, Explained', publishedAt: '2023-02-01T05:00:00.000Z' },
  },
  'nyt-world.rss.xml': { items: 57 },
  'pcmag-dvorak-illegally-nested.rss.xml': {
    items: 10,
    first: { title: 'My Professional Armchair Analysis of CES', publishedAt: '2018-01-17T20:50:00.000Z' },
  },
  'restofworld.rss.xml': {
    items: 12,
    first: { title: 'Polymarket courts Chinese users despite strict online gambling ban' },
  },
  'reuters-truncated-invalid.rss.xml': { items: 0, fails: 'cut off' },
  'stratechery.rss.xml': { items: 10, first: { title: 'Thin Is In' } },
  'time-tech.rss.xml': {
    items: 100,
    someTitle:
      'Spain Orders Criminal Investigation Into X, Meta, and TikTok Over Alleged AI-Generated Child Sexual Abuse Material',
  },
  'uol-noticias.rss.xml': {
    encoding: 'windows-1252',
    items: 15,
    first: {
      title: 'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno',
      publishedAt: '2018-09-24T22:42:40.000Z',
    },
  },
  'usgs-earthquakes.atom.xml': {
    items: 1,
    first: {
      title: 'M 3.6 - 15km W of Petrolia, CA',
      guid: 'urn:earthquake-usgs-gov:nc:73239366',
      publishedAt: '2019-07-31T13:07:31.000Z',
    },
  },
  'wsj-world.rss.xml': { items: 20, first: { guid: 'WP-WSJ-0002354638', publishedAt: '2025-01-27T19:23:00.000Z' } },
  'yandex-windows1251.rss.xml': {
    encoding: 'windows-1251',
    items: 10,
    first: {
      title: 'В Бузулуке главные стройплощадки – детсад и Ледовый дворец',
      link: 'http://www.oren.ru/news/2743422/',
      publishedAt: '2014-01-22T14:31:31.000Z',
    },
  },
};

async function read(file: string) {
  const expectation = FEEDS[file];
  const { text, encoding } = decodeFeedBytes(readFileSync(new URL(file, DIR)));
  const baseUrl = expectation?.url ?? `https://feeds.example/${file}`;
  return { encoding, result: await readFeed(text, { baseUrl, sourceId: 'real', now: NOW }) };
}

describe('the real feeds in tests/fixtures/feeds', () => {
  it('has an expectation for every fixture', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.xml'))
      .sort();
    expect(files).toEqual(Object.keys(FEEDS).sort());
  });

  it.each(Object.keys(FEEDS))('%s', async (file) => {
    const expectation = FEEDS[file] as Expectation;
    const { encoding, result } = await read(file);
    if (expectation.fails) {
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.failure).toMatchObject({
          kind: 'parse',
          message: expect.stringContaining(expectation.fails) as string,
        });
      return;
    }
    if (!result.ok) throw new Error(result.failure.message);
    if (expectation.encoding) expect(encoding).toBe(expectation.encoding);
    expect(result.items).toHaveLength(expectation.items);
    expect(result.title).toBeTruthy();

    const { first, someTitle } = expectation;
    const item = result.items[0];
    if (first?.title) expect(item?.title).toBe(first.title);
    if (first?.link) expect(item?.link).toBe(first.link);
    if (first?.guid) expect(item?.guid).toBe(first.guid);
    if (first?.publishedAt) expect(item?.publishedAt?.toISOString()).toBe(first.publishedAt);
    if (first?.summaryStart) expect(item?.summary?.startsWith(first.summaryStart)).toBe(true);
    if (someTitle) expect(result.items.map((i) => i.title)).toContain(someTitle);

    const keys = new Set(result.items.map((i) => i.key));
    expect(keys.size).toBe(result.items.length);
    for (const i of result.items) {
      expect(i.sourceId).toBe('real');
      expect(i.kind).toBe('news');
      expect(i.title.length).toBeGreaterThan(0);
      expect(i.title.length).toBeLessThanOrEqual(300);
      expect(i.title).toBe(i.title.trim());
      expect(i.title).not.toMatch(/[\n\t\ufffd]|\s{2}/);
      expect(i.title).not.toMatch(/<\/?(p|a|b|i|div|span|sup|br|img|strong|em)\b/i);
      expect(i.summary ?? '').not.toContain('\ufffd');
      expect((i.summary ?? '').length).toBeLessThanOrEqual(4_000);
      expect(i.link).toMatch(/^https?:\/\//);
      expect(i.publishedAt).toBeInstanceOf(Date);
      expect(i.publishedAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });
});
