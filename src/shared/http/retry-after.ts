/**
 * Reads a Retry-After header: either delta-seconds or an HTTP date. Returns milliseconds from
 * `now` (never negative), or undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds) ? seconds * 1000 : undefined;
  }
  // HTTP dates are IMF-fixdate (or the obsolete RFC 850 / asctime forms), all of which
  // Date.parse reads; anything without a letter is not one of them.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
