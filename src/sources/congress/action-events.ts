import type { Chamber } from '../../domain/bill-stage.js';

/** One action on a bill, as Congress.gov, BILLSTATUS or a scraper reports it. */
export interface BillAction {
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM:SS when the chamber recorded one (House floor actions); orders actions of one day. */
  time?: string;
  text: string;
  /**
   * The action code as given: Library of Congress codes are numbers (`8000`, `36000`); House
   * floor codes (`H37300`) and `Intro-H` are other vocabularies whose numbers collide with the
   * Library's (H21000 is a subcommittee hearing, 21000 a conference report), so they are never
   * read as Library codes.
   */
  code?: string;
  /** Who recorded it, when known (Congress.gov `sourceSystem`, a scraper's `where`). */
  recordedBy?: 'library-of-congress' | 'house' | 'senate' | 'committee';
}

/** What an action did to the bill's progress; most actions do nothing that matters here. */
export type BillEvent =
  | { kind: 'introduced'; chamber?: Chamber }
  | { kind: 'referred' }
  | { kind: 'reported' }
  | { kind: 'passed'; chamber?: Chamber; amended: boolean }
  | { kind: 'failed'; chamber?: Chamber }
  /** `final`: one chamber agreed to the other's amendment as it stood, which ends the exchange. */
  | { kind: 'resolving'; chamber?: Chamber; final: boolean }
  | { kind: 'conference-agreed'; chamber?: Chamber }
  | { kind: 'presented' }
  | { kind: 'signed' }
  | { kind: 'became-law'; law?: string }
  | { kind: 'vetoed' }
  | { kind: 'override'; chamber?: Chamber; passed: boolean };

const LIBRARY_CODE = /^\d{4,5}$/;

/** True when the list carries Library of Congress codes, the controlled vocabulary to trust. */
export function hasLibraryCodes(actions: readonly BillAction[]): boolean {
  return actions.some((action) => LIBRARY_CODE.test(action.code ?? ''));
}

/**
 * The events of one action. With `coded` (the list has Library of Congress codes), only
 * Library-coded actions count, read by code and text, plus committee referrals, which the
 * Library does not code; the chambers' own uncoded duplicates ("Motion ... to concur ...
 * withdrawn") are not read, so they cannot be mistaken for what they only mention. Without
 * codes (older scraped histories), every action is read by its text.
 */
export function actionEvents(action: BillAction, coded: boolean): BillEvent[] {
  const code = action.code ?? '';
  if (coded && !LIBRARY_CODE.test(code)) return REFERRED.test(action.text) ? [{ kind: 'referred' }] : [];
  if (coded) {
    const event = codedEvent(Number(code), action);
    if (event) return [event];
  }
  return textEvents(action);
}

function chamberOf(text: string, action: BillAction): Chamber | undefined {
  // The acting chamber first ("the House agree to the Senate amendments"), then where it happened.
  const named =
    /^(House|Senate)\b|\bthe (House|Senate) (?:agree|agreed|concur|concurred|disagree|disagreed|insist|insists|insisted)\b/i.exec(
      text,
    ) ?? /\b(?:in|passed|agreed to in) (?:the )?(House|Senate)\b/i.exec(text);
  const name = named?.slice(1).find(Boolean)?.toLowerCase();
  if (name === 'house') return 'House';
  if (name === 'senate') return 'Senate';
  if (action.recordedBy === 'house') return 'House';
  if (action.recordedBy === 'senate') return 'Senate';
  return undefined;
}

const AMENDED = /\bwith (?:an )?amendments?\b|\bas amended\b/i;

function codedEvent(code: number, action: BillAction): BillEvent | undefined {
  const text = action.text;
  switch (code) {
    case 1000:
      return { kind: 'introduced', chamber: 'House' };
    case 10000:
      return { kind: 'introduced', chamber: 'Senate' };
    case 2000:
    case 3000:
    case 11000:
      return { kind: 'referred' };
    case 5000:
    case 14000:
    case 14500:
      return { kind: 'reported' };
    case 8000:
      return { kind: 'passed', chamber: 'House', amended: AMENDED.test(text) };
    case 17000:
      return { kind: 'passed', chamber: 'Senate', amended: AMENDED.test(text) && !/without amendment/i.test(text) };
    case 9000:
      return { kind: 'failed', chamber: 'House' };
    case 18000:
      return { kind: 'failed', chamber: 'Senate' };
    case 28000:
      return { kind: 'presented' };
    case 31000:
      return { kind: 'vetoed' };
    case 36000:
      // One code for two events: the text says which.
      return BECAME_LAW.test(text) ? { kind: 'became-law', law: lawNumber(text) } : { kind: 'signed' };
    default:
      if (code >= 19000 && code < 21000) return resolvingEvent(text, code < 20000 ? 'House' : 'Senate');
      return undefined;
  }
}

const BECAME_LAW = /\bbecame (?:public|private) law\b/i;
const REFERRED =
  /\breferred to (?:the )?(?:house |senate )?(?:committee|subcommittee)|\bread twice and referred\b|^referred to (?:house|senate) /i;
