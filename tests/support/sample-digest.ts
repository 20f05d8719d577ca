import type { Alert } from '../../src/domain/alert.js';
import type { Digest } from '../../src/domain/digest.js';
import { sampleAlert } from './sample-alert.js';

/** A digest over the given alerts (a Berlin daily digest of 2026-03-29 unless overridden). */
export function sampleDigest(alerts: Alert[], overrides: Partial<Digest> = {}): Digest {
  return {
    id: 'digest:daily:2026-03-29',
    channelId: 'morning',
    every: 'daily',
    date: '2026-03-29',
    timezone: 'Europe/Berlin',
    until: '2026-03-29T06:30:00.000Z',
    alerts,
    createdAt: '2026-03-29T06:30:07.000Z',
    ...overrides,
  };
}

/** `count` alerts spread over `vendors` vendors and three stages, with long titles. */
export function manyAlerts(count: number, vendors: number): Alert[] {
  const stages = ['proposed', 'enacted', 'rule'] as const;
  return Array.from({ length: count }, (_, n) =>
    sampleAlert({
      id: `feed:${n}`,
      title: `Item ${n}: ${'a long headline about a restriction on surveillance equipment & <b>more</b> '.repeat(3)}`,
      link: `https://news.example.com/2026/03/${n}/${'x'.repeat(150)}`,
      classification: {
        relevant: true,
        score: 0.9,
        vendors: [`Vendor${n % vendors}`],
        action: 'ban',
        stage: stages[n % 3] ?? 'proposed',
        jurisdiction: 'US-federal',
        reasons: [],
      },
    }),
  );
}
