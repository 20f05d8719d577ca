import { dataTable } from './data-table.js';
import { trackedBillRows } from '../commands/handlers/bills-handler.js';
import { billThreadKey, parseBillId } from '../domain/bill-id.js';
import { stageLabel } from '../domain/alert-text.js';
import type { InstrumentRecord } from '../domain/instrument.js';
import { html, maybeLink, type SafeHtml } from './html-escape.js';
import { ALERT_WINDOW, type WebDeps } from './web-deps.js';

const billHref = (key: string) => `/ui/bill?key=${encodeURIComponent(key)}`;

function instrumentRow(record: InstrumentRecord): SafeHtml {
  return html`<tr>
    <td data-label="Bill or rule">
      <a href="${billHref(record.key)}">${record.label}</a
      >${record.reference ? html`<br /><span class="muted">${record.reference}</span>` : ''}
    </td>
    <td data-label="Title">${record.title}</td>
    <td data-label="Stage">${stageLabel(record.stage)}</td>
    <td data-label="Date">${record.date}</td>
    <td data-label="Vendors">${record.vendors.join(', ') || '—'}</td>
  </tr>`;
}

function table(caption: string, rows: SafeHtml[], empty: string): SafeHtml {
  return dataTable({ caption, headers: ['Bill or rule', 'Title', 'Stage', 'Date', 'Vendors'], rows, empty });
}

/** Bills and rules: federal bills (config and tracked), state and other bills, rules; each links to its timeline. */
export async function billsPage(deps: WebDeps): Promise<SafeHtml> {
  const instruments = await deps.instruments.list();
  const federal = await trackedBillRows(deps.bills, instruments);
  const federalKeys = new Set(
    federal.flatMap((row) => {
      const bill = parseBillId(row.id);
      return bill ? [billThreadKey(bill)] : [];
    }),
  );
  const federalRows = federal.map((row) =>
    row.status
      ? instrumentRow(row.status)
      : html`<tr>
          <td data-label="Bill or rule">${row.label}</td>
          <td data-label="Title" colspan="4" class="muted">waiting for its first poll</td>
        </tr>`,
  );
  const others = instruments.filter((entry) => entry.kind === 'bill' && !federalKeys.has(entry.key));
  const rules = instruments.filter((entry) => entry.kind === 'rule');
  return html`<section aria-labelledby="h-federal">
      <h2 id="h-federal">Federal bills (${federal.length})</h2>
      ${table('Bills tracked on Congress.gov', federalRows, 'No bill is tracked (add one with `banwatch track hr5515-115`).')}
    </section>
    <section aria-labelledby="h-state">
      <h2 id="h-state">State and other bills (${others.length})</h2>
      ${table('Other bills seen', others.map(instrumentRow), 'None seen yet.')}
    </section>
    <section aria-labelledby="h-rules">
      <h2 id="h-rules">Rules (${rules.length})</h2>
      ${table('Federal Register rulemakings', rules.map(instrumentRow), 'None seen yet.')}
    </section>`;
}

/** One bill or rule: each stage banwatch alerted, oldest first, with its date and link. */
export async function billPage(deps: WebDeps, key: string): Promise<{ title: string; body: SafeHtml } | undefined> {
  const instruments = await deps.instruments.list();
  const record = instruments.find((entry) => entry.key === key);
  const stages = (await deps.alerts.recent(ALERT_WINDOW))
    .filter((alert) => alert.thread?.key === key)
    .sort((a, b) => (a.publishedAt ?? a.createdAt).localeCompare(b.publishedAt ?? b.createdAt));
  if (!record && !stages.length) return undefined;
  const label = record?.label ?? stages[0]?.thread?.label ?? key;
  const steps = stages.map((alert) => {
    const thread = alert.thread;
    return html`<li>
      <strong>${stageLabel(thread?.stage ?? alert.classification.stage)}</strong>
      <time datetime="${(alert.publishedAt ?? alert.createdAt).slice(0, 10)}"
        >${(alert.publishedAt ?? alert.createdAt).slice(0, 10)}</time
      >
      <br />${maybeLink(alert.title, alert.link)}${thread?.reference ? html` <span class="muted">(${thread.reference})</span>` : ''}
    </li>`;
  });
  const body = html`${
      record
        ? html`<p><strong>${record.title}</strong></p>
            <p>
              Now: <strong>${stageLabel(record.stage)}</strong> since
              ${record.date}${record.reference ? html` · ${record.reference}` : ''}${record.lastAction ? html` — ${record.lastAction}` : ''}
            </p>
            <p>
              Vendors:
              ${record.vendors.join(', ') || '—'}${record.url ? html` · ${maybeLink('official page', record.url)}` : ''}
            </p>`
        : ''
    }
    <h2>Timeline</h2>
    ${
      steps.length
        ? html`<ol class="timeline">
            ${steps}
          </ol>`
        : html`<p class="muted">No stage alerted yet.</p>`
    }
    <p><a href="/ui/bills">All bills and rules</a></p>`;
  return { title: label, body };
}
