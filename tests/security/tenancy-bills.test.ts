import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier.js';
import { loadVendorCatalog } from '../../src/classify/vendor-catalog.js';
import { DEFAULT_VENDORS_FILE } from '../../src/config/load-config.js';
import type { CommandContext } from '../../src/commands/command.js';
import type { CommandRouter } from '../../src/commands/command-router.js';
import { replyToText } from '../../src/commands/reply.js';
import type { Channel } from '../../src/domain/channel.js';
import type { Item } from '../../src/domain/item.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { Stores } from '../../src/store/open-stores.js';
import { mutableClock } from '../support/mutable-clock.js';
import { tempStores } from '../support/temp-stores.js';
import { testRouter } from '../support/test-router.js';

/**
 * Finding A, for bills: a bill tracked from a stranger's server posted its stages into every
 * channel of the install. Now a bill a workspace or server tracked posts only to its channels;
 * one an operator tracked (or the config file names) goes everywhere as before.
 */
const clock = mutableClock('2026-11-01T12:00:00Z');
const classifier = createClassifier(loadVendorCatalog(DEFAULT_VENDORS_FILE));
const channels: Channel[] = [
  { id: 'operator-sec', type: 'console', origin: 'config' },
  { id: 'discord-222', type: 'discord', channel: '222', origin: 'runtime', tenant: 'discord:600000000000000002' },
];
let stores: Stores;
beforeEach(async () => {
  stores = await tempStores(clock);
});
afterEach(async () => {
  await stores.close();
});

const stageOf = (bill: string): Item => ({
  sourceId: 'congress',
  key: `bill:${bill}:passed-one-chamber`,
  title: `Now tracking ${bill}, passed the House: a bill banning Hikvision and Huawei equipment`,
  link: `https://www.congress.gov/bill/${bill}`,
  publishedAt: new Date('2026-10-30T00:00:00Z'),
  kind: 'bill',
  exemptFromAgeLimit: true,
  thread: {
    key: `bill:${bill}`,
    label: bill,
    stage: 'passed-one-chamber',
    conclusive: false,
    vendors: ['Huawei', 'Hikvision'],
    title: 'A bill',
    chamber: 'House',
  },
});

describe("A: a bill tracked from a server posts only to that server's channels", () => {
  it('routes a scoped bill to its tenant alone, and a global bill everywhere', async () => {
    const at = clock.now().toISOString();
    await stores.trackedBills.add({
      id: 's1-118',
      origin: 'command',
      addedAt: at,
      scope: 'discord:600000000000000002',
    });
    await stores.trackedBills.add({ id: 'hr5515-115', origin: 'command', addedAt: at });
    const report = await ingest(
      { id: 'congress', name: 'Congress.gov', backfill: 0, deltas: true },
      false,
      [stageOf('s1-118'), stageOf('hr5515-115')],
      channels,
      { ...stores, classifier, clock, logger: silentLogger(), maxAgeMs: 14 * 86_400_000 },
    );
    const queued = (await stores.outbox.pending()).map(
      (entry) => `${entry.channelId} ${entry.payload.type === 'alert' ? entry.payload.alert.itemKey : ''}`,
    );
    expect(queued.sort()).toEqual([
      'discord-222 bill:hr5515-115:passed-one-chamber',
      'discord-222 bill:s1-118:passed-one-chamber',
      'operator-sec bill:hr5515-115:passed-one-chamber',
    ]);
    const skipped = report.outcomes.find((o) => o.channels?.some((c) => c.reason?.includes('another workspace')));
    expect(skipped).toBeDefined();
  });
});

