import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCommandRouter, instrumentTracker } from '../../src/app/build-commands.js';
import { loadVendorCatalog } from '../../src/classify/vendor-catalog.js';
import { DEFAULT_VENDORS_FILE } from '../../src/config/load-config.js';
import type { CommandContext } from '../../src/commands/command.js';
import type { CommandRouter } from '../../src/commands/command-router.js';
import { replyToText } from '../../src/commands/reply.js';
import type { InstrumentRecord } from '../../src/domain/instrument.js';
import type { Source } from '../../src/domain/source.js';
import { channelDirectory } from '../../src/pipeline/channel-directory.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { Stores } from '../../src/store/open-stores.js';
import { mutableClock } from '../support/mutable-clock.js';
import { runCli } from '../support/run-cli.js';
import { tempStores } from '../support/temp-stores.js';

const clock = mutableClock('2026-11-01T12:00:00Z');
const catalog = loadVendorCatalog(DEFAULT_VENDORS_FILE);
// An operator (config `admins`): bills tracked here are global, as the config file's are.
const admin: CommandContext = {
  actor: { platform: 'slack', id: 'UADMIN', isAdmin: true, operator: true, name: 'ada' },
};
const member: CommandContext = { actor: { platform: 'slack', id: 'UMEMBER', isAdmin: false } };
let stores: Stores;
let router: CommandRouter;
let sources: Source[];

const congressSource = {
  id: 'congress',
  name: 'Congress.gov',
  intervalMs: 1,
  backfill: 0,
  type: 'congress',
  poll: async () => ({ ok: true as const, items: [], cursor: {} }),
};
const enacted: InstrumentRecord = {
  key: 'bill:hr5515-115',
  kind: 'bill',
  label: 'H.R.5515 (115th)',
  title: 'John S. McCain National Defense Authorization Act for Fiscal Year 2019',
  reference: 'Public Law 115-232',
  stage: 'enacted',
  date: '2018-08-13',
  lastAction: '2018-08-13: Signed by President.',
  url: 'https://www.congress.gov/bill/115th-congress/house-bill/5515',
  vendors: ['Huawei', 'Hikvision'],
  sourceId: 'congress',
  updatedAt: '2026-11-01T11:00:00.000Z',
};

beforeEach(async () => {
  stores = await tempStores(clock);
  sources = [congressSource];
  router = buildCommandRouter({
    stores,
    catalog,
    channels: channelDirectory([], stores.channels),
    sources: () => sources,
    clock,
    logger: silentLogger(),
    maxAgeDays: 14,
    configuredBills: () => [{ id: 'hr5515-115', vendors: ['Hikvision'] }],
  });
});
afterEach(async () => {
  await stores.close();
});

describe('track and untrack', () => {
  it('tracks a bill for admins, with its own watch terms spelled as the catalog does', async () => {
    const answer = await router.handle(['track', 'H.R.2881-116', 'hikvision', 'Unitree Robotics'], admin);
    expect(answer.refused).toBeFalsy();
    expect(answer.title).toBe('Now tracking H.R.2881 (116th)');
    expect(answer.visibility).toBe('channel');
    expect(await stores.trackedBills.list()).toEqual([
      {
        id: 'hr2881-116',
        origin: 'command',
        addedAt: clock.now().toISOString(),
        addedBy: 'ada',
        vendors: ['Hikvision', 'Unitree Robotics'],
      },
    ]);
    expect((await router.handle(['track', 'hr2881-116'], admin)).title).toMatch(/already tracked/);
  });

  it('refuses members, bad ids and bills the config file owns, changing nothing', async () => {
    expect((await router.handle(['track', 'hr2881-116'], member)).title).toBe('Not allowed');
    expect((await router.handle(['untrack', 'hr2881-116'], member)).title).toBe('Not allowed');
    const bad = await router.handle(['track', 'hr2881'], admin);
    expect(bad.refused).toBe(true);
    expect(bad.title).toContain('Name a bill as type, number and congress');
    expect((await router.handle(['track', 'hr5515-115'], admin)).title).toContain(
      'already tracked: it is in the config file',
    );
    expect((await router.handle(['untrack', 'hr5515-115'], admin)).title).toContain('remove it there');
    expect((await router.handle(['untrack', 'hr1-116'], admin)).title).toContain('is not tracked');
    expect(await stores.trackedBills.list()).toEqual([]);
  });

  it('untracks a bill tracked from chat', async () => {
    await router.handle(['track', 'hr2881-116'], admin);
    const answer = await router.handle(['untrack', 'HR2881-116'], admin);
    expect(answer.title).toBe('Stopped tracking H.R.2881 (116th)');
    expect(await stores.trackedBills.list()).toEqual([]);
  });
});

