import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier.js';
import { loadVendorCatalog } from '../../src/classify/vendor-catalog.js';
import { DEFAULT_VENDORS_FILE } from '../../src/config/load-config.js';
import type { Channel } from '../../src/domain/channel.js';
import type { Item } from '../../src/domain/item.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { Stores } from '../../src/store/open-stores.js';
import { mutableClock } from '../support/mutable-clock.js';
import { tempStores } from '../support/temp-stores.js';

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
