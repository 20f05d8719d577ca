import { describe, expect, it } from 'vitest';
import { backoffDelay, deliveryRetryDelay } from '../../src/pipeline/backoff.js';

const HOUR = 3_600_000;

describe('backoff', () => {
  it('doubles the interval per failure up to 4 h: ten failures take about a day', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, 600_000))).toEqual([600_000, 1_200_000, 2_400_000]);
    expect(backoffDelay(30, 600_000)).toBe(4 * HOUR);
    const day = Array.from({ length: 10 }, (_, i) => backoffDelay(i + 1, 600_000)).reduce((a, b) => a + b, 0);
    expect(day / HOUR).toBeGreaterThan(20);
    expect(day / HOUR).toBeLessThan(30);
  });

  it("honours a feed's Retry-After, but never past the cap (a value in ms, a hostile one)", () => {
    expect(backoffDelay(1, 60_000, { kind: 'http-429', message: '', retryAfterMs: 900_000 })).toBe(900_000);
    expect(backoffDelay(1, 60_000, { kind: 'http-429', message: '', retryAfterMs: 3_600_000_000 })).toBe(4 * HOUR);
    expect(
      new Date(
        Date.now() + backoffDelay(1, 60_000, { kind: 'http-429', message: '', retryAfterMs: 99_999_999_999_999_000 }),
      ).toISOString(),
    ).toMatch(/^\d{4}-/);
  });

  it("waits a platform's Retry-After for deliveries, within the same cap", () => {
    expect(deliveryRetryDelay(0)).toBe(5_000);
    expect(deliveryRetryDelay(10)).toBe(600_000);
    expect(deliveryRetryDelay(3, 1_000)).toBe(1_000);
    expect(deliveryRetryDelay(3, 10 * 24 * HOUR)).toBe(4 * HOUR);
  });
});
