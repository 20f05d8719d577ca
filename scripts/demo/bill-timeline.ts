import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startFakeCongressApi, type FakeCongressApi } from '../../tests/fakes/congress-api.js';

/**
 * H.R.5515 (115th), the FY2019 NDAA whose Section 889 bans Hikvision, Dahua, Huawei, ZTE and
 * Hytera equipment, in the Congress.gov API v3 shapes the tests use (tests/fixtures/gov/constructed,
 * documented in SOURCES.txt there). Read in place: the demo and the tests tell the same story.
 */
const CONSTRUCTED = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'gov', 'constructed');

interface Action {
  actionDate: string;
  text: string;
}

const readJson = <T>(name: string): T => JSON.parse(readFileSync(resolve(CONSTRUCTED, name), 'utf8')) as T;

export const BILL_ID = 'hr5515-115';
export const BILL_VENDORS = ['Huawei', 'ZTE', 'Hytera', 'Hikvision', 'Dahua'];

/** The days the demo shows, each with what happened on Capitol Hill that day (narration only). */
export const BILL_DAYS = [
  { day: '2018-05-24', happened: 'the House passes H.R.5515, 351-66' },
  { day: '2018-06-18', happened: 'the Senate passes it with an amendment, 85-10' },
  { day: '2018-08-01', happened: 'the Senate agrees to the conference report: both chambers have passed it' },
  { day: '2018-08-03', happened: 'the bill is presented to the President' },
  { day: '2018-08-13', happened: 'the President signs it: Public Law 115-232' },
] as const;

export interface CongressStandIn {
  /** `http://127.0.0.1:PORT/v3`, for CONGRESS_API_URL. */
  url: string;
  /** Makes Congress.gov show the bill as it stood at the end of `day`. */
  showBillAsOf(day: string): void;
  close(): Promise<void>;
}

/** A local Congress.gov (a real HTTP server) that serves H.R.5515 as of a chosen day. */
export async function startCongressStandIn(apiKey: string): Promise<CongressStandIn> {
  const record = readJson<{ bill: Record<string, unknown> }>('hr5515-115.bill.json').bill;
  const actions = readJson<{ actions: Action[] }>('hr5515-115.actions.json').actions;
  const api: FakeCongressApi = await startFakeCongressApi({ apiKey });
  return {
    url: api.url,
    showBillAsOf(day) {
      const shown = actions.filter((action) => action.actionDate <= day);
      const latest = shown[0];
      // Congress.gov moves updateDate the morning after; banwatch reads the actions only when it moves.
      const updateDate = `${new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)}T08:00:00Z`;
      api.bill(
        BILL_ID,
        {
          ...record,
          updateDate,
          actions: { count: shown.length, url: 'https://api.congress.gov/v3/bill/115/hr/5515/actions?format=json' },
          latestAction: latest ? { actionDate: latest.actionDate, text: latest.text } : null,
          laws: day >= '2018-08-13' ? record.laws : [],
        },
        shown,
      );
    },
    close: () => api.close(),
  };
}
