import { billLabel, formatBillId, parseBillId } from '../../domain/bill-id.js';
import type { ApiResult, CongressApi } from './congress-api.js';
import type { BillProgress } from './stage-history.js';

/**
 * Relations under which another bill's enactment enacts this one's text: an identical bill, or
 * a measure the text was incorporated into (an NDAA, an appropriations or aid package).
 * "Related bill" and "Procedurally-related" say nothing about the text and do not count.
 */
const CARRIES = /\bidentical\b|\bincorporat/i;

/**
 * Whether the bill's text became law inside another measure: its related bills are read and
 * each carrying one's record is checked for a law. Returns the enacted stage naming the
 * carrier ("enacted as part of H.R.7776 (117th), Public Law 117-263"), or undefined.
 */
export async function enactedElsewhere(
  api: CongressApi,
  bill: Parameters<CongressApi['relatedBills']>[0],
  signal?: AbortSignal,
): Promise<ApiResult<BillProgress | undefined>> {
  const related = await api.relatedBills(bill, signal);
  if (!related.ok) return related;
  for (const candidate of related.value) {
    const relation = (candidate.relationshipDetails ?? [])
      .map((detail) => detail.type ?? '')
      .find((type) => CARRIES.test(type));
    if (!relation) continue;
    const carrier = parseBillId(`${candidate.type}${candidate.number}-${candidate.congress}`);
    if (!carrier || formatBillId(carrier) === formatBillId(bill)) continue;
    const record = await api.bill(carrier, signal);
    if (!record.ok) {
      if (record.notFound) continue;
      return record;
    }
    const law = record.value.laws?.map((entry) => entry.number ?? '').find(Boolean);
    if (!law) continue;
    const latest = record.value.latestAction;
    const label = billLabel(carrier);
    return {
      ok: true,
      value: {
        stage: 'enacted',
        ladder: 'enacted',
        date: latest?.actionDate?.slice(0, 10) ?? '',
        action: `Enacted as part of ${label}${record.value.title ? ` (${record.value.title})` : ''}, Public Law ${law}; Congress.gov relates the two as "${relation}".`,
        law,
        carrier: { id: formatBillId(carrier), label, title: record.value.title ?? '' },
      },
    };
  }
  return { ok: true, value: undefined };
}
