import { lineLogger } from '../../support/line-logger.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSources } from '../../../src/app/build-sources.js';
import { loadVendorCatalog } from '../../../src/classify/vendor-catalog.js';
import { effectiveConfigYaml } from '../../../src/config/config-report.js';
import { DEFAULT_VENDORS_FILE, loadConfig, type SourceSettings } from '../../../src/config/load-config.js';
import { createFeedFetcher } from '../../../src/shared/http/feed-fetcher.js';
import { configFiles } from '../../support/config-files.js';
import { mutableClock } from '../../support/mutable-clock.js';

const { dir, file, problems } = configFiles('banwatch-legiscan-config-');
const legiscan = (sources: SourceSettings[]) =>
  sources.find((s): s is Extract<SourceSettings, { type: 'legiscan' }> => s.type === 'legiscan');

describe('a legiscan source in the config file', () => {
  it('reads states, bills and queries, with 6h and the free tier as defaults and the key from LEGISCAN_API_KEY_FILE', () => {
    const secret = join(dir, 'legiscan.key');
    writeFileSync(secret, 'legiscan-key-from-a-file\n');
    const config = loadConfig({
      file: file(
        [
          'sources:',
          '  - id: states',
          '    type: legiscan',
          '    states: [TN, fl]',
          '    bills: [TN SB1234 2024, {id: AR HB1044 2012, vendors: [DJI]}]',
        ].join('\n'),
      ),
      env: { LEGISCAN_API_KEY_FILE: secret },
    });
    expect(legiscan(config.sources)).toEqual({
      id: 'states',
      type: 'legiscan',
      url: 'https://api.legiscan.com/',
      apiKey: 'legiscan-key-from-a-file',
      states: ['TN', 'fl'],
      bills: [{ id: 'TN SB1234 2024' }, { id: 'AR HB1044 2012', vendors: ['DJI'] }],
      interval: 21_600_000,
      monthlyLimit: 30_000,
      backfill: 0,
    });
    expect(config.secrets).toContain('legiscan-key-from-a-file');
    // `config check` shows it masked, in the source and in the environment's settings alike.
    expect(effectiveConfigYaml(config)).not.toContain('legiscan-key-from-a-file');
  });

  it('says what a wrong entry should look like', () => {
    expect(problems('sources:\n  - {id: s, type: legiscan, bills: [SB1234]}\n')).toEqual([
      'sources[0].bills[0].id: expected a state bill like TN SB1234 2024 (state, number, year)',
    ]);
    expect(problems('sources:\n  - {id: s, type: legiscan, states: [Tennessee]}\n')).toEqual([
      'sources[0].states[0]: expected all or a two-letter state code like TN',
    ]);
  });
});

describe('building a legiscan source', () => {
  it('is off with one log line without a key, and built (named for its attribution) with one', async () => {
    const { logger, lines } = lineLogger();
    const clock = mutableClock();
    const fetcher = createFeedFetcher({ clock });
    const catalog = loadVendorCatalog(DEFAULT_VENDORS_FILE);
    const yaml = file('sources:\n  - {id: states, type: legiscan}\n');
    const without = buildSources(loadConfig({ file: yaml, env: {} }).sources, {
      trustedFetcher: fetcher,
      clock,
      logger,
      catalog,
    });
    expect(without).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      sourceId: 'states',
      msg: expect.stringContaining('legiscan source "states" is disabled: set LEGISCAN_API_KEY') as string,
    });
    const withKey = loadConfig({ file: yaml, env: { LEGISCAN_API_KEY: 'legiscan-key-0001' } });
    const built = buildSources(withKey.sources, { trustedFetcher: fetcher, clock, logger, catalog });
    expect(built).toMatchObject([
      { id: 'states', type: 'legiscan', name: 'LegiScan (CC BY 4.0)', deltas: true, intervalMs: 21_600_000 },
    ]);
    expect(lines).toHaveLength(1);
    await fetcher.close();
  });
});
