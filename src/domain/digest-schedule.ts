/**
 * When a channel's digest is due, as pure functions of an instant and an IANA time zone
 * (through Intl, so daylight-saving changes come from the runtime's tz database). A node-cron
 * tick asks `digestSlot` every minute; the slot's `period` names the digest, so a tick that
 * comes late, twice, or on two instances still names the same one.
 *
 * A local time that does not exist (the hour skipped in spring) fires at the same distance past
 * the gap (02:30 on a change at 02:00 fires at 03:30); one that happens twice (autumn) fires at
 * the first of the two.
 */

export const DIGEST_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type DigestDay = (typeof DIGEST_DAYS)[number];

export interface DigestSchedule {
  every: 'daily' | 'weekly';
  /** Local time of day, `HH:MM` (24 h). */
  at: string;
  /** IANA zone, e.g. `Europe/Berlin`. */
  timezone: string;
  /** The weekday a weekly digest goes out. */
  day: DigestDay;
  /** `instead`: the channel gets only digests; `besides`: live alerts and digests. */
  mode: 'instead' | 'besides';
}

export interface DigestSlot {
  /** Names the digest: `daily:2026-03-29`, `weekly:2026-03-30` (the local date it fires on). */
  period: string;
  /** The instant it fires. */
  at: Date;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, format);
  }
  return format;
}

/** True when the runtime knows the zone. */
export function isTimeZone(timezone: string): boolean {
  try {
    formatter(timezone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading in `timezone` at `instant`, as if it were UTC (epoch ms). */
function wallClock(instant: number, timezone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timezone).formatToParts(new Date(instant)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function localDateOf(instant: number, timezone: string): LocalDate {
  const wall = new Date(wallClock(instant, timezone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

function isoDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The instant the local time `at` happens on `date` in `timezone` (see the header for gaps and repeats). */
export function localInstant(date: LocalDate, at: string, timezone: string): Date {
  const [hour = 0, minute = 0] = at.split(':').map(Number);
  const wanted = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // The zone's offset a day either side brackets any change near the wanted time.
  const offsets = new Set([wanted - 86_400_000, wanted + 86_400_000].map((t) => wallClock(t, timezone) - t));
  const exact = [...offsets].map((offset) => wanted - offset).filter((t) => wallClock(t, timezone) === wanted);
  if (exact.length) return new Date(Math.min(...exact));
  // In a gap: read the wall time with the offset from before the change, which lands past the gap.
  const before = wallClock(wanted - 86_400_000, timezone) - (wanted - 86_400_000);
  return new Date(wanted - before);
}

function fireOn(date: LocalDate, schedule: DigestSchedule): DigestSlot {
  return { period: `${schedule.every}:${isoDate(date)}`, at: localInstant(date, schedule.at, schedule.timezone) };
}

/** The latest firing at or before `now`: the digest that is due (or done) now. */
export function digestSlot(now: Date, schedule: DigestSchedule): DigestSlot {
  const today = localDateOf(now.getTime(), schedule.timezone);
  const step = schedule.every === 'daily' ? 1 : 7;
  let date =
    schedule.every === 'daily'
      ? today
      : addDays(today, -((weekday(today) - DIGEST_DAYS.indexOf(schedule.day) + 7) % 7));
  let slot = fireOn(date, schedule);
  while (slot.at.getTime() > now.getTime()) {
    date = addDays(date, -step);
    slot = fireOn(date, schedule);
  }
  return slot;
}

/** The first firing after `now` (for status and tests). */
export function nextDigestAt(now: Date, schedule: DigestSchedule): Date {
  const current = digestSlot(now, schedule);
  const [, day = ''] = current.period.split(':');
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return fireOn(addDays({ year, month, day: date }, schedule.every === 'daily' ? 1 : 7), schedule).at;
}
