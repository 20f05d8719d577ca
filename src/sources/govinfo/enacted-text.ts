import { parseBillId, type BillId } from '../../domain/bill-id.js';
import type { SourceFailure } from '../../domain/source.js';
import type { GovinfoApi } from './govinfo-api.js';
import { billIdOfPackage } from './govinfo-schema.js';
import { shortTitleSection, type MatchedSection } from './section-match.js';

/** An enrolled bill whose text gives a measure's short title: that measure was enacted inside it. */
export interface EnactedTextHit {
  bill: BillId;
  packageId: string;
  section: MatchedSection;
}

export type EnactedTextSearch = (
  shortTitle: string,
  congress: number,
  signal?: AbortSignal,
) => Promise<{ ok: true; value: EnactedTextHit[] } | { ok: false; failure: SourceFailure }>;

/** Enrolled texts read per search at most (a short title is cited by one or two enrolled bills). */
const MAX_TEXTS = 5;

/**
 * Searches GovInfo's enrolled bills (`billversion:enr`) of one Congress for a short title, and
 * keeps those whose text says the title "may be cited as" it: the text as passed by both
 * chambers, so enacted once the bill is law (the laws list tells that). The search matches
 * words anywhere; the short-title clause is the evidence.
 */
export function enactedTextSearch(api: GovinfoApi): EnactedTextSearch {
  return async (shortTitle, congress, signal) => {
    const query = `collection:(BILLS) AND congress:${congress} AND billversion:enr AND "${shortTitle.replace(/"/g, '')}"`;
    const answer = await api.search(query, '*', signal);
    if (!answer.ok) return answer;
    const hits: EnactedTextHit[] = [];
    const enrolled = answer.value.results.filter((result) => /enr$/i.test(result.packageId)).slice(0, MAX_TEXTS);
    for (const result of enrolled) {
      const id = billIdOfPackage(result.packageId);
      const bill = id ? parseBillId(id) : undefined;
      if (!bill || bill.congress !== congress) continue;
      const text = await api.packageXml(result.packageId, signal);
      if (!text.ok) return text;
      const section = shortTitleSection(text.value, shortTitle);
      if (section) hits.push({ bill, packageId: result.packageId, section });
    }
    return { ok: true, value: hits };
  };
}
