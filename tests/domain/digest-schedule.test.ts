import { describe, expect, it } from 'vitest';
import { digestSlot, type DigestSchedule, localInstant, nextDigestAt } from '../../src/domain/digest-schedule.js';

const berlin = (overrides: Partial<DigestSchedule> = {}): DigestSchedule => ({
  every: 'daily',
  at: '08:30',
  timezone: 'Europe/Berlin',
  day: 'monday',
  mode: 'instead',
  ...overrides,
});

describe('digest schedule (pure, over an instant and an IANA zone)', () => {
  it('fires at local 08:30 on each side of the spring change (UTC 07:30 before, 06:30 after)', () => {
    expect(nextDigestAt(new Date('2026-03-28T00:00:00Z'), berlin()).toISOString()).toBe('2026-03-28T07:30:00.000Z');
    expect(nextDigestAt(new Date('2026-03-28T07:30:00Z'), berlin()).toISOString()).toBe('2026-03-29T06:30:00.000Z');
    expect(nextDigestAt(new Date('2026-03-29T06:30:00Z'), berlin()).toISOString()).toBe('2026-03-30T06:30:00.000Z');
  });

  it('fires at local 08:30 on each side of the autumn change (UTC 06:30 before, 07:30 after)', () => {
    expect(nextDigestAt(new Date('2026-10-24T06:30:00Z'), berlin()).toISOString()).toBe('2026-10-25T07:30:00.000Z');
    expect(digestSlot(new Date('2026-10-25T07:29:59Z'), berlin())).toEqual({
      period: 'daily:2026-10-24',
      at: new Date('2026-10-24T06:30:00Z'),
    });
    expect(digestSlot(new Date('2026-10-25T07:30:00Z'), berlin())).toEqual({
      period: 'daily:2026-10-25',
      at: new Date('2026-10-25T07:30:00Z'),
    });
  });

  it('names the same period however late or often it is asked, until the next firing', () => {
    const periods = new Set<string>();
    for (let t = Date.parse('2026-03-29T06:30:00Z'); t < Date.parse('2026-03-30T06:30:00Z'); t += 600_000)
      periods.add(digestSlot(new Date(t), berlin()).period);
    expect([...periods]).toEqual(['daily:2026-03-29']);
  });

  it('moves a local time the spring change skips past the gap, and takes the first of a repeated one', () => {
    // 02:30 does not exist on 2026-03-29 in Berlin (02:00 -> 03:00): it fires at 03:30 CEST.
    expect(localInstant({ year: 2026, month: 3, day: 29 }, '02:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 02:30 happens twice on 2026-10-25: the first, still in summer time.
    expect(localInstant({ year: 2026, month: 10, day: 25 }, '02:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    // New York changes on other days (2026-03-08): the zone's own rules are used.
    expect(localInstant({ year: 2026, month: 3, day: 8 }, '08:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T12:30:00.000Z',
    );
  });

  it('fires a weekly digest on its weekday at the local time, across the change', () => {
    const weekly = berlin({ every: 'weekly', day: 'monday' });
    // 2026-03-23 and 2026-03-30 are Mondays, on either side of the change.
    expect(digestSlot(new Date('2026-03-29T12:00:00Z'), weekly)).toEqual({
      period: 'weekly:2026-03-23',
      at: new Date('2026-03-23T07:30:00Z'),
    });
    expect(nextDigestAt(new Date('2026-03-29T12:00:00Z'), weekly).toISOString()).toBe('2026-03-30T06:30:00.000Z');
    expect(digestSlot(new Date('2026-03-30T06:29:00Z'), weekly).period).toBe('weekly:2026-03-23');
    expect(digestSlot(new Date('2026-03-30T06:30:00Z'), weekly).period).toBe('weekly:2026-03-30');
    expect(digestSlot(new Date('2026-04-03T12:00:00Z'), berlin({ every: 'weekly', day: 'friday' })).period).toBe(
      'weekly:2026-04-03',
    );
  });

  it('works in UTC and in zones east of it, where the local day starts the UTC day before', () => {
    expect(nextDigestAt(new Date('2026-06-01T08:30:00Z'), berlin({ timezone: 'UTC' })).toISOString()).toBe(
      '2026-06-02T08:30:00.000Z',
    );
    const tokyo = berlin({ timezone: 'Asia/Tokyo', at: '07:00' });
    expect(digestSlot(new Date('2026-06-01T22:30:00Z'), tokyo)).toEqual({
      period: 'daily:2026-06-02',
      at: new Date('2026-06-01T22:00:00Z'),
    });
  });
});
