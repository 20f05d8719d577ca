import { stagePhrase } from '../domain/alert-text.js';
import type { Classification, Classifier } from '../domain/classification.js';
import type { Item } from '../domain/item.js';

/**
 * News is classified from its text alone. A stage of a tracked bill or rule is relevant by
 * construction (it is tracked because it matters); its text still names vendors, stage and
 * jurisdiction when it can, and the tracked bill's own vendors are always added. Its reasons
 * say that, first; the classifier's own reasons follow only when the text made the case too,
 * else only the vendors it found (its "no ban cue" would read as a contradiction).
 */
export function classifyItem(item: Item, classifier: Classifier): Classification {
  const base = classifier.classify({ title: item.title, summary: item.summary });
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
    jurisdiction: base.jurisdiction === 'none' ? 'US-federal' : base.jurisdiction,
    reasons: [tracked, ...own, ...found],
  };
}
