import { billLabel, formatBillId, type BillId } from '../../domain/bill-id.js';
import type { EnactedTextSearch } from '../govinfo/enacted-text.js';
import type { ApiResult, CongressApi } from './congress-api.js';
import type { BillProgress } from './stage-history.js';

/**
 * A short title a measure can be cited by: "FedRAMP Authorization Act", "Secure Equipment Act of
 * 2021". Long titles ("To prohibit ...") are cited by no carrier, so they are not searched.
 */
export function citableTitle(title: string | null | undefined): string | undefined {
  const trimmed = (title ?? '').replace(/\s+/g, ' ').trim();
  if (trimmed.length < 8 || trimmed.length > 160) return undefined;
  if (/^(?:to|a bill|an act|providing|making|expressing)\b/i.test(trimmed)) return undefined;
  return /\bAct(?:,? (?:of )?\d{4})?$/.test(trimmed) ? trimmed : undefined;
}

/**
 * The laws route, for a bill whose related bills name no carrier: the bill's short title is
 * searched among the enrolled bills of its Congress; an enrolled text that says a part of it
 * "may be cited as" that title, of a bill `/law/{congress}` lists as law, enacted it. Both are
 * needed: the short-title clause says the text is the bill's, the laws list that it is law
 * (an enrolled bill may yet be vetoed). The laws list is read only when a text is found.
 */
export async function enactedByLaw(
  api: CongressApi,
  search: EnactedTextSearch,
  bill: BillId,
  title: string | null | undefined,
  signal?: AbortSignal,
): Promise<ApiResult<BillProgress | undefined>> {
  const shortTitle = citableTitle(title);
  if (!shortTitle) return { ok: true, value: undefined };
  const found = await search(shortTitle, bill.congress, signal);
  if (!found.ok) return found;
  const carriers = found.value.filter((hit) => formatBillId(hit.bill) !== formatBillId(bill));
  if (!carriers.length) return { ok: true, value: undefined };
  const laws = await api.laws(bill.congress, signal);
  if (!laws.ok) return laws;
  for (const hit of carriers) {
    const entry = laws.value.find(
      (law) => law.type.toLowerCase() === hit.bill.type && String(law.number) === String(hit.bill.number),
    );
    const law = entry?.laws?.map((one) => one.number ?? '').find(Boolean);
    if (!entry || !law) continue;
    const label = billLabel(hit.bill);
    const where = hit.section.section ? `, ${hit.section.section},` : '';
    return {
      ok: true,
      value: {
        stage: 'enacted',
        ladder: 'enacted',
        date: entry.latestAction?.actionDate?.slice(0, 10) ?? '',
        action: `Enacted as part of ${label}${entry.title ? ` (${entry.title})` : ''}, Public Law ${law}; its enrolled text${where} says it "may be cited as the ${shortTitle}".`,
        law,
        carrier: { id: formatBillId(hit.bill), label, title: entry.title ?? '' },
      },
    };
  }
  return { ok: true, value: undefined };
}
