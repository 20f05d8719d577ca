import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier.js';
import { loadVendorCatalog, parseVendorCatalog } from '../../src/classify/vendor-catalog.js';
import { ConfigError } from '../../src/shared/errors.js';
import { catalog, VENDORS_FILE } from './default-classifier.js';

const dir = mkdtempSync(join(tmpdir(), 'banwatch-catalog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemsOf(yaml: string): string[] {
  try {
    parseVendorCatalog(yaml, 'test.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const MINIMAL = `vendors:
  - name: "Acme"
    match: { strong: ["acme"] }
`;

describe('the repository catalog', () => {
  it('loads every vendor, with the lookups the vendor command needs', () => {
    const names = catalog.all().map((v) => v.name);
    expect(names).toEqual(
      expect.arrayContaining(['Hikvision', 'Dahua', 'Huawei', 'ZTE', 'Hytera', 'Kaspersky', 'DJI', 'TikTok']),
    );
    expect(catalog.instrument('FCC-CoveredList')?.short).toBe('FCC Covered List');
    expect(catalog.all().find((v) => v.name === 'Hikvision')?.restrictions.length).toBeGreaterThan(3);
  });

  it.each([
    ['EZVIZ', 'Hikvision'],
    ['ezviz', 'Hikvision'],
    ['Imou', 'Dahua'],
    ['Douyin', 'TikTok'],
    ['ByteDance', 'TikTok'],
    ['海康威视', 'Hikvision'],
    ['HIKVISION', 'Hikvision'],
    ['tp link', 'TP-Link'],
    ['Sepura', 'Hytera'],
    ['Lorex', 'Lorex'], // a vendor of its own, although also a former Dahua brand
    ['Honor', 'Honor'],
    ['China Telecom (Americas) Corp.', 'China Telecom'],
  ])('resolves %s to %s', (name, vendor) => {
    expect(catalog.resolve(name)?.name).toBe(vendor);
  });

  it('does not resolve a collision it was told to avoid, or nonsense', () => {
    expect(catalog.resolve('Axon')).toBeUndefined();
    expect(catalog.resolve('Acme Widgets')).toBeUndefined();
  });

  it.each([
    ['hikvsion', 'Hikvision'],
    ['huawai', 'Huawei'],
    ['kaspersk', 'Kaspersky'],
    ['tiktk', 'TikTok'],
    ['dahau', 'Dahua'],
  ])('suggests %s -> %s first', (typo, vendor) => {
    expect(catalog.suggest(typo)[0]).toBe(vendor);
  });

  it('always suggests something for a non-empty input, up to the limit', () => {
    expect(catalog.suggest('zzzzzzzz').length).toBe(5);
    expect(catalog.suggest('zzzzzzzz', 2).length).toBe(2);
    expect(catalog.suggest('')).toEqual([]);
  });

  it('does not suggest the same name twice in different case', () => {
    const lower = catalog.suggest('hikvision', 10).map((s) => s.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });
});

describe('catalog validation', () => {
  it('reports a wrong type with its path', () => {
    const problems = problemsOf(`vendors:
  - name: "Acme"
    match: { strong: "acme" }
`);
    expect(problems).toEqual(['test.yaml: vendors[0].match.strong: expected an array, got the text "acme"']);
  });

  it('lists every problem, not only the first', () => {
    const problems = problemsOf(`vendors:
  - name: "Acme"
    match: { strong: ["acme"] }
  - category: "drones"
    match: { strong: [] }
    aliasses: ["x"]
    restrictions:
      - { instrument: "X", stage: "law" }
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'test.yaml: vendors[1].name: missing (expected a string)',
        'test.yaml: vendors[1].match.strong: needs at least one name',
        'test.yaml: vendors[1]: unknown key "aliasses"',
        expect.stringContaining(
          'test.yaml: vendors[1].restrictions[0].stage: expected one of proposed, passed-chamber',
        ),
      ]),
    );
    expect(problems.length).toBe(4);
  });

  it('refuses a name that two vendors claim, and a name with nothing to match', () => {
    const problems = problemsOf(`vendors:
  - name: "Acme"
    match: { strong: ["acme"], weak: ["--"] }
  - name: "Acme Two"
    match: { strong: ["ACME"] }
`);
    expect(problems).toEqual([
      'test.yaml: vendors[0].match.weak[0]: "--" has no letters or digits to match',
      'test.yaml: vendors[1].match.strong[0]: "ACME" is already a match name at vendors[0].match.strong[0] ("Acme")',
    ]);
  });

  it('refuses a duplicate vendor name', () => {
    expect(problemsOf(`${MINIMAL}  - name: "acme"\n    match: { strong: ["acme two"] }\n`)).toEqual([
      'test.yaml: vendors[1].name: "acme" is already the name of vendors[0]',
    ]);
  });

  it('reports broken YAML with its line', () => {
    expect(problemsOf('vendors:\n  - name: [unclosed\n')[0]).toMatch(/^test\.yaml: not valid YAML at line \d+/);
  });

  it('reports an unreadable file as a ConfigError naming it', () => {
    expect(() => loadVendorCatalog(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml: cannot be read/);
  });

  it('accepts a minimal vendor with defaults for everything optional', () => {
    const small = parseVendorCatalog(MINIMAL, 'test.yaml');
    expect(small.resolve('ACME')).toMatchObject({ name: 'Acme', aliases: [], brands: [], restrictions: [] });
  });
});

describe('extending the catalog without code', () => {
  it('recognises a vendor, alias and brand added to a copy of vendors.yaml', () => {
    const original = readFileSync(VENDORS_FILE, 'utf8');
    const extended = `${original.replace(
      '\nclasses:',
      `
  - name: "Unitree"
    category: "robotics"
    country: "CN"
    aliases: ["Unitree Robotics"]
    brands:
      - { name: "Go2", relation: "robot dog" }
    match:
      strong: ["unitree", "宇树"]
      weak: ["go2"]
    restrictions: []

classes:`,
    )}`;
    const file = join(dir, 'vendors.yaml');
    writeFileSync(file, extended);
    const loaded = loadVendorCatalog(file);
    const extendedClassifier = createClassifier(loaded);

    expect(loaded.resolve('Go2')?.name).toBe('Unitree');
    const result = extendedClassifier.classify({ title: 'Commerce adds Unitree Robotics to Entity List' });
    expect(result).toMatchObject({ relevant: true, vendors: ['Unitree'], action: 'restriction' });
    expect(extendedClassifier.classify({ title: '美国禁止宇树机器人' }).vendors).toEqual(['Unitree']);
    // the untouched catalog does not know it: the name is reported as written, and as new
    expect(
      createClassifier(catalog).classify({ title: 'Commerce adds Unitree Robotics to Entity List' }),
    ).toMatchObject({ vendors: ['Unitree Robotics'], vendorsNew: ['Unitree Robotics'] });
  });
});
