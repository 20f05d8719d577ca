import { govJson } from './gov-fixtures.js';

interface ActionJson {
  actionDate: string;
  text: string;
}

const record = govJson<{ bill: Record<string, unknown> }>('constructed/hr5515-115.bill.json').bill;
const actions = govJson<{ actions: ActionJson[] }>('constructed/hr5515-115.actions.json').actions;

/**
 * H.R.5515 (115th) as Congress.gov showed it at the end of `day`: the actions up to that day
 * (newest first), its latest action, its law once signed, and the given `updateDate` (which
 * Congress.gov also moves for summary edits that change no action).
 */
export function hr5515At(day: string, updateDate: string): { record: Record<string, unknown>; actions: ActionJson[] } {
  const shown = actions.filter((action) => action.actionDate <= day);
  const latest = shown[0];
  return {
    record: {
      ...record,
      updateDate,
      actions: { count: shown.length, url: 'https://api.congress.gov/v3/bill/115/hr/5515/actions?format=json' },
      latestAction: latest ? { actionDate: latest.actionDate, text: latest.text } : null,
      laws: day >= '2018-08-13' ? record.laws : [],
    },
    actions: shown,
  };
}