describe('bills', () => {
  it('lists config and tracked bills with stage, last action and date, and the rules seen', async () => {
    await stores.instruments.record(enacted);
    await stores.instruments.record({
      ...enacted,
      key: 'rule:9000-AN83',
      kind: 'rule',
      label: 'RIN 9000-AN83',
      title: 'Prohibition on Contracting for Certain Telecommunications and Video Surveillance Services or Equipment',
      reference: 'FR Doc 2019-17201',
      stage: 'effective',
      date: '2019-08-13',
      url: 'https://www.federalregister.gov/d/2019-17201',
    });
    await router.handle(['track', 'hr2881-116'], admin);
    const answer = await router.handle(['bills'], member);
    const text = replyToText(answer);
    expect(text).toContain(
      'H.R.5515 (115th) / Public Law 115-232: John S. McCain National Defense Authorization Act for Fiscal Year 2019 — enacted (2018-08-13) — 2018-08-13: Signed by President.',
    );
    expect(text).toContain('H.R.2881 (116th) — waiting for its first poll (tracked from chat)');
    expect(text).toContain(
      'RIN 9000-AN83 / FR Doc 2019-17201: Prohibition on Contracting for Certain Telecommunications and Video Surveillance Services or Equipment — in effect (2019-08-13)',
    );
    expect(text).not.toContain('not being polled');
  });

  it('says when no congress source runs', async () => {
    sources = [];
    expect(replyToText(await router.handle(['bills'], member))).toContain(
      'No congress source is running (CONGRESS_API_KEY is not set)',
    );
  });

  it('feeds the vendor lookup the instruments that name a vendor, by canonical name', async () => {
    await stores.instruments.record(enacted);
    expect(await instrumentTracker(stores.instruments).forVendor('Hikvision')).toEqual([
      {
        label: 'H.R.5515 (115th) / Public Law 115-232',
        title: enacted.title,
        stage: 'enacted',
        date: '2018-08-13',
        url: enacted.url,
      },
    ]);
    expect(await instrumentTracker(stores.instruments).forVendor('DJI')).toEqual([]);
    const lookup = replyToText(await router.handle(['vendor', 'ezviz'], member));
    expect(lookup).toContain('Tracked bills and rules:');
    expect(lookup).toContain(
      'H.R.5515 (115th) / Public Law 115-232 — John S. McCain National Defense Authorization Act for Fiscal Year 2019 — enacted (2018-08-13)',
    );
  });
});

describe('on the command line', () => {
  it('track, bills and untrack work as CLI commands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'banwatch-bills-cli-'));
    const config = join(dir, 'banwatch.yaml');
    writeFileSync(
      config,
      `store: sqlite://${join(dir, 'state.sqlite')}\nsources:\n  - {id: congress, type: congress, bills: [hr5515-115]}\n`,
    );
    const track = await runCli(['track', 'hr2881-116', '--config', config]);
    expect(track).toMatchObject({ status: 0 });
    expect(track.stdout).toContain('Now tracking H.R.2881 (116th)');
    expect(track.stdout).toContain('No congress source is running yet');
    const bills = await runCli(['bills', '--json', '--config', config]);
    const listed = JSON.parse(bills.stdout) as { bills: Array<{ id: string; origin: string }> };
    expect(listed.bills.map((b) => [b.id, b.origin])).toEqual([
      ['hr5515-115', 'config'],
      ['hr2881-116', 'command'],
    ]);
    expect((await runCli(['untrack', 'hr5515-115', '--config', config])).status).toBe(1);
    expect((await runCli(['untrack', 'hr2881-116', '--config', config])).stdout).toContain(
      'Stopped tracking H.R.2881 (116th)',
    );
    expect((await runCli(['help'])).stdout).toMatch(/track BILL \[VENDOR\.\.\.\]/);
  });
});
