import { stagePhrase } from '../domain/alert-text.js';
import type { Classification, Classifier } from '../domain/classification.js';
import type { Item } from '../domain/item.js';
import type { ListingChange } from '../domain/list-entry.js';

/**
 * News is classified from its text alone. A stage of a tracked bill or rule is relevant by
 * construction (it is tracked because it matters); its text still names vendors, stage and
 * jurisdiction when it can, and the tracked bill's own vendors are always added. Its reasons
 * say that, first; the classifier's own reasons follow only when the text made the case too,
 * else only the vendors it found (its "no ban cue" would read as a contradiction).
 */
export function classifyItem(item: Item, classifier: Classifier): Classification {
  const base = classifier.classify({ title: item.title, summary: item.summary });
  if (item.listing) return listingClassification(item.listing, base);
  const thread = item.thread;
  if (!thread) return base;
  const vendors = [...new Set([...base.vendors, ...(thread.vendors ?? [])])];
  const tracked = `tracked ${item.kind} ${thread.label}: ${stagePhrase(thread.stage, thread.chamber)}`;
  const own = thread.vendors?.length ? [`watch terms of ${thread.label}: ${thread.vendors.join(', ')}`] : [];
  const found = base.relevant ? base.reasons : base.reasons.filter((reason) => reason.startsWith('vendor '));
  return {
    ...base,
    relevant: true,
    score: Math.max(base.score, 0.9),
    vendors,
    action: base.action === 'none' ? 'restriction' : base.action,
    // The source knows where the bill is (a state legislature); the text's reading is only a fallback.
    jurisdiction: thread.jurisdiction ?? (base.jurisdiction === 'none' ? 'US-federal' : base.jurisdiction),
    reasons: [tracked, ...own, ...found],
  };
}

/**
 * A change of an official restriction list is relevant by definition: the list says so. Its
 * reasons name the list and the citation, then the names the catalogue does not know (new
 * vendors); vendors are the catalogue's, matched by the source on names and aliases.
 */
function listingClassification(listing: ListingChange, base: Classification): Classification {
  const what = listing.change === 'added' ? 'added to' : listing.change === 'removed' ? 'removed from' : 'updated on';
  const citation = listing.citation ? ` (${listing.citation})` : '';
  const unknown = listing.others.length
    ? [
        `not in the vendor catalogue: ${listing.others.slice(0, 10).join('; ')}${listing.others.length > 10 ? ` and ${listing.others.length - 10} more` : ''}`,
      ]
    : [];
  const fresh = (listing.newVendors ?? []).slice(0, 5);
  const guessed = new Set(base.vendorsNew ?? []);
  return {
    ...base,
    relevant: true,
    score: 1,
    // Companies the catalogue lacks are reported as new vendors (a few: the text names the rest).
    // The classifier's own guesses at unknown names in the title are replaced by the list's.
    vendors: [...new Set([...listing.vendors, ...base.vendors.filter((v) => !guessed.has(v)), ...fresh])],
    vendorsNew: fresh.length ? fresh : undefined,
    action: listing.change === 'removed' ? 'lift' : listing.action,
    stage: listing.change === 'removed' ? 'lifted' : 'in-effect',
    jurisdiction: 'US-federal',
    reasons: [`${listing.count} ${what} the ${listing.list}${citation}, by the list itself`, ...unknown],
  };
}
