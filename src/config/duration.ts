const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses `30s`, `10m`, `1h`, `1d` (or `500ms`) into milliseconds; undefined when it is not one.
 * Zero is refused unless `allowZero` (a pause that may be off; an interval may not be).
 */
export function parseDuration(text: string, options: { allowZero?: boolean } = {}): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(text);
  if (!match) return undefined;
  const value = Math.round(Number(match[1]) * (UNITS[match[2] ?? ''] ?? Number.NaN));
  if (!Number.isFinite(value)) return undefined;
  return value > 0 || (options.allowZero && value === 0) ? value : undefined;
}
