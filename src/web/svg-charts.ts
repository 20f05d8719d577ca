import { html, type SafeHtml } from './html-escape.js';

/**
 * Charts as inline SVG, drawn on the server: no script, no library, and each chart also comes
 * with its numbers as text (aria-label, <title> per bar) so it is not only a picture.
 */
export interface DayCount {
  day: string;
  count: number;
}

/** Counts per day for the `days` days up to and including `today` (YYYY-MM-DD), zeros included. */
export function perDay(dates: readonly string[], today: string, days: number): DayCount[] {
  const counts = new Map<string, number>();
  for (const date of dates) counts.set(date.slice(0, 10), (counts.get(date.slice(0, 10)) ?? 0) + 1);
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: days }, (_, index) => {
    const day = new Date(end - (days - 1 - index) * 86_400_000).toISOString().slice(0, 10);
    return { day, count: counts.get(day) ?? 0 };
  });
}

export function barChart(series: readonly DayCount[], label: string): SafeHtml {
  const width = 600;
  const height = 160;
  const max = Math.max(1, ...series.map((point) => point.count));
  const slot = width / Math.max(1, series.length);
  const total = series.reduce((sum, point) => sum + point.count, 0);
  const bars = series.map((point, index) => {
    const h = Math.round((point.count / max) * (height - 24));
    return html`<rect
      x="${(index * slot + 1).toFixed(1)}"
      y="${height - 16 - h}"
      width="${Math.max(1, slot - 2).toFixed(1)}"
      height="${h}"
      ><title>${point.day}: ${point.count}</title></rect
    >`;
  });
  const first = series[0]?.day ?? '';
  const last = series[series.length - 1]?.day ?? '';
  return html`<svg
    class="chart"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-label="${label}: ${total} alerts from ${first} to ${last}, at most ${max} a day"
  >
    ${bars}
    <text x="0" y="${height - 2}" font-size="11">${first}</text>
    <text x="${width}" y="${height - 2}" font-size="11" text-anchor="end">${last}</text>
    <text x="${width}" y="11" font-size="11" text-anchor="end">max ${max}/day</text>
  </svg>`;
}

export function sparkline(series: readonly DayCount[], label: string): SafeHtml {
  const width = 120;
  const height = 24;
  const max = Math.max(1, ...series.map((point) => point.count));
  const step = width / Math.max(1, series.length - 1);
  const points = series
    .map(
      (point, index) => `${(index * step).toFixed(1)},${(height - 2 - (point.count / max) * (height - 4)).toFixed(1)}`,
    )
    .join(' ');
  const total = series.reduce((sum, point) => sum + point.count, 0);
  return html`<svg
    class="spark"
    width="${width}"
    height="${height}"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-label="${label}: ${total} alerts in ${series.length} days"
  >
    <polyline points="${points}" />
  </svg>`;
}
