import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BillAction } from '../../src/sources/congress/action-events.js';
import { xmlText } from './xml-text.js';

/**
 * Readers for the real government fixtures in tests/fixtures/gov (see SOURCES.txt there). The
 * files are trusted test data with a fixed layout, so a few patterns read what the stage tests
 * need; production code reads Congress.gov JSON, never these XML formats.
 */
export const GOV_FIXTURES = resolve(__dirname, '..', 'fixtures', 'gov');

export function govFixture(path: string): string {
  return readFileSync(join(GOV_FIXTURES, path), 'utf8');
}

export function govJson<T = unknown>(path: string): T {
  return JSON.parse(govFixture(path)) as T;
}

function tag(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return match ? xmlText(match[1] as string) : undefined;
}

const SOURCE_SYSTEMS: Record<string, BillAction['recordedBy']> = {
  'Library of Congress': 'library-of-congress',
  'House floor actions': 'house',
  'House committee actions': 'committee',
  Senate: 'senate',
};

export interface BillStatusFixture {
  /** Newest first, as the file lists them. */
  actions: BillAction[];
  laws: string[];
}

/**
 * The bill-level `<actions>` of a GovInfo BILLSTATUS file, legacy or 3.0.0 format: both put
 * them four spaces deep under `<bill>` with one `<item>` per action six spaces deep (the
 * amendments' own `<actions>` sit deeper and are not read).
 */
export function readBillStatus(path: string): BillStatusFixture {
  const xml = govFixture(path);
  const block = /\n {4}<actions>\n([\s\S]*?)\n {4}<\/actions>\n/.exec(xml)?.[1] ?? '';
  const items = [...`\n${block}`.matchAll(/\n {6}<item>\n([\s\S]*?)\n {6}<\/item>/g)].map((m) => m[1] as string);
  const actions = items.flatMap((item): BillAction[] => {
    const date = tag(item, 'actionDate');
    if (!date) return [];
    const system = /<sourceSystem>[\s\S]*?<name>([\s\S]*?)<\/name>/.exec(item)?.[1]?.trim();
    const code = tag(item, 'actionCode');
    const time = tag(item, 'actionTime');
    const recordedBy = system ? SOURCE_SYSTEMS[system] : undefined;
    return [
      {
        date,
        text: tag(item, 'text') ?? '',
        ...(code ? { code } : {}),
        ...(time ? { time } : {}),
        ...(recordedBy ? { recordedBy } : {}),
      },
    ];
  });
  const lawsBlock = /<laws>([\s\S]*?)<\/laws>/.exec(xml)?.[1] ?? '';
  const laws = [...lawsBlock.matchAll(/<number>([\s\S]*?)<\/number>/g)].map((m) => (m[1] as string).trim());
  return { actions, laws };
}

export interface GovtrackFixture {
  introduced: string;
  /** Oldest first, as the scraper wrote them; no action codes. */
  actions: BillAction[];
  /** The scraper's own status after each action that changed it, in order (`index` into `actions`). */
  states: Array<{ date: string; state: string; index: number }>;
  finalState: string;
}

/** A unitedstates/congress GovTrack-XML bill: its actions by text, and the scraper's status codes. */
export function readGovtrack(path: string): GovtrackFixture {
  const xml = govFixture(path);
  const block = /<actions>([\s\S]*?)<\/actions>/.exec(xml)?.[1] ?? '';
  const actions: BillAction[] = [];
  const states: GovtrackFixture['states'] = [];
  for (const match of block.matchAll(/<([a-z-]+)\s([^>]*?)>([\s\S]*?)<\/\1>/g)) {
    const attributes = match[2] as string;
    const date = (/datetime="([^"]+)"/.exec(attributes)?.[1] ?? '').slice(0, 10);
    const time = /datetime="[^"]*T(\d\d:\d\d:\d\d)/.exec(attributes)?.[1];
    const where = /where="([hs])"/.exec(attributes)?.[1];
    const text = tag(match[3] as string, 'text') ?? '';
    actions.push({
      date,
      text,
      ...(time ? { time } : {}),
      ...(where ? { recordedBy: where === 'h' ? ('house' as const) : ('senate' as const) } : {}),
    });
    const state = /state="([^"]+)"/.exec(attributes)?.[1];
    if (state) states.push({ date, state, index: actions.length - 1 });
  }
  return {
    introduced: /<introduced datetime="([^"]+)"/.exec(xml)?.[1] ?? '',
    actions,
    states,
    finalState: /<state datetime="[^"]*">([^<]+)<\/state>/.exec(xml)?.[1] ?? '',
  };
}
