import { dataTable, pager } from './data-table.js';
import type { FeedState } from '../domain/feed-state.js';
import { maskUrlsIn } from '../shared/mask-url.js';
import { alertDay } from './alert-filter.js';
import { html, type SafeHtml } from './html-escape.js';
import { sparkline, perDay } from './svg-charts.js';
import { shortTime } from './ui-layout.js';
import { ALERT_WINDOW, type WebDeps } from './web-deps.js';

const SPARK_DAYS = 30;
/**
 * Sources to a page. The page read every source's state and drew a row for each: at 100,000
 * feeds tens of MB of HTML and seconds of the event loop that answers slash commands (issue 24).
 */
export const SOURCES_PAGE_SIZE = 200;

function health(state: FeedState | undefined): SafeHtml {
  if (!state) return html`<span class="muted">not polled yet</span>`;
  if (state.pausedAt) return html`<span class="warn">paused since ${shortTime(state.pausedAt)}</span>`;
  if (state.failures > 0) return html`<span class="bad">failing ×${state.failures}</span>`;
  return html`<span class="ok">healthy</span>`;
}

/**
 * Sources: each feed, list and government source with its last success, error, next poll and
 * alerts, `SOURCES_PAGE_SIZE` to a page in the order they are configured.
 */
export async function sourcesPage(deps: WebDeps, page = 1): Promise<SafeHtml> {
  const [all, alerts] = await Promise.all([deps.sources(), deps.alerts.recent(ALERT_WINDOW)]);
  const pages = Math.max(1, Math.ceil(all.length / SOURCES_PAGE_SIZE));
  const number = Math.min(Math.max(1, page), pages);
  const sources = all.slice((number - 1) * SOURCES_PAGE_SIZE, number * SOURCES_PAGE_SIZE);
  const states = await deps.feeds.getMany(sources.map((s) => s.id));
  const today = deps.clock.now().toISOString().slice(0, 10);
  const days = new Map<string, string[]>();
  for (const alert of alerts) {
    const list = days.get(alert.sourceId) ?? [];
    if (!list.length) days.set(alert.sourceId, list);
    list.push(alertDay(alert));
  }
  const rows = sources.map((source) => {
    const state = states.get(source.id);
    const error = state?.lastError;
    const spark = perDay(days.get(source.id) ?? [], today, SPARK_DAYS);
    return html`<tr id="source-${source.id}">
      <td data-label="Source">
        <strong>${source.name}</strong><br /><span class="muted">${source.id} · ${source.type}</span>
      </td>
      <td data-label="Health">${health(state)}</td>
      <td data-label="Last success">${shortTime(state?.lastSuccessAt)}</td>
      <td data-label="Last error">
        ${error ? html`${shortTime(error.at)} <strong>${error.kind}</strong>: ${maskUrlsIn(error.message)}` : '—'}
      </td>
      <td data-label="Next poll">${state?.pausedAt ? 'paused' : shortTime(state?.nextPollAt)}</td>
      <td data-label="Items seen">${state?.itemsSeen ?? 0}</td>
      <td data-label="Alerts, ${SPARK_DAYS} days">
        <a href="/ui/alerts?source=${encodeURIComponent(source.id)}"
          >${sparkline(spark, `Alerts from ${source.name}`)}</a
        >
      </td>
    </tr>`;
  });
  const headers = ['Source', 'Health', 'Last success', 'Last error', 'Next poll', 'Items seen'];
  const first = (number - 1) * SOURCES_PAGE_SIZE + 1;
  return html`<p>
      ${all.length} sources${pages > 1 ? html`, ${first}-${first + sources.length - 1} shown` : ''}. Times are UTC.
    </p>
    ${dataTable({
      caption: 'Feeds, lists and government sources',
      headers: [...headers, `Alerts, ${SPARK_DAYS} days`],
      rows,
    })}
    ${pager(number, pages, (n) => `/ui/sources?page=${n}`, { prev: 'Previous', next: 'Next' })}`;
}
