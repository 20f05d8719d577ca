import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { load as parseYaml } from 'js-yaml';
import { buildCommandRouter } from '../../src/app/build-commands.js';
import type { CommandContext } from '../../src/commands/command.js';
import type { CommandRouter } from '../../src/commands/command-router.js';
import type { InventoryReport } from '../../src/commands/handlers/inventory-plan.js';
import type { Reply } from '../../src/commands/reply.js';
import { loadVendorCatalog } from '../../src/classify/vendor-catalog.js';
import type { Channel } from '../../src/domain/channel.js';
import type { ListEntry } from '../../src/domain/list-entry.js';
import { nameTokens } from '../../src/domain/list-name-match.js';
import { channelDirectory } from '../../src/pipeline/channel-directory.js';
import { silentLogger } from '../../src/shared/logger.js';
import { readScreeningCsv } from '../../src/sources/lists/screening-csv-reader.js';
import { readSdnCsv } from '../../src/sources/lists/sdn-csv-reader.js';
import { createListSnapshotStore } from '../../src/store/list-snapshot-store.js';
import type { Stores } from '../../src/store/open-stores.js';
import { mutableClock } from '../support/mutable-clock.js';
import { tempStores } from '../support/temp-stores.js';
import { fixtureText } from '../sources/lists/list-fixtures.js';

/**
 * GIVEN the real vendor catalogue, two real official lists (a CSL excerpt and an SDN tail) as
 * accepted snapshots in a real SQLite store, and the real command router
 * WHEN a supplier list built from those names (plus typos, unknown names, duplicates and blanks)
 * is imported into a channel
 * THEN every count the import reports follows from how the file was built.
 */
const VENDORS_FILE = resolve(__dirname, '..', '..', 'config', 'vendors.yaml');
const catalog = loadVendorCatalog(VENDORS_FILE);
const cli: CommandContext = { actor: { platform: 'cli', id: 'cli', isAdmin: true } };
const CHANNELS: Channel[] = ['suppliers', 'copy', 'capped'].map((id) => ({ id, type: 'console', origin: 'config' }));
CHANNELS.push({ id: 'acme-sec', type: 'slack', channel: 'C0ACME', origin: 'runtime', tenant: 'slack:TACME' });

let stores: Stores;
let listed: ListEntry[];

async function collect(entries: AsyncIterable<ListEntry>): Promise<ListEntry[]> {
  const out: ListEntry[] = [];
  for await (const entry of entries) out.push(entry);
  return out;
}

beforeEach(async () => {
  stores = await tempStores(mutableClock('2026-11-29T12:00:00Z'));
  const snapshots = createListSnapshotStore(stores.backend);
  const csl = await collect(readScreeningCsv(fixtureText('csl-consolidated-2022-05-excerpt.csv')));
  const sdn = await collect(readSdnCsv(fixtureText('ofac-sdn-2024-04-15-tail.csv')));
  for (const [sourceId, entries] of [
    ['csl', csl],
    ['sdn', sdn],
  ] as const) {
    await snapshots.put({ sourceId, hash: `h-${sourceId}`, takenAt: '2026-11-01T00:00:00Z', entries });
    await snapshots.putMeta({ sourceId, hash: `h-${sourceId}`, sizes: { all: entries.length } });
  }
  listed = [...csl, ...sdn];
});
afterEach(() => stores.close());

function router(maxTermsPerChannel?: number): CommandRouter {
  const channels = channelDirectory(CHANNELS, stores.channels);
  return buildCommandRouter({
    stores,
    catalog,
    channels,
    sources: () => [],
    clock: mutableClock('2026-11-29T12:00:00Z'),
    logger: silentLogger(),
    maxAgeDays: 14,
    ...(maxTermsPerChannel ? { maxTermsPerChannel } : {}),
  });
}

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

interface Built {
  csv: string;
  catalogue: string[];
  listedNames: string[];
  typos: Map<string, string>;
  /** Misspelt listed names (not themselves in the file), and the listed name each came from. */
  listTypos: Map<string, string>;
  unknown: string[];
  duplicates: number;
  blank: number;
  rejectedLines: number[];
  distinct: number;
}

