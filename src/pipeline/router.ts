import type { Channel } from '../domain/channel.js';
import type { Classification, Classifier } from '../domain/classification.js';
import type { Item } from '../domain/item.js';
import { mentions, prepareText, termNames, type WatchTerm } from '../domain/watch-term.js';

export type RouteDecision =
  { deliver: true; matchedBy: string; classification: Classification } | { deliver: false; reason: string };

/** Why a channel whose source filter leaves a feed out gets none of its items (routing and ingest's shortcut). */
export function notAmongSources(sourceId: string): string {
  return `source ${sourceId} is not among the channel's sources`;
}

/**
 * Decides whether one channel gets one item, in this order:
 * 1. a mute term mentioned in the item: never (a mute always wins);
 * 2. the channel's source filter;
 * 3. an `--all` watch term mentioned: always;
 * 4. a vendor watch term mentioned, and the text is relevant with that term as a vendor: yes;
 * 5. otherwise the item must be relevant, name one of the channel's vendors (when it has a
 *    vendor filter) and reach its minimum score.
 * Watch terms widen past the vendor and score filters on purpose: an admin asked for them.
 */
export function routeItem(
  item: Item,
  classification: Classification,
  channel: Channel,
  terms: readonly WatchTerm[],
  classifier: Classifier,
  /** The item's text prepared for term matching; only asked for when the channel has watch terms. */
  prepared: () => string = () => prepareText(`${item.title} ${item.summary ?? ''}`),
): RouteDecision {
  // A term counts as mentioned when it or one of its aliases is.
  const named = (term: WatchTerm) => termNames(term).filter((name) => mentions(prepared(), name));
  const mentioned = terms.length ? terms.filter((term) => named(term).length > 0) : [];
  const mute = mentioned.find((term) => term.mode === 'mute');
  if (mute) return { deliver: false, reason: `muted by watch term "${mute.term}"` };
  if (channel.sources && !channel.sources.includes(item.sourceId)) {
    return { deliver: false, reason: notAmongSources(item.sourceId) };
  }
  const all = mentioned.find((term) => term.mode === 'all');
  if (all) return { deliver: true, matchedBy: `watch term "${all.term}" (--all)`, classification };

  const vendorTerms = mentioned.filter((term) => term.mode === 'vendor').flatMap(named);
  if (vendorTerms.length) {
    const widened = classifier.classify({ title: item.title, summary: item.summary }, { extraVendors: vendorTerms });
    if (widened.relevant) {
      const hits = vendorTerms.filter((term) => widened.vendors.includes(term));
      return {
        deliver: true,
        matchedBy: `watch term "${(hits[0] ?? vendorTerms[0]) as string}"`,
        classification: widened,
      };
    }
  }

  if (!classification.relevant) return { deliver: false, reason: 'not relevant' };
  // A modified list entry (a new alias, a new address) is news only to a channel that asked for that vendor.
  if (item.listing?.change === 'modified' && !channel.vendors?.length)
    return { deliver: false, reason: 'a modified list entry goes only to channels whose vendor filter names it' };
  if (channel.vendors?.length) {
    const wanted = new Set(channel.vendors.map((vendor) => vendor.toLowerCase()));
    if (!classification.vendors.some((vendor) => wanted.has(vendor.toLowerCase()))) {
      return { deliver: false, reason: `filtered: names none of ${channel.vendors.join(', ')}` };
    }
  }
  if (channel.minScore !== undefined && classification.score < channel.minScore) {
    return {
      deliver: false,
      reason: `filtered: score ${classification.score.toFixed(2)} is below ${channel.minScore}`,
    };
  }
  return { deliver: true, matchedBy: 'relevant', classification };
}
