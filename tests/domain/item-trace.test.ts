import { describe, expect, it } from 'vitest';
import { compactTrace, SKIPPED_GROUP_MIN, type ChannelTrace, type ItemTrace } from '../../src/domain/item-trace.js';

const item = (channels: ChannelTrace[]): ItemTrace => ({ itemKey: 'k', outcome: 'classified', channels });
const skipped = (n: number, reason: string, from = 0): ChannelTrace[] =>
  Array.from({ length: n }, (_, i) => ({ channelId: `c${from + i}`, outcome: 'skipped', reason }));

describe('compactTrace (issue 24: a trace per item over thousands of channels)', () => {
  it('folds the largest group of channels skipped for one reason into one line, keeping every other outcome', () => {
    const queued: ChannelTrace = { channelId: 'q', outcome: 'queued', reason: 'relevant' };
    const filtered = skipped(3, 'filtered: names none of Huawei', 9_000);
    const stored = compactTrace(item([queued, ...skipped(SKIPPED_GROUP_MIN + 10, 'not relevant'), ...filtered]));
    expect(stored.othersSkipped).toBe('not relevant');
    expect(stored.channels).toEqual([queued, ...filtered]);
  });

  it('leaves a trace alone when no reason covers enough channels to be worth folding', () => {
    const small = item(skipped(SKIPPED_GROUP_MIN - 1, 'not relevant'));
    expect(compactTrace(small)).toBe(small);
    const mixed = item([
      ...skipped(SKIPPED_GROUP_MIN - 1, 'not relevant'),
      ...skipped(SKIPPED_GROUP_MIN - 1, "source s1 is not among the channel's sources", 500),
    ]);
    expect(compactTrace(mixed)).toBe(mixed);
  });
});
