import { dataTable } from './data-table.js';
import { actionLabel, stageLabel } from '../domain/alert-text.js';
import { html, maybeLink, type SafeHtml } from './html-escape.js';
import { shortTime } from './ui-layout.js';
import { ALERT_WINDOW, type WebDeps } from './web-deps.js';

const RECENT = 25;

/**
 * One vendor: the catalogue's restrictions and names, its list memberships, the bills and rules
 * that name it and its recent alerts. A name outside the catalogue gets the last three.
 */
export async function vendorPage(deps: WebDeps, name: string): Promise<{ title: string; body: SafeHtml } | undefined> {
  const vendor = deps.catalog.resolve(name);
  const canonical = vendor?.name ?? name;
  const wanted = canonical.toLowerCase();
  const alerts = (await deps.alerts.recent(ALERT_WINDOW)).filter((alert) =>
    alert.classification.vendors.some((v) => v.toLowerCase() === wanted),
  );
  const instruments = (await deps.instruments.list()).filter((entry) =>
    entry.vendors.some((v) => v.toLowerCase() === wanted),
  );
  const names = vendor ? [canonical, ...vendor.aliases, ...vendor.legalNames] : [canonical];
  const listed = deps.listings ? await deps.listings.find(names) : undefined;
  if (!vendor && !alerts.length && !instruments.length && !listed?.matches.length) return undefined;
  const restrictions = vendor?.restrictions.map((r) => {
    const instrument = deps.catalog.instrument(r.instrument);
    return html`<tr>
      <td data-label="Instrument">${instrument?.name ?? r.instrument}</td>
      <td data-label="Jurisdiction">${r.jurisdiction}</td>
      <td data-label="Date">${r.date || '—'}</td>
      <td data-label="Stage">${stageLabel(r.stage)}</td>
      <td data-label="Note">${r.note ?? ''}</td>
    </tr>`;
  });
  const body = html`${
      vendor
        ? html`<p>
              ${vendor.category} ·
              ${vendor.country}${vendor.aliases.length ? html` · also known as ${vendor.aliases.join(', ')}` : ''}
            </p>
            <h2>Restrictions (${vendor.restrictions.length})</h2>
            ${dataTable({ headers: ['Instrument', 'Jurisdiction', 'Date', 'Stage', 'Note'], rows: restrictions ?? [] })}`
        : html`<p>Not in the vendor catalogue: a name the classifier found in alerts.</p>`
    }
    <h2>On official lists</h2>
    ${
      !deps.listings
        ? html`<p class="muted">No list source is watched.</p>`
        : listed?.matches.length
          ? html`<ul>
              ${listed.matches.map((m) => html`<li>${m.entry.list}${m.entry.since ? ` since ${m.entry.since}` : ''} — ${m.entry.name}${m.matched !== m.entry.name ? ` (alias "${m.matched}")` : ''}</li>`)}
            </ul>`
          : html`<p class="muted">On none of the lists watched.</p>`
    }
    <h2>Bills and rules (${instruments.length})</h2>
    ${
      instruments.length
        ? html`<ul>
            ${instruments.map((i) => html`<li><a href="/ui/bill?key=${encodeURIComponent(i.key)}">${i.label}</a>: ${i.title} — ${stageLabel(i.stage)} (${i.date})</li>`)}
          </ul>`
        : html`<p class="muted">None tracked names this vendor.</p>`
    }
    <h2>Recent alerts (${Math.min(RECENT, alerts.length)} of ${alerts.length})</h2>
    ${
      alerts.length
        ? html`<ul>
              ${alerts.slice(0, RECENT).map((a) => html`<li>${shortTime(a.createdAt)} · ${actionLabel(a.classification.action)} · ${maybeLink(a.title, a.link)} <span class="muted">(${a.sourceName})</span></li>`)}
            </ul>
            <p><a href="/ui/alerts?vendor=${encodeURIComponent(canonical)}">All alerts about ${canonical}</a></p>`
        : html`<p class="muted">No alert names this vendor.</p>`
    }`;
  return { title: canonical, body };
}
