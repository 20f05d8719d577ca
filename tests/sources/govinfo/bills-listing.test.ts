import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../src/commands/command.js';
import type { CommandRouter } from '../../../src/commands/command-router.js';
import { replyToText } from '../../../src/commands/reply.js';
import type { Stores } from '../../../src/store/open-stores.js';
import { mutableClock } from '../../support/mutable-clock.js';
import { tempStores } from '../../support/temp-stores.js';
import { testRouter } from '../../support/test-router.js';

/** `bills` shows why a bill found by its text is tracked, and the law that carried a bill's text. */
const clock = mutableClock('2026-11-01T12:00:00Z');
const member: CommandContext = { actor: { platform: 'slack', id: 'UMEMBER', isAdmin: false } };
let stores: Stores;
let router: CommandRouter;

beforeEach(async () => {
  stores = await tempStores(clock);
  router = testRouter(stores, clock, {
    sources: () => [
      {
        id: 'congress',
        name: 'Congress.gov',
        intervalMs: 1,
        backfill: 0,
        type: 'congress',
        poll: async () => ({ ok: true as const, items: [], cursor: {} }),
      },
    ],
  });
});
afterEach(async () => {
  await stores.close();
});

describe('bills, for bills found by their text or enacted inside another measure', () => {
  it('shows the matched section and the carrier law', async () => {
    await stores.trackedBills.add({
      id: 'hr264-116',
      origin: 'discovery',
      addedAt: '2026-11-01T11:00:00.000Z',
      vendors: ['Huawei', 'ZTE'],
      matched: {
        section: 'Sec. 632',
        term: 'Huawei',
        excerpt:
          '...to acquire telecommunications equipment produced by Huawei Technologies Company, ZTE Corporation...',
      },
    });
    await stores.trackedBills.add({ id: 'hr21-117', origin: 'command', addedAt: '2026-11-01T11:00:00.000Z' });
    await stores.instruments.record({
      key: 'bill:hr21-117',
      kind: 'bill',
      label: 'H.R.21 (117th)',
      title: 'FedRAMP Authorization Act',
      reference: 'Public Law 117-263 (as part of H.R.7776 (117th))',
      stage: 'enacted',
      date: '2022-12-23',
      vendors: [],
      sourceId: 'congress',
      updatedAt: '2026-11-01T11:00:00.000Z',
    });
    const text = replyToText(await router.handle(['bills'], member));
    expect(text).toContain(
      'H.R.264 (116th) — waiting for its first poll (found by its text: Sec. 632: "...to acquire telecommunications equipment produced by Huawei Technologies Company, ZTE Corporation...")',
    );
    expect(text).toContain(
      'H.R.21 (117th) / Public Law 117-263 (as part of H.R.7776 (117th)): FedRAMP Authorization Act — enacted (2022-12-23)',
    );
  });

  it('vendor NAME shows the section a bill was found by', async () => {
    await stores.trackedBills.add({
      id: 'hr264-116',
      origin: 'discovery',
      addedAt: '2026-11-01T11:00:00.000Z',
      vendors: ['Huawei', 'ZTE'],
      matched: {
        section: 'Sec. 632',
        term: 'Huawei',
        excerpt: '...equipment produced by Huawei Technologies Company...',
      },
    });
    // As the congress source records it once polled (the engrossed text is the House's passage).
    await stores.instruments.record({
      key: 'bill:hr264-116',
      kind: 'bill',
      label: 'H.R.264 (116th)',
      title:
        'Making appropriations for financial services and general government for the fiscal year ending September 30, 2019, and for other purposes.',
      stage: 'passed-one-chamber',
      date: '2019-01-09',
      vendors: ['Huawei', 'ZTE'],
      sourceId: 'congress',
      updatedAt: '2026-11-01T11:00:00.000Z',
    });
    const text = replyToText(await router.handle(['vendor', 'Huawei'], member));
    expect(text).toContain('found by its text: Sec. 632: "...equipment produced by Huawei Technologies Company..."');
  });
});
