import { lineLogger } from '../support/line-logger.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSources } from '../../src/app/build-sources.js';
import { loadVendorCatalog } from '../../src/classify/vendor-catalog.js';
import {
  DEFAULT_CONFIG_FILE,
  DEFAULT_VENDORS_FILE,
  loadConfig,
  type SourceSettings,
} from '../../src/config/load-config.js';
import { createFeedFetcher } from '../../src/shared/http/feed-fetcher.js';
import { configFiles } from '../support/config-files.js';
import { mutableClock } from '../support/mutable-clock.js';

const { dir, file, problems } = configFiles('banwatch-gov-config-');

const congress = (sources: SourceSettings[]) =>
  sources.find((s): s is Extract<SourceSettings, { type: 'congress' }> => s.type === 'congress');
const federal = (sources: SourceSettings[]) =>
  sources.find((s): s is Extract<SourceSettings, { type: 'federal-register' }> => s.type === 'federal-register');

describe('government sources in the config file', () => {
  it('reads a congress source: bills as ids or with watch terms, intervals, discovery, the key from ${VAR}', () => {
    const config = loadConfig({
      file: file(
        [
          'sources:',
          '  - id: congress',
          '    type: congress',
          '    apiKey: ${CONGRESS_API_KEY}',
          '    interval: 30m',
          '    bills: [H.R.5515-115, {id: s2987-115, vendors: [Hikvision, Dahua]}]',
          '    discover: true',
        ].join('\n'),
      ),
      env: { CONGRESS_API_KEY: 'key-from-the-environment' },
    });
    expect(congress(config.sources)).toEqual({
      id: 'congress',
      type: 'congress',
      interval: 1_800_000,
      bills: [{ id: 'hr5515-115' }, { id: 's2987-115', vendors: ['Hikvision', 'Dahua'] }],
      discover: true,
      discoverLookback: 30 * 86_400_000,
      url: 'https://api.congress.gov/v3',
      apiKey: 'key-from-the-environment',
      backfill: 0,
      govinfo: { url: 'https://api.govinfo.gov' },
    });
    expect(config.secrets).toContain('key-from-the-environment');
  });

  it('takes the key from CONGRESS_API_KEY or its _FILE when the file leaves it empty, and the base URLs from the environment', () => {
    const secret = join(dir, 'congress-key');
    writeFileSync(secret, 'key-from-a-file-0001\n');
    const yaml =
      'sources:\n  - {id: c, type: congress, apiKey: "${CONGRESS_API_KEY:-}", bills: [hr5515-115]}\n  - {id: f, type: federal-register, terms: [Section 889]}\n';
    const config = loadConfig({
      file: file(yaml),
      env: {
        CONGRESS_API_KEY_FILE: secret,
        CONGRESS_API_URL: 'http://127.0.0.1:1/v3',
        FEDERAL_REGISTER_API_URL: 'http://127.0.0.1:2/api/v1',
      },
    });
    expect(congress(config.sources)).toMatchObject({ apiKey: 'key-from-a-file-0001', url: 'http://127.0.0.1:1/v3' });
    expect(federal(config.sources)).toMatchObject({
      url: 'http://127.0.0.1:2/api/v1',
      interval: 3_600_000,
      agencies: [],
      backfill: 0,
    });
    expect(config.secrets).toContain('key-from-a-file-0001');
    // A url in the file wins over the environment.
    const own = loadConfig({
      file: file('sources:\n  - {id: f, type: federal-register, url: "https://mirror.example/api/v1", terms: [x]}\n'),
      env: { FEDERAL_REGISTER_API_URL: 'http://127.0.0.1:2/api/v1' },
    });
    expect(federal(own.sources)?.url).toBe('https://mirror.example/api/v1');
  });

  it('loads the shipped config without a key: the congress source is there, with no key', () => {
    const config = loadConfig({ file: DEFAULT_CONFIG_FILE, env: {} });
    expect(congress(config.sources)).toMatchObject({
      bills: [{ id: 'hr5515-115', vendors: ['Huawei', 'ZTE', 'Hytera', 'Hikvision', 'Dahua'] }],
      discover: true,
    });
    expect(congress(config.sources)?.apiKey).toBeUndefined();
    expect(federal(config.sources)).toMatchObject({ terms: ['Covered List', 'Section 889', 'Entity List'] });
  });

  it('reports bad bills, missing terms and unknown types with their paths', () => {
    expect(
      problems(
        'sources:\n  - {id: c, type: congress, bills: [hr5515, {id: hr1-115, vendors: Hikvision}]}\n  - {id: f, type: federal-register, terms: [], agencies: [FCC]}\n  - {id: x, type: atom}\n',
      ),
    ).toEqual([
      'sources[0].bills[0].id: expected a bill like hr5515-115 (type, number, congress)',
      'sources[0].bills[1].vendors: expected a list of vendor names',
      'sources[1].terms: name at least one search term',
      'sources[1].agencies[0]: expected an agency slug like federal-communications-commission',
      'sources[2].type: expected type: rss, congress, federal-register, screening-list, ofac-sdn, fcc-covered-list, legiscan',
    ]);
  });

  it('suggests the key a source of that type knows', () => {
    expect(problems('sources:\n  - {id: f, type: federal-register, termz: [Section 889]}\n')).toEqual(
      expect.arrayContaining(['sources[0].termz: unknown key (did you mean `terms`?)']),
    );
    expect(problems('sources:\n  - {id: c, type: congress, discovr: true}\n')).toEqual([
      'sources[0].discovr: unknown key (did you mean `discover`?)',
    ]);
    expect(problems('sources:\n  - {id: c, type: congress, bills: [{id: hr1-115, vendorz: [Hikvision]}]}\n')).toEqual([
      'sources[0].bills[0].vendorz: unknown key (did you mean `vendors`?)',
    ]);
  });
});

