import { html, type SafeHtml } from './html-escape.js';
import { shortTime } from './ui-layout.js';
import { barChart, perDay } from './svg-charts.js';
import { alertDay } from './alert-filter.js';
import { ALERT_WINDOW, type WebDeps } from './web-deps.js';

const CHART_DAYS = 30;

/** Overview: alerts per day, sources healthy / failing / paused, the outbox and dead letters. */
export async function overviewPage(deps: WebDeps): Promise<SafeHtml> {
  const now = deps.clock.now();
  const [sources, alerts, counts, dead] = await Promise.all([
    deps.sources(),
    deps.alerts.recent(ALERT_WINDOW),
    deps.outbox.counts(),
    deps.outbox.deadLetters(5),
  ]);
  const states = await deps.feeds.getMany(sources.map((s) => s.id));
  let failing = 0;
  let paused = 0;
  let waiting = 0;
  for (const source of sources) {
    const state = states.get(source.id);
    if (!state) waiting++;
    else if (state.pausedAt) paused++;
    else if (state.failures > 0) failing++;
  }
  const healthy = sources.length - failing - paused - waiting;
  const series = perDay(alerts.map(alertDay), now.toISOString().slice(0, 10), CHART_DAYS);
  const inChart = series.reduce((sum, point) => sum + point.count, 0);
  return html`<section aria-labelledby="h-alerts">
      <h2 id="h-alerts">Alerts per day (last ${CHART_DAYS} days)</h2>
      ${barChart(series, `Alerts per day, last ${CHART_DAYS} days`)}
      <p>${inChart} alerts in the last ${CHART_DAYS} days. <a href="/ui/alerts">Search all alerts</a></p>
    </section>
    <section aria-labelledby="h-sources">
      <h2 id="h-sources">Sources</h2>
      <ul class="cards">
        <li><strong class="ok">${healthy}</strong> healthy</li>
        <li><strong class="${failing ? 'bad' : ''}">${failing}</strong> failing</li>
        <li><strong class="${paused ? 'warn' : ''}">${paused}</strong> paused</li>
        <li><strong>${waiting}</strong> not polled yet</li>
      </ul>
      <p><a href="/ui/sources">Every source, with its last error</a></p>
    </section>
    <section aria-labelledby="h-outbox">
      <h2 id="h-outbox">Outbox</h2>
      <ul class="cards">
        <li><strong>${counts.pending}</strong> waiting to be delivered</li>
        <li><strong class="${counts.dead ? 'bad' : ''}">${counts.dead}</strong> dead letters</li>
      </ul>
      ${
        dead.length
          ? html`<h3>Latest dead letters</h3>
              <ul>
                ${dead.map((d) => html`<li>${shortTime(d.deadAt)} · ${d.channelId}: ${d.reason}</li>`)}
              </ul>
              <p><a href="/ui/dead-letters">Retry or drop dead letters</a></p>`
          : html`<p class="muted">No dead letters.</p>`
      }
      <p class="muted">Store: ${deps.storeKind}. Page read at ${shortTime(now.toISOString())} UTC.</p>
    </section>`;
}
