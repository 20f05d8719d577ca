import { dataTable } from './data-table.js';
import { html, type SafeHtml } from './html-escape.js';
import { ALERT_WINDOW, type WebDeps } from './web-deps.js';

export const vendorHref = (name: string) => `/ui/vendor?name=${encodeURIComponent(name)}`;

/** Vendors: the catalogue, then names the classifier found outside it, each with its alert count. */
export async function vendorsPage(deps: WebDeps): Promise<SafeHtml> {
  const alerts = await deps.alerts.recent(ALERT_WINDOW);
  const counts = new Map<string, number>();
  const fresh = new Map<string, number>();
  for (const alert of alerts) {
    const newNames = new Set(alert.classification.vendorsNew ?? []);
    for (const name of alert.classification.vendors) {
      const into = newNames.has(name) ? fresh : counts;
      into.set(name, (into.get(name) ?? 0) + 1);
    }
  }
  const catalogued = deps.catalog.all().map(
    (vendor) =>
      html`<tr>
        <td data-label="Vendor"><a href="${vendorHref(vendor.name)}">${vendor.name}</a></td>
        <td data-label="Country">${vendor.country}</td>
        <td data-label="Category">${vendor.category}</td>
        <td data-label="Restrictions">${vendor.restrictions.length}</td>
        <td data-label="Alerts">${counts.get(vendor.name) ?? 0}</td>
      </tr>`,
  );
  const newRows = [...fresh.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(
      ([name, count]) =>
        html`<tr>
          <td data-label="Name"><a href="${vendorHref(name)}">${name}</a></td>
          <td data-label="Alerts">${count}</td>
        </tr>`,
    );
  return html`<section aria-labelledby="h-catalogue">
      <h2 id="h-catalogue">Catalogue (${catalogued.length})</h2>
      ${dataTable({ headers: ['Vendor', 'Country', 'Category', 'Restrictions', 'Alerts'], rows: catalogued })}
    </section>
    <section aria-labelledby="h-new">
      <h2 id="h-new">New names, outside the catalogue (${newRows.length})</h2>
      ${dataTable({ headers: ['Name', 'Alerts'], rows: newRows, empty: 'None found yet.' })}
    </section>`;
}
