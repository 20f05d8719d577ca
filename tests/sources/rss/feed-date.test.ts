import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../src/sources/rss/feed-date.js';

interface Vector {
  parse_date: string;
  input_value: string;
  expected_value: number[] | null;
  comment?: string;
}

const vectors = (
  JSON.parse(readFileSync(new URL('../../fixtures/conformance/date-vectors.json', import.meta.url), 'utf8')) as {
    vectors: Vector[];
  }
).vectors;

/**
 * Formats feedparser reads that banwatch does not: localized Greek, Hungarian and Korean dates,
 * ISO 8601 with 2-digit years or ordinal days, and a year-100 date.
 */
const UNSUPPORTED = new Set(['_parse_date_greek', '_parse_date_hungarian', '_parse_date_nate', '_parse_date_onblog']);
const UNSUPPORTED_INPUTS = new Set([
  '-0312',
  '031231',
  '03-12-31',
  '-03-12',
  '03335',
  '2003-012-31T10:14:55+00:00',
  'Thu, 01 Jan 0100 00:00:01 +0100',
]);

function expectedIso(value: number[]): string {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = value;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s)).toISOString();
}

const supported = vectors.filter((v) => !UNSUPPORTED.has(v.parse_date) && !UNSUPPORTED_INPUTS.has(v.input_value));

describe('parseFeedDate against the feedparser date vectors', () => {
  it('runs most of the vectors', () => {
    expect(supported.length).toBeGreaterThanOrEqual(55);
  });

  it.each(supported.map((v) => [v.input_value, v.expected_value, v.comment ?? v.parse_date] as const))(
    '%j -> %j (%s)',
    (input, expected) => {
      const parsed = parseFeedDate(input);
      if (expected === null) expect(parsed).toBeUndefined();
      else expect(parsed?.toISOString()).toBe(expectedIso(expected));
    },
  );
});

describe('parseFeedDate on dates from real feeds', () => {
  it.each([
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
    ['2026-02-17T17:36:36-0500', '2026-02-17T22:36:36.000Z'],
    ['Tue, 17 Feb 2026 18:03:07 EST', '2026-02-17T23:03:07.000Z'],
    ['  Wed, 18 Feb 2026 06:34:46 +0530 \r\n', '2026-02-18T01:04:46.000Z'],
    ['Wed, 01 Feb 2023 05:00:00 -0000', '2023-02-01T05:00:00.000Z'],
    ['2019-07-31T13:07:31.364Z', '2019-07-31T13:07:31.000Z'],
    ['Mi, 18 Mär 2026 10:00:00 +0100', '2026-03-18T09:00:00.000Z'],
    ['18 févr. 2026 10:00 +01:00', '2026-02-18T09:00:00.000Z'],
    ['Feb 18, 2026 3:15 PM EST', '2026-02-18T20:15:00.000Z'],
  ])('%j', (input, expected) => {
    expect(parseFeedDate(input)?.toISOString()).toBe(expected);
  });

  it("reads the common RFC 822 form as JavaScript's own parser does, across days, hours and zones", () => {
    const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const zones = ['GMT', '+0000', '-0500', '+0530', 'UT', '-0930', '+1400'];
    const two = (n: number) => String(n).padStart(2, '0');
    for (let i = 0; i < 500; i++) {
      const at = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000 * 1.7 + i * 3_631_000);
      const day = i % 3 ? two(at.getUTCDate()) : String(at.getUTCDate());
      const text = `${i % 5 ? `${weekdays[at.getUTCDay()]}, ` : ''}${day} ${months[at.getUTCMonth()]} ${at.getUTCFullYear()} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())} ${zones[i % zones.length]}`;
      expect(parseFeedDate(text)?.getTime(), text).toBe(Date.parse(text));
    }
  });

  it.each([
    '',
    'yesterday',
    '3 hours ago',
    'Tue, 17 Feb 2026 10:00:00 +2400',
    'Tue, 17 Xyz 2026 10:00:00 GMT',
    '2026-02-30',
    'Tue, 31 Feb 2026 10:00:00 GMT',
    '2026-13-01',
    'x'.repeat(200),
    '12:00',
  ])('rejects %j', (input) => {
    expect(parseFeedDate(input)).toBeUndefined();
  });
});
