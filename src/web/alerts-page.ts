import { dataTable, pager } from './data-table.js';
import type { Alert } from '../domain/alert.js';
import { actionLabel, alertStage } from '../domain/alert-text.js';
import { ACTIONS } from '../domain/classification.js';
import { alertChannels, type ChannelState } from './alert-channels.js';
import { filterQuery, matchesAlert, type AlertFilter } from './alert-filter.js';
import { html, maybeLink, type SafeHtml } from './html-escape.js';
import { shortTime } from './ui-layout.js';
import { vendorHref } from './vendors-page.js';
import { ALERT_WINDOW, type WebDeps } from './web-deps.js';

const PAGE_SIZE = 100;

export interface FoundAlerts {
  alerts: Alert[];
  channels: Map<string, Array<{ channelId: string; state: ChannelState }>>;
}

/**
 * The alerts matching a filter, newest first, with the channels of those in `show` (all of them
 * when a channel filter needs them; otherwise only those on screen, to keep the page fast).
 */
export async function findAlerts(deps: WebDeps, filter: AlertFilter, show: number): Promise<FoundAlerts> {
  const matching = (await deps.alerts.recent(ALERT_WINDOW)).filter((alert) => matchesAlert(alert, filter));
  const channelIds = (await deps.channels()).map((channel) => channel.id);
  if (!filter.channel) {
    const shown = matching.slice(0, show);
    return {
      alerts: matching,
      channels: await alertChannels(
        deps,
        shown.map((a) => a.id),
        channelIds,
      ),
    };
  }
  const wanted = channelIds.filter((id) => id === filter.channel);
  const channels = await alertChannels(
    deps,
    matching.map((a) => a.id),
    wanted,
  );
  return { alerts: matching.filter((alert) => channels.has(alert.id)), channels };
}

function select(name: string, label: string, options: readonly string[], chosen: string | undefined): SafeHtml {
  return html`<label
    >${label}
    <select name="${name}">
      <option value="">any</option>
      ${options.map((value) => html`<option value="${value}" ${value === chosen ? html`selected` : ''}>${value}</option>`)}
    </select>
  </label>`;
}

/** Alerts: the log, filtered by the query string, 100 to a page; the same filter exports CSV. */
export async function alertsPage(deps: WebDeps, filter: AlertFilter, page: number): Promise<SafeHtml> {
  const [sources, channelList] = await Promise.all([deps.sources(), deps.channels()]);
  const start = (page - 1) * PAGE_SIZE;
  const found = await findAlerts(deps, filter, start + PAGE_SIZE);
  const shown = found.alerts.slice(start, start + PAGE_SIZE);
  const query = filterQuery(filter);
  const vendors = deps.catalog.all().map((v) => v.name);
  const rows = shown.map((alert) => {
    const c = alert.classification;
    const to = found.channels.get(alert.id) ?? [];
    return html`<tr>
      <td data-label="Created">${shortTime(alert.createdAt)}</td>
      <td data-label="Title">${maybeLink(alert.title, alert.link)}</td>
      <td data-label="Vendors">
        ${c.vendors.map((v, i) => html`${i ? ', ' : ''}<a href="${vendorHref(v)}">${v}</a>`)}
      </td>
      <td data-label="Action">${actionLabel(c.action)}<br /><span class="muted">${alertStage(alert)}</span></td>
      <td data-label="Source">${alert.sourceName}</td>
      <td data-label="Channels">
        ${to.map((t, i) => html`${i ? ', ' : ''}${t.channelId}${t.state === 'delivered' ? '' : html` <span class="${t.state === 'dead' ? 'bad' : 'muted'}">(${t.state})</span>`}`)}
      </td>
    </tr>`;
  });
  const pages = Math.max(1, Math.ceil(found.alerts.length / PAGE_SIZE));
  const link = (n: number) => `/ui/alerts?${query}${query ? '&' : ''}page=${n}`;
  return html`<form class="filters" method="get" action="/ui/alerts" role="search" aria-label="Filter alerts">
      <label>Words in the title <input type="search" name="q" value="${filter.q ?? ''}" /></label>
      ${select('vendor', 'Vendor', vendors, filter.vendor)}
      ${select(
        'source',
        'Source',
        sources.map((s) => s.id),
        filter.source,
      )}
      ${select(
        'channel',
        'Channel',
        channelList.map((c) => c.id),
        filter.channel,
      )}
      ${select(
        'action',
        'Action',
        ACTIONS.filter((a) => a !== 'none'),
        filter.action,
      )}
      <label>From <input type="date" name="from" value="${filter.from ?? ''}" /></label>
      <label>To <input type="date" name="to" value="${filter.to ?? ''}" /></label>
      <button class="primary" type="submit">Search</button>
    </form>
    <p role="status">
      <strong>${found.alerts.length}</strong> alerts match.
      <a href="/ui/alerts.csv${query ? `?${query}` : ''}" download>Export these as CSV</a>
    </p>
    ${dataTable({ headers: ['Created (UTC)', 'Title', 'Vendors', 'Action', 'Source', 'Channels'], rows })}
    ${pager(page, pages, link, { prev: 'Newer', next: 'Older' })}`;
}
