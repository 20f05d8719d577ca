/** LegiScan's free tier: 30,000 queries a month per API key. */
export const LEGISCAN_FREE_MONTHLY_QUERIES = 30_000;

/** Past this share of the month's queries, reads are spread over the polls left in the month. */
export const SPREAD_FROM_SHARE = 0.8;

/** The month's request count, kept in the source's cursor (so in the store) and shown by `status`. */
export interface MonthlyUsage {
  /** `2026-12` (UTC). */
  month: string;
  requests: number;
  limit: number;
}

/** The requests one poll may make, counted as they are made. */
export interface PollAllowance {
  /** Uses one request; false (nothing used) when this poll's share is spent. */
  take(): boolean;
  /** True once a request was refused. */
  readonly exhausted: boolean;
  /** True when the month is close to its limit and this poll has only its share. */
  readonly spreading: boolean;
  /** The month's usage including this poll's requests so far. */
  usage(): MonthlyUsage;
}

const monthOf = (now: Date) => now.toISOString().slice(0, 7);

function msToMonthEnd(now: Date): number {
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return end - now.getTime();
}

/**
 * How many requests this poll may make. Well under the limit: all that are left. Close to it:
 * what is left divided by the polls left in the month (at least one), so the last days of the
 * month still read the bills that moved instead of the first days spending everything.
 */
export function pollShare(used: number, limit: number, now: Date, intervalMs: number): number {
  const left = Math.max(0, limit - used);
  if (used < limit * SPREAD_FROM_SHARE) return left;
  const pollsLeft = Math.max(1, Math.ceil(msToMonthEnd(now) / Math.max(60_000, intervalMs)));
  return Math.min(left, Math.max(1, Math.floor(left / pollsLeft)));
}

/** Starts a poll's allowance from the stored usage; a new month starts from zero. */
export function startPoll(
  stored: MonthlyUsage | undefined,
  options: { now: Date; intervalMs: number; limit?: number },
): PollAllowance {
  const month = monthOf(options.now);
  const limit = options.limit ?? stored?.limit ?? LEGISCAN_FREE_MONTHLY_QUERIES;
  const before = stored && stored.month === month ? stored.requests : 0;
  const share = pollShare(before, limit, options.now, options.intervalMs);
  let used = 0;
  let refused = false;
  return {
    take() {
      if (used >= share) {
        refused = true;
        return false;
      }
      used++;
      return true;
    },
    get exhausted() {
      return refused;
    },
    spreading: before >= limit * SPREAD_FROM_SHARE,
    usage: () => ({ month, requests: before + used, limit }),
  };
}

/** Reads a stored usage defensively (a cursor from an older version has none). */
export function readUsage(value: unknown): MonthlyUsage | undefined {
  const usage = value as Partial<MonthlyUsage> | null | undefined;
  if (!usage || typeof usage.month !== 'string' || typeof usage.requests !== 'number') return undefined;
  return {
    month: usage.month,
    requests: usage.requests,
    limit: typeof usage.limit === 'number' ? usage.limit : LEGISCAN_FREE_MONTHLY_QUERIES,
  };
}
