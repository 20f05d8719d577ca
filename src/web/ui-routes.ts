import type { IncomingMessage, ServerResponse } from 'node:http';
import { canChangeGlobal, type Principal } from '../domain/tenancy.js';
import { parseAlertFilter } from './alert-filter.js';
import { alertsCsv } from './alerts-csv.js';
import { alertsPage, findAlerts } from './alerts-page.js';
import { billPage, billsPage } from './bills-page.js';
import { deadLettersPage } from './dead-letters-page.js';
import { html, type SafeHtml } from './html-escape.js';
import { overviewPage } from './overview-page.js';
import { signInPage } from './sign-in-page.js';
import { sourcesPage } from './sources-page.js';
import { queryOf, readForm, redirect, sendHtml, sendText } from './ui-http.js';
import { layout, type NAV, type PageFrame } from './ui-layout.js';
import { clearedCookie, isHttps, sessionCookie, uiSessions, type UiSession } from './ui-session.js';
import { STYLESHEET } from './ui-stylesheet.js';
import { vendorPage } from './vendor-page.js';
import { vendorsPage } from './vendors-page.js';
import type { WebDeps } from './web-deps.js';

/** The shape of chat/platform.ts's HttpRoute, so the shared HTTP server serves these too. */
export interface WebRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

/** Whoever holds UI_TOKEN runs the install: an operator in domain/tenancy.ts's terms. */
const TOKEN_HOLDER: Principal = { operator: true, admin: true };

const DONE: Record<string, string> = { retried: 'Put back in the outbox.', dropped: 'Dropped.', gone: 'Already gone.' };

type Page = (req: IncomingMessage, session: UiSession) => Promise<PageFrame | undefined>;

/**
 * Every /ui route. Pages need a session (else a redirect to the sign-in form); actions need the
 * session's CSRF token too. Unknown ids answer 404 inside the frame.
 */
export function webRoutes(deps: WebDeps, token: string): WebRoute[] {
  const sessions = uiSessions(token);
  const now = () => deps.clock.now().getTime();
  const page = (path: string, build: Page): WebRoute => ({
    method: 'GET',
    path,
    async handle(req, res) {
      const session = sessions.read(req, now());
      if (!session) return redirect(res, '/ui/sign-in');
      const frame = await build(req, session);
      if (!frame) return sendHtml(res, 404, layout({ title: 'Not found', csrf: session.csrf, body: notFound() }));
      sendHtml(res, 200, layout({ ...frame, csrf: session.csrf }));
    },
  });
  const action = (path: string, act: (form: URLSearchParams) => Promise<string>): WebRoute => ({
    method: 'POST',
    path,
    async handle(req, res) {
      const session = sessions.read(req, now());
      const form = await readForm(req);
      if (!session || !form || !sessions.csrfMatches(session, form.get('csrf') ?? undefined)) {
        return sendText(res, 403, 'text/plain; charset=utf-8', 'forbidden: sign in again and resubmit the form\n');
      }
      redirect(res, await act(form));
    },
  });
  const frame = (path: (typeof NAV)[number]['path'], title: string, body: SafeHtml): PageFrame => ({
    title,
    active: path,
    body,
  });
  const deadLetter = async (form: URLSearchParams, kind: 'retry' | 'drop') => {
    // Dead letters belong to the whole install: the tenancy rules give them to operators only.
    if (!canChangeGlobal(TOKEN_HOLDER)) return '/ui/dead-letters';
    const key = form.get('key') ?? '';
    const at = deps.clock.now().toISOString();
    const done = kind === 'retry' ? await deps.outbox.retryDead(key, at) : await deps.outbox.dropDead(key);
    await deps.flush();
    return `/ui/dead-letters?done=${done ? (kind === 'retry' ? 'retried' : 'dropped') : 'gone'}`;
  };
  return [
    {
      method: 'GET',
      path: '/ui/style.css',
      handle: (_req, res) =>
        sendText(res, 200, 'text/css; charset=utf-8', STYLESHEET, { 'cache-control': 'public, max-age=3600' }),
    },
    {
      method: 'GET',
      path: '/ui/sign-in',
      handle: (req, res) =>
        sendHtml(res, 200, layout({ title: 'Sign in', body: signInPage(queryOf(req).get('failed') === '1') })),
    },
    {
      method: 'POST',
      path: '/ui/sign-in',
      async handle(req, res) {
        const form = await readForm(req);
        const offered = form?.get('token') ?? '';
        if (!offered || !sessions.tokenMatches(offered)) return redirect(res, '/ui/sign-in?failed=1');
        redirect(res, '/ui', { 'set-cookie': sessionCookie(sessions.create(now()), isHttps(req)) });
      },
    },
    {
      method: 'POST',
      path: '/ui/sign-out',
      handle: (req, res) => redirect(res, '/ui/sign-in', { 'set-cookie': clearedCookie(isHttps(req)) }),
    },
    { method: 'GET', path: '/ui/', handle: (_req, res) => redirect(res, '/ui') },
    page('/ui', async () => frame('/ui', 'Overview', await overviewPage(deps))),
    page('/ui/sources', async (req) => {
      const number = Number.parseInt(queryOf(req).get('page') ?? '1', 10) || 1;
      return frame('/ui/sources', 'Sources', await sourcesPage(deps, number));
    }),
    page('/ui/bills', async () => frame('/ui/bills', 'Bills and rules', await billsPage(deps))),
    page('/ui/bill', async (req) => {
      const found = await billPage(deps, queryOf(req).get('key') ?? '');
      return found && frame('/ui/bills', found.title, found.body);
    }),
    page('/ui/vendors', async () => frame('/ui/vendors', 'Vendors', await vendorsPage(deps))),
    page('/ui/vendor', async (req) => {
      const found = await vendorPage(deps, (queryOf(req).get('name') ?? '').slice(0, 100));
      return found && frame('/ui/vendors', found.title, found.body);
    }),
    page('/ui/alerts', async (req) => {
      const query = queryOf(req);
      const number = Math.min(1_000, Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1));
      return frame('/ui/alerts', 'Alerts', await alertsPage(deps, parseAlertFilter(query), number));
    }),
    {
      method: 'GET',
      path: '/ui/alerts.csv',
      async handle(req, res) {
        if (!sessions.read(req, now())) return redirect(res, '/ui/sign-in');
        const filter = parseAlertFilter(queryOf(req));
        const found = await findAlerts(deps, filter, Number.POSITIVE_INFINITY);
        const csv = alertsCsv(found.alerts, (alert) => (found.channels.get(alert.id) ?? []).map((c) => c.channelId));
        const day = deps.clock.now().toISOString().slice(0, 10);
        sendText(res, 200, 'text/csv; charset=utf-8', csv, {
          'content-disposition': `attachment; filename="banwatch-alerts-${day}.csv"`,
        });
      },
    },
    page('/ui/dead-letters', async (req, session) => {
      const done = DONE[queryOf(req).get('done') ?? ''];
      return frame('/ui/dead-letters', 'Dead letters', await deadLettersPage(deps, session.csrf, done));
    }),
    action('/ui/dead-letters/retry', (form) => deadLetter(form, 'retry')),
    action('/ui/dead-letters/drop', (form) => deadLetter(form, 'drop')),
  ];
}

function notFound(): SafeHtml {
  return html`<p>Nothing by that name. <a href="/ui">Back to the overview</a></p>`;
}
