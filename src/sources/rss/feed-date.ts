/**
 * Reads the dates feeds actually contain: W3C/ISO 8601 (Atom, dc:date) and RFC 822 with its
 * many real-world variations (named and military-free zones, 2-digit years, missing seconds,
 * stray commas, asctime order, month names in a few European languages). Returns undefined
 * for anything it cannot read with confidence; it never guesses the way `new Date(text)` does.
 */
export function parseFeedDate(input: string | undefined): Date | undefined {
  if (input === undefined) return undefined;
  const text = input.trim();
  if (text === '' || text.length > 80) return undefined;
  return parseIso(text) ?? parseRfc822Common(text) ?? parseRfc822Like(text);
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
}

function build(p: Parts): Date | undefined {
  if (p.year < 1000 || p.year > 9999 || p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31) return undefined;
  if (p.hour > 23 || p.minute > 59 || p.second > 60) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(p.year, p.month - 1, p.day);
  if (date.getUTCDate() !== p.day) return undefined;
  date.setUTCHours(p.hour, p.minute, Math.min(p.second, 59), 0);
  const time = date.getTime() - p.offsetMinutes * 60_000;
  if (!Number.isFinite(time) || new Date(time).getUTCFullYear() > 9999) return undefined;
  return new Date(time);
}

function offsetFrom(sign: string, hours: string, minutes: string | undefined): number | undefined {
  const h = Number(hours);
  const m = Number(minutes ?? '0');
  if (h > 23 || m > 59) return undefined;
  return (sign === '-' ? -1 : 1) * (h * 60 + m);
}

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:(?:T|\s+)(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|([+-])(\d{2}):?(\d{2})?)?$/i;

function parseIso(text: string): Date | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second, zone, sign, zh, zm] = m;
  if (hour !== undefined && day === undefined) return undefined;
  // A zone without a time is a fourth date part in disguise ("2013-01-27-01").
  if (zone !== undefined && hour === undefined) return undefined;
  // No zone means UTC: a guess, but the one every feed reader makes.
  let offsetMinutes = 0;
  if (sign !== undefined && zh !== undefined) {
    const offset = offsetFrom(sign, zh, zm);
    if (offset === undefined) return undefined;
    offsetMinutes = offset;
  }
  return build({
    year: Number(year),
    month: Number(month ?? '1'),
    day: Number(day ?? '1'),
    hour: Number(hour ?? '0'),
    minute: Number(minute ?? '0'),
    second: Number(second ?? '0'),
    offsetMinutes,
  });
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['jan', 'january', 'janv', 'janvier', 'ene', 'enero', 'gen', 'gennaio', 'janeiro', 'januar'],
  ['feb', 'february', 'févr', 'fevr', 'février', 'fev', 'fevereiro', 'febrero', 'febbraio', 'februar'],
  ['mar', 'march', 'mars', 'marzo', 'março', 'mär', 'märz', 'maerz'],
  ['apr', 'april', 'avr', 'avril', 'abr', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maio', 'mag', 'maggio'],
  ['jun', 'june', 'juin', 'junio', 'junho', 'giu', 'giugno', 'juni'],
  ['jul', 'july', 'juil', 'juillet', 'julio', 'julho', 'lug', 'luglio', 'juli'],
  ['aug', 'august', 'août', 'aout', 'ago', 'agosto'],
  ['sep', 'sept', 'september', 'septembre', 'set', 'setembro', 'septiembre', 'settembre'],
  ['oct', 'october', 'octobre', 'octubre', 'out', 'outubro', 'ott', 'ottobre', 'okt', 'oktober'],
  ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
  ['dec', 'december', 'déc', 'décembre', 'decembre', 'dic', 'diciembre', 'dicembre', 'dez', 'dezembro', 'dezember'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((name) => (MONTHS[name] = i + 1)));

/** Zone names seen in feeds, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  'etc/gmt': 0,
  'etc/utc': 0,
  wet: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  ast: -240,
  adt: -180,
  akst: -540,
  akdt: -480,
  hst: -600,
  et: -300,
  ct: -360,
  mt: -420,
  pt: -480,
  at: -240,
  bst: 60,
  west: 60,
  cet: 60,
  met: 60,
  cest: 120,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  hkt: 480,
  sgt: 480,
  awst: 480,
  jst: 540,
  kst: 540,
  acst: 570,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?$/;
const NUMERIC_OFFSET = /^([+-])(\d{2}):?(\d{2})$/;
const ZONE_WITH_OFFSET = /^(?:gmt|utc|ut)([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** The form nearly every RSS feed writes, "Sun, 29 Nov 2026 14:19:43 GMT" or "... +0100". */
const RFC822_COMMON =
  /^(?:[A-Za-z]{3}, )?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (?:GMT|UTC|UT|Z|([+-])(\d{2})(\d{2}))$/;

/** That form read in one match, without the token walk below (which reads it the same way). */
function parseRfc822Common(text: string): Date | undefined {
  const m = RFC822_COMMON.exec(text);
  const month = m ? MONTHS[(m[2] as string).toLowerCase()] : undefined;
  if (!m || month === undefined) return undefined;
  const offsetMinutes = m[7] ? offsetFrom(m[7], m[8] as string, m[9]) : 0;
  if (offsetMinutes === undefined) return undefined;
  const [day, year, hour, minute, second] = [m[1], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return build({ year, month, day, hour, minute, second, offsetMinutes });
}

function parseRfc822Like(text: string): Date | undefined {
  const tokens = text.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  let time: [number, number, number] | undefined;
  let offset: number | undefined;
  let pm: boolean | undefined;
  for (const raw of tokens) {
    const token = raw.toLowerCase().replace(/\.$/, '');
    const t = TIME.exec(token);
    if (t) {
      if (time) return undefined;
      time = [Number(t[1]), Number(t[2]), Number(t[3] ?? '0')];
      continue;
    }
    const ymd = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(token);
    if (ymd) {
      if (year !== undefined) return undefined;
      [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
      continue;
    }
    if (/^\d{4}$/.test(token)) {
      if (year !== undefined) return undefined;
      year = Number(token);
      continue;
    }
    if (/^\d{1,2}$/.test(token)) {
      if (day === undefined) day = Number(token);
      else if (year === undefined) year = Number(token) + (Number(token) < 50 ? 2000 : 1900);
      else return undefined;
      continue;
    }
    const numeric = NUMERIC_OFFSET.exec(token) ?? ZONE_WITH_OFFSET.exec(token);
    if (numeric) {
      const parsed = offsetFrom(numeric[1] ?? '+', numeric[2] ?? '', numeric[3]);
      if (parsed === undefined || offset !== undefined) return undefined;
      offset = parsed;
      continue;
    }
    if (token === 'am' || token === 'pm') {
      pm = token === 'pm';
      continue;
    }
    if (/^[\p{L}/]+$/u.test(token)) {
      const monthNumber = MONTHS[token];
      if (monthNumber !== undefined && month === undefined) month = monthNumber;
      else if (ZONES[token] !== undefined && offset === undefined && time !== undefined) offset = ZONES[token];
      // Anything else is a weekday or a zone we do not know; neither changes the date enough
      // to throw the item's date away.
      continue;
    }
    return undefined;
  }
  if (day === undefined || month === undefined || year === undefined) return undefined;
  const [clockHour, minute, second] = time ?? [0, 0, 0];
  if (pm !== undefined && (clockHour < 1 || clockHour > 12)) return undefined;
  const hour = pm === undefined ? clockHour : (clockHour % 12) + (pm ? 12 : 0);
  return build({ year, month, day, hour, minute, second, offsetMinutes: offset ?? 0 });
}