describe('a bill that several workspaces and servers track', () => {
  const tenantAdmin = (tenant: string, id: string): CommandContext => ({
    actor: { platform: tenant.startsWith('slack') ? 'slack' : 'discord', id, isAdmin: true, tenant },
  });
  const A = tenantAdmin('discord:600000000000000002', 'UA');
  const B = tenantAdmin('slack:TB', 'UB');
  const operator: CommandContext = { actor: { platform: 'slack', id: 'UOP', isAdmin: true, operator: true } };
  const everyone: Channel[] = [
    ...channels,
    { id: 'slack-b', type: 'slack', channel: 'CB', origin: 'runtime', tenant: 'slack:TB' },
    { id: 'slack-c', type: 'slack', channel: 'CC', origin: 'runtime', tenant: 'slack:TC' },
  ];
  let router: CommandRouter;
  beforeEach(() => {
    router = testRouter(stores, clock);
  });
  /** The channels a stage of the bill is queued for, after one poll's ingest. */
  const queuedFor = async (bill: string, stage: string): Promise<string[]> => {
    const item = { ...stageOf(bill), key: `bill:${bill}:${stage}` };
    await ingest({ id: 'congress', name: 'Congress.gov', backfill: 0, deltas: true }, false, [item], everyone, {
      ...stores,
      classifier,
      clock,
      logger: silentLogger(),
      maxAgeMs: 14 * 86_400_000,
    });
    const pending = await stores.outbox.pending();
    return pending
      .filter((entry) => entry.payload.type === 'alert' && entry.payload.alert.itemKey === item.key)
      .map((entry) => entry.channelId)
      .sort();
  };

  it("follows another tenant's bill instead of refusing it, and each stops on its own", async () => {
    expect((await router.handle(['track', 's1-118', 'Hikvision'], A)).title).toBe('Now tracking S.1 (118th)');
    const followed = await router.handle(['track', 's1-118', 'Zentrix'], B);
    expect(followed.refused).toBeFalsy();
    expect(replyToText(followed)).toMatch(/yours were not added/);
    expect((await router.handle(['track', 's1-118'], B)).title).toMatch(/already tracked/);
    expect(await queuedFor('s1-118', 'passed-one-chamber')).toEqual(['discord-222', 'slack-b']);

    // Neither sees the other's workspace or server, nor its people, in `bills`.
    const listed = JSON.stringify((await router.handle(['bills'], B)).data);
    expect(listed).toContain('s1-118');
    expect(listed).not.toContain('600000000000000002');

    // The tracker leaves: the follower keeps the bill, now as its own.
    expect((await router.handle(['untrack', 's1-118'], A)).title).toBe('Stopped tracking S.1 (118th)');
    expect(await queuedFor('s1-118', 'passed-both-chambers')).toEqual(['slack-b']);
    const [kept] = await stores.trackedBills.list();
    expect(kept).toMatchObject({ id: 's1-118', scope: 'slack:TB' });
    expect(kept?.addedBy).toBeUndefined();
    expect((await router.handle(['untrack', 's1-118'], B)).title).toBe('Stopped tracking S.1 (118th)');
    expect(await stores.trackedBills.list()).toEqual([]);
  });

  it("lets a follower stop without touching the tracker's bill, and an operator make it global", async () => {
    await router.handle(['track', 's1-118'], A);
    await router.handle(['track', 's1-118'], B);
    expect((await router.handle(['untrack', 's1-118'], B)).title).toBe('Stopped tracking S.1 (118th)');
    expect((await router.handle(['untrack', 's1-118'], B)).title).toMatch(/not tracked/);
    expect(await queuedFor('s1-118', 'passed-one-chamber')).toEqual(['discord-222']);

    await router.handle(['track', 's1-118'], B);
    expect((await router.handle(['track', 's1-118', 'Hikvision'], operator)).title).toBe('Now tracking S.1 (118th)');
    expect(await queuedFor('s1-118', 'passed-both-chambers')).toEqual([
      'discord-222',
      'operator-sec',
      'slack-b',
      'slack-c',
    ]);
    // Now the whole install's: only an operator may stop it.
    expect((await router.handle(['untrack', 's1-118'], A)).title).toMatch(/only banwatch's operators/);
    expect((await router.handle(['track', 's1-118'], B)).title).toMatch(/for the whole install/);
  });
});