describe('building government sources', () => {
  it('leaves the congress and legiscan sources without a key out, one clear log line each, and builds them with one', async () => {
    const { logger, lines } = lineLogger();
    const clock = mutableClock();
    const fetcher = createFeedFetcher({ clock });
    const catalog = loadVendorCatalog(DEFAULT_VENDORS_FILE);
    const without = loadConfig({ file: DEFAULT_CONFIG_FILE, env: {} });
    const sources = buildSources(without.sources, { trustedFetcher: fetcher, clock, logger, catalog });
    expect(sources.map((s) => s.id)).not.toContain('congress');
    expect(sources.map((s) => s.id)).not.toContain('states');
    expect(sources.find((s) => s.id === 'federal-register')).toMatchObject({
      type: 'federal-register',
      name: 'Federal Register',
      intervalMs: 3_600_000,
    });
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({
        level: 'info',
        sourceId: 'congress',
        msg: expect.stringContaining('congress source "congress" is disabled: set CONGRESS_API_KEY') as string,
      }),
      expect.objectContaining({
        level: 'info',
        sourceId: 'states',
        msg: expect.stringContaining('legiscan source "states" is disabled: set LEGISCAN_API_KEY') as string,
      }),
    ]);

    const withKey = loadConfig({
      file: DEFAULT_CONFIG_FILE,
      env: { CONGRESS_API_KEY: 'a-real-looking-key', LEGISCAN_API_KEY: 'another-real-looking-key' },
    });
    const built = buildSources(withKey.sources, { trustedFetcher: fetcher, clock, logger, catalog });
    expect(built.find((s) => s.id === 'states')).toMatchObject({ type: 'legiscan', intervalMs: 21_600_000 });
    expect(built.find((s) => s.id === 'congress')).toMatchObject({
      type: 'congress',
      name: 'Congress.gov',
      deltas: true,
      intervalMs: 1_800_000,
    });
    expect(lines).toHaveLength(2);
    await fetcher.close();
  });
});
