import type { Classification, Classifier } from '../domain/classification.js';
import type { Item } from '../domain/item.js';

/**
 * News is classified from its text alone. A stage of a tracked bill or rule is relevant by
 * construction (it is tracked because it matters); its text still names vendors, stage and
 * jurisdiction when it can, and the tracked bill's own vendors are always added.
 */
export function classifyItem(item: Item, classifier: Classifier): Classification {
  const base = classifier.classify({ title: item.title, summary: item.summary });
  if (!item.thread) return base;
  const vendors = [...new Set([...base.vendors, ...(item.thread.vendors ?? [])])];
  return {
    ...base,
    relevant: true,
    score: Math.max(base.score, 0.9),
    vendors,
    action: base.action === 'none' ? 'restriction' : base.action,
    jurisdiction: base.jurisdiction === 'none' ? 'US-federal' : base.jurisdiction,
    reasons: [`tracked ${item.kind} ${item.thread.label} reached stage ${item.thread.stage}`, ...base.reasons],
  };
}
