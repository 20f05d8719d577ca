import { billAsOf, droneBill, startFakeLegiscanApi } from '../../tests/fakes/legiscan-api.js';

/**
 * The state bill the demo follows beside H.R.5515: the LegiScan getBill record of Arkansas
 * HB1044 (2012 fiscal session), real in every field but its title, which the test fixture
 * replaces with a drone-procurement one (tests/fixtures/legiscan/SOURCES.txt says so). Read in
 * place: the demo and the tests tell the same story.
 */
export const STATE_BILL = 'AR HB1044 (2012)';

/** The state bill's day shown at each demo step after the first (undefined: it did not move). */
export const STATE_BILL_DAYS: ReadonlyArray<{ day: string; happened: string } | undefined> = [
  { day: '2012-02-15', happened: 'the House passes HB1044 and sends it to the Senate' },
  { day: '2012-02-16', happened: "the Senate passes it; it is enrolled and sent to the Governor's Office" },
  undefined,
  { day: '2012-02-21', happened: 'HB1044 becomes Act 36' },
];

/** The first poll sees the bill reported by committee. */
export const STATE_BILL_FIRST_DAY = '2012-02-14';

export interface LegiscanStandIn {
  /** For LEGISCAN_API_URL. */
  url: string;
  showBillAsOf(day: string): void;
  close(): Promise<void>;
}

/** A local LegiScan (a real HTTP server) that serves the bill as of a chosen day and finds it by search. */
export async function startLegiscanStandIn(apiKey: string): Promise<LegiscanStandIn> {
  const api = await startFakeLegiscanApi({ apiKey });
  const record = droneBill();
  return {
    url: api.url,
    showBillAsOf: (day) => api.bill(billAsOf(record, day)),
    close: () => api.close(),
  };
}
