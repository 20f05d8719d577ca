import { describe, expect, it } from 'vitest';
import type { Channel } from '../../src/domain/channel.js';
import type { Item } from '../../src/domain/item.js';
import type { WatchTerm } from '../../src/domain/watch-term.js';
import { routeItem } from '../../src/pipeline/router.js';
import { classifier } from '../classify/default-classifier.js';

/**
 * GIVEN a channel that only wants Huawei, and watch terms imported from a supplier list (a name
 * with aliases)
 * WHEN an item names a supplier by one of its aliases
 * THEN the alias counts as the term: it widens past the filter, and an alias of a mute mutes.
 */
const channel: Channel = { id: 'suppliers', type: 'console', origin: 'config', vendors: ['Huawei'] };
const at = '2026-11-01T00:00:00.000Z';
const item = (title: string): Item => ({ sourceId: 'news', key: title, title, kind: 'news' });
const route = (title: string, terms: WatchTerm[]) => {
  const it = item(title);
  return routeItem(it, classifier.classify({ title: it.title }), channel, terms, classifier);
};

describe('watch terms with aliases', () => {
  const supplier: WatchTerm = { term: 'Acme Robotics', aliases: ['AcmeBot'], mode: 'vendor', addedAt: at };

  it('routes an item that names a vendor term by its alias', () => {
    const decision = route('Commerce bans AcmeBot drones from federal networks', [supplier]);
    expect(decision).toMatchObject({ deliver: true, matchedBy: 'watch term "AcmeBot"' });
    // Without the alias, the channel's vendor filter keeps it out.
    expect(route('Commerce bans AcmeBot drones from federal networks', [{ ...supplier, aliases: [] }])).toMatchObject({
      deliver: false,
    });
  });

  it('mutes an item that names a muted term by its alias', () => {
    const mute: WatchTerm = { term: 'Huawei Cloud', aliases: ['HuaweiCloud'], mode: 'mute', addedAt: at };
    expect(route('US bans Huawei gear; HuaweiCloud unaffected', [mute])).toEqual({
      deliver: false,
      reason: 'muted by watch term "Huawei Cloud"',
    });
    expect(route('US bans Huawei gear; HuaweiCloud unaffected', [{ ...mute, aliases: [] }])).toMatchObject({
      deliver: true,
    });
  });
});