const REPORTED =
  /^reported (?:\(amended\) )?by\b|\bordered to be reported\b|\breported by (?:senator|representative|mr\.|ms\.|mrs\.)|^reported to (?:the )?(?:house|senate)|\bdischarged (?:by|from)\b|committee [^.]*discharged/i;
const OVERRIDE =
  /\bover (?:the )?(?:president's )?veto\b|objections of the president to the contrary notwithstanding|two-thirds of the members present having voted in the affirmative/i;
const CONFERENCE_AGREED =
  /conference report agreed to in (?:the )?(house|senate)|^on agreeing to the conference report agreed to|\b(house|senate) agreed to (?:the )?conference report/i;
const RESOLVING =
  /^resolving differences|\bconferees?\b|\bconference\b|\b(?:agree|agreed|concur|concurred|disagree|disagreed|insist|insists|insisted)\b[^.]*\b(?:house|senate) amendments?\b/i;
const CONCURRENCE = /\b(?:agree|agreed|concur|concurred) (?:to|in) (?:the )?(?:house|senate) amendments?\b/i;
const NOT_CONCLUDED =
  /\bwith (?:an )?amendments?\b|\bdisagree|\brequest(?:s|ed)? a conference|^motion (?:by|to)\b|\bmade in (?:the )?(?:house|senate)\b|\bwithdrawn\b|\btabled\b|\bnot agreed\b|\bfailed\b/i;
const HOUSE_VOTE =
  /^on (?:motion to suspend the rules and pass the (?:bill|resolution)|passage|agreeing to the resolution)\b/i;

function resolvingEvent(text: string, chamber: Chamber | undefined): BillEvent {
  const body = text.replace(/^resolving differences -- (?:house|senate) actions:\s*/i, '');
  const final = CONCURRENCE.test(body) && !NOT_CONCLUDED.test(body) && /\b(?:agreed|concurred)\b/i.test(body);
  return { kind: 'resolving', chamber, final };
}

function lawNumber(text: string): string | undefined {
  return /\blaw no:?\s*(\d+-\d+)/i.exec(text)?.[1];
}

/** Rules on the wording of actions, most specific first; returns what one action did. */
function textEvents(action: BillAction): BillEvent[] {
  const text = action.text.trim();
  const chamber = chamberOf(text, action);
  if (BECAME_LAW.test(text)) return [{ kind: 'became-law', law: lawNumber(text) }];
  if (/^signed by (?:the )?president\b/i.test(text)) return [{ kind: 'signed' }];
  if (/^vetoed by (?:the )?president\b|\bpocket vetoed\b/i.test(text)) return [{ kind: 'vetoed' }];
  if (OVERRIDE.test(text)) {
    // Only the vote's result is an event: the debate and postponement on "the question of
    // passage, the objections of the President ... notwithstanding" only mention it.
    if (/\bfailed\b|\bsustained\b|\bnot (?:agreed|passed)\b/i.test(text))
      return [{ kind: 'override', chamber, passed: false }];
    if (/\bpassed\b|voted in the affirmative/i.test(text)) return [{ kind: 'override', chamber, passed: true }];
    return [];
  }
  if (/^presented to (?:the )?president\b/i.test(text)) return [{ kind: 'presented' }];
  const conference = CONFERENCE_AGREED.exec(text);
  if (conference) {
    const named = (conference[1] ?? conference[2])?.toLowerCase();
    return [
      { kind: 'conference-agreed', chamber: named === 'house' ? 'House' : named === 'senate' ? 'Senate' : chamber },
    ];
  }
  if (RESOLVING.test(text)) return [resolvingEvent(text, chamber)];
  if (/^failed of passage(?:\/not agreed to)? in (?:the )?(?:house|senate)/i.test(text))
    return [{ kind: 'failed', chamber }];
  if (
    /^passed\/agreed to in (?:the )?(?:house|senate)|^passed (?:the )?(?:house|senate)\b|^(?:measure|resolution|bill) passed (?:the )?(?:house|senate)|^resolution agreed to in (?:the )?(?:house|senate)/i.test(
      text,
    )
  ) {
    return [{ kind: 'passed', chamber, amended: AMENDED.test(text) && !/without amendment/i.test(text) }];
  }
  if (HOUSE_VOTE.test(text)) {
    if (/\bfailed\b/i.test(text)) return [{ kind: 'failed', chamber: chamber ?? 'House' }];
    if (/\b(?:agreed to|passed)\b/i.test(text))
      return [{ kind: 'passed', chamber: chamber ?? 'House', amended: false }];
    return [];
  }
  const events: BillEvent[] = [];
  if (/^introduced in (?:the )?(?:house|senate)\b/i.test(text)) events.push({ kind: 'introduced', chamber });
  // "Introduced in the Senate, read twice, considered, read the third time, and passed ..."
  if (/\band passed (?:without|with)\b/i.test(text))
    events.push({ kind: 'passed', chamber, amended: AMENDED.test(text) && !/without amendment/i.test(text) });
  if (events.length) return events;
  if (REFERRED.test(text)) return [{ kind: 'referred' }];
  if (REPORTED.test(text) && !/rules committee resolution|^rule h\. ?res/i.test(text)) return [{ kind: 'reported' }];
  return [];
}