/** Builds the 5,000-row file, remembering what each row was meant to be. */
function buildInventory(total = 5_000): Built {
  const yaml = parseYaml(readFileSync(VENDORS_FILE, 'utf8')) as {
    vendors: Array<{ name: string; aliases?: string[]; legalNames?: string[]; brands?: Array<{ name: string }> }>;
  };
  const catalogue = yaml.vendors.map((vendor) => vendor.name);
  // Every word of every catalogue name: a listed name sharing one might be read as that vendor, so none is used.
  const catalogueWords = new Set(
    yaml.vendors.flatMap((v) =>
      [v.name, ...(v.aliases ?? []), ...(v.legalNames ?? []), ...(v.brands ?? []).map((b) => b.name)].flatMap(
        nameTokens,
      ),
    ),
  );
  const seen = new Set(catalogue.map((name) => name.toLowerCase()));
  const listedNames: string[] = [];
  for (const entry of listed) {
    const name = entry.name.trim();
    const tokens = nameTokens(name);
    if (!tokens.length || name.length > 100 || /[;|]/.test(name) || seen.has(name.toLowerCase())) continue;
    if (tokens.some((token) => catalogueWords.has(token))) continue;
    seen.add(name.toLowerCase());
    listedNames.push(name);
    if (listedNames.length >= 800) break;
  }
  // Listed names not in the file, with two neighbouring letters of their longest word swapped.
  const listTypos = new Map<string, string>();
  for (const entry of listed.slice(-400)) {
    const name = entry.name.trim();
    const longest = name.split(' ').sort((a, b) => b.length - a.length)[0] ?? '';
    const i = Math.floor(longest.length / 2);
    if (seen.has(name.toLowerCase()) || !/^[A-Za-z]{8,}$/.test(longest) || longest[i] === longest[i - 1]) continue;
    if (/[;|,"]/.test(name) || nameTokens(name).some((token) => catalogueWords.has(token))) continue;
    seen.add(name.toLowerCase());
    listTypos.set(
      name.replace(longest, `${longest.slice(0, i - 1)}${longest[i]}${longest[i - 1]}${longest.slice(i + 1)}`),
      name,
    );
    if (listTypos.size >= 15) break;
  }
  // One swap of two neighbouring letters inside single-word catalogue names of six letters or more.
  const typos = new Map<string, string>();
  for (const name of catalogue) {
    if (!/^[A-Za-z]{6,}$/.test(name)) continue;
    const i = Math.floor(name.length / 2);
    if (name[i] === name[i - 1]) continue;
    typos.set(`${name.slice(0, i - 1)}${name[i]}${name[i - 1]}${name.slice(i + 1)}`, name);
  }
  const rows: string[] = [];
  const rejectedLines: number[] = [];
  const push = (row: string) => rows.push(row);
  catalogue.forEach((name) => push(csvCell(name)));
  listedNames.forEach((name) => push(`${csvCell(name)},`));
  [...typos.keys(), ...listTypos.keys()].forEach((name) => push(name));
  let duplicates = 0;
  for (const name of [...catalogue.slice(0, 20), ...listedNames.slice(0, 80)]) {
    push(`${csvCell(name.toUpperCase())},extra alias ${duplicates}`);
    duplicates++;
  }
  let blank = 0;
  for (let i = 0; i < 15; i++) {
    push('');
    push(',');
    blank += 2;
  }
  for (let i = 0; i < 3; i++) {
    rejectedLines.push(rows.length + 2);
    push(`${'X'.repeat(101 + i)},`);
  }
  const unknown: string[] = [];
  const syllables = ['kel', 'vox', 'qua', 'zir', 'pem', 'dov', 'rix', 'tal'];
  while (rows.length < total) {
    const n = unknown.length;
    const word = [n % 8, (n >> 3) % 8, (n >> 6) % 8].map((k) => syllables[k]).join('');
    const name = `${word[0]?.toUpperCase()}${word.slice(1)} Supplies ${String(n).padStart(4, '0')}`;
    unknown.push(name);
    push(`${name},${n % 3 === 0 ? `${word} spares|${word} ltd` : ''}`);
  }
  const distinct = catalogue.length + listedNames.length + typos.size + listTypos.size + unknown.length;
  return {
    csv: `name,aliases\n${rows.join('\n')}\n`,
    catalogue,
    listedNames,
    typos,
    listTypos,
    unknown,
    duplicates,
    blank,
    rejectedLines,
    distinct,
  };
}

async function importCsv(r: CommandRouter, channelId: string, text: string, context = cli): Promise<Reply> {
  return r.handle(['watch', 'import'], { ...context, channelId, upload: { name: 'suppliers.csv', text } });
}

describe('watch import: a 5,000-row supplier list', () => {
  it('reports catalogue, list, near-miss and new counts that follow from the rows, and watches them all', async () => {
    const built = buildInventory();
    const r = router(6_000);
    const answer = await importCsv(r, 'suppliers', built.csv);
    expect(answer.refused).toBeFalsy();
    const report = answer.data as InventoryReport;
    expect(report.rows).toBe(5_000);
    expect(report.blank).toBe(built.blank);
    expect(report.rejected.map((row) => row.line)).toEqual(built.rejectedLines);
    expect(report.catalogue.map((row) => row.term)).toEqual(built.catalogue);
    expect(report.listed.map((row) => row.name)).toEqual(built.listedNames);
    expect(built.listedNames.length).toBeGreaterThan(500);
    expect(built.typos.size).toBeGreaterThan(10);
    expect(built.listTypos.size).toBeGreaterThan(10);
    expect(report.near.map((row) => row.name)).toEqual([...built.typos.keys(), ...built.listTypos.keys()]);
    for (const row of report.near) {
      const match = row.match as { suggestion: string; from: string };
      if (built.typos.has(row.name)) expect(catalog.resolve(match.suggestion)?.name).toBe(built.typos.get(row.name));
      else {
        expect(match.from).not.toBe('catalogue');
        expect(nameTokens(match.suggestion)).toEqual(nameTokens(built.listTypos.get(row.name) ?? ''));
      }
    }
    expect(report.new.map((row) => row.name)).toEqual(built.unknown);
    expect(report.duplicates).toHaveLength(built.duplicates);
    expect(report.added).toBe(built.distinct);
    expect(report.leftOut).toEqual([]);
    expect(answer.title).toBe(`Imported suppliers.csv into suppliers: ${built.distinct} new watch terms`);

    const terms = await stores.watch.list('suppliers');
    expect(terms).toHaveLength(built.distinct);
    // A duplicate row's aliases join the first row's term.
    const first = terms.find((t) => t.term === built.listedNames[0]);
    expect(first?.aliases).toContain('extra alias 20');
  });

  it('exports name,aliases rows that import again into the same terms', async () => {
    const built = buildInventory(1_500);
    const r = router(6_000);
    await importCsv(r, 'suppliers', built.csv);
    // A name a spreadsheet would run as a formula is written as text and read back as it was.
    await r.handle(['watch', 'add', '=Formula Parts'], { ...cli, channelId: 'suppliers' });
    const exported = ((await r.handle(['watch', 'export'], { ...cli, channelId: 'suppliers' })).data as { csv: string })
      .csv;
    expect(exported.split('\r\n')[0]).toBe('\uFEFFname,aliases');
    expect(exported).toContain(`"'=Formula Parts"`);
    const again = (await importCsv(r, 'copy', exported)).data as InventoryReport;
    expect(again.added).toBe(built.distinct + 1);
    expect(again.duplicates).toEqual([]);
    const shape = async (id: string) =>
      (await stores.watch.list(id)).map((t) => ({ term: t.term, mode: t.mode, aliases: t.aliases ?? [] }));
    expect(await shape('copy')).toEqual(await shape('suppliers'));
    const second = ((await r.handle(['watch', 'export'], { ...cli, channelId: 'copy' })).data as { csv: string }).csv;
    expect(second).toBe(exported);
  });

  it('watches up to the cap (1,000 by default) and reports the rest as left out', async () => {
    const built = buildInventory(1_500);
    const r = router();
    await r.handle(['watch', 'add', 'Preexisting'], { ...cli, channelId: 'capped' });
    const report = (await importCsv(r, 'capped', built.csv)).data as InventoryReport;
    expect(report.cap).toBe(1_000);
    expect(report.added).toBe(999);
    expect(report.leftOut).toHaveLength(built.distinct - 999);
    expect(await stores.watch.list('capped')).toHaveLength(1_000);
    const refused = await r.handle(['watch', 'add', 'One more'], { ...cli, channelId: 'capped' });
    expect(refused.code).toBe('TOO_MANY_TERMS');
    expect(refused.title).toBe('A channel can watch at most 1000 terms; remove one first.');
  });
});

describe('watch import: bad files and other people', () => {
  it('refuses a malformed file with the line it broke on, and imports nothing', async () => {
    const r = router();
    const cases: Array<[string, RegExp]> = [
      ['name,aliases\nAcme,\n"Globex, Inc,\nInitech,\n', /^suppliers\.csv line 3: a quoted field is never closed/],
      ['name\nAcme\nIni"tech\n', /^suppliers\.csv line 3: a quote inside an unquoted field/],
      ['name\n"Acme" Corp\n', /^suppliers\.csv line 2: text after a closing quote/],
      ['supplier_id,country\n1,US\n', /^suppliers\.csv line 1: no name column/],
      ['\n\n', /^suppliers\.csv is empty/],
    ];
    for (const [text, message] of cases) {
      const answer = await importCsv(r, 'suppliers', text);
      expect(answer.code).toBe('BAD_CSV');
      expect(answer.title).toMatch(message);
    }
    expect(await stores.watch.list('suppliers')).toEqual([]);
  });

  it("refuses another workspace's channel, and says on Slack where to import from", async () => {
    const r = router();
    const outsider: CommandContext = {
      actor: { platform: 'discord', id: 'U1', isAdmin: true, tenant: 'discord:999' },
    };
    const theirs = await importCsv(r, 'acme-sec', 'name\nAcme\n', outsider);
    expect(theirs.code).toBe('NOT_YOURS');
    const member: CommandContext = { actor: { platform: 'slack', id: 'U2', isAdmin: false, tenant: 'slack:TACME' } };
    expect((await importCsv(r, 'acme-sec', 'name\nAcme\n', member)).code).toBe('NOT_ADMIN');
    const admin: CommandContext = { actor: { platform: 'slack', id: 'U3', isAdmin: true, tenant: 'slack:TACME' } };
    const slack = await r.handle(['watch', 'import'], { ...admin, channelId: 'acme-sec' });
    expect(slack.code).toBe('NO_UPLOAD');
    expect(slack.title).toMatch(/banwatch watch import FILE\.csv --channel ID/);
    expect(await stores.watch.list('acme-sec')).toEqual([]);
  });
});
