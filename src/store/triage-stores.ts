import type { MentionRule } from '../domain/mention-rule.js';
import {
  TRIAGE_ACTIONS,
  verdictKey,
  type MentionRuleStore,
  type TriageStore,
  type TriageVerdict,
} from '../domain/triage.js';
import type { StoreBackend } from './backend.js';

/**
 * Triage verdicts in the ordered space `triage`, one entry per channel, alert and action: the
 * append is the backend's atomic set-if-absent, so two presses racing on two instances still
 * record one verdict, and the first presser stays the one shown.
 */
export function createTriageStore(backend: StoreBackend): TriageStore {
  const space = backend.ordered<TriageVerdict>('triage');
  return {
    record: (verdict) => space.append(verdictKey(verdict.channelId, verdict.ref, verdict.action), verdict),
    async forAlert(channelId, ref) {
      const found = await Promise.all(TRIAGE_ACTIONS.map((action) => space.get(verdictKey(channelId, ref, action))));
      return found.filter((v): v is TriageVerdict => v !== undefined);
    },
    async list(action) {
      const all = (await space.list()).map((entry) => entry.value);
      return action ? all.filter((v) => v.action === action) : all;
    },
  };
}

/** Mention rules set from chat, one document per channel in `mentions`. */
export function createMentionRuleStore(backend: StoreBackend): MentionRuleStore {
  const space = backend.keyValue('mentions');
  return {
    list: async (channelId) => (await space.get<MentionRule[]>(channelId)) ?? [],
    replace: (channelId, rules) => space.set(channelId, [...rules]),
  };
}
