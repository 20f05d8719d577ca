import { html, type SafeHtml } from './html-escape.js';

export const NAV = [
  { path: '/ui', label: 'Overview' },
  { path: '/ui/sources', label: 'Sources' },
  { path: '/ui/bills', label: 'Bills and rules' },
  { path: '/ui/vendors', label: 'Vendors' },
  { path: '/ui/alerts', label: 'Alerts' },
  { path: '/ui/dead-letters', label: 'Dead letters' },
] as const;

export interface PageFrame {
  title: string;
  /** The nav entry marked as the current page. */
  active?: (typeof NAV)[number]['path'];
  /** Present when signed in: the sign-out form needs it. */
  csrf?: string;
  body: SafeHtml;
}

/** The shell of every page: a skip link, the navigation, one <main>. */
export function layout(frame: PageFrame): SafeHtml {
  const nav = frame.csrf
    ? html`<nav aria-label="Dashboard">
          <ul>
            ${NAV.map(
              (item) =>
                html`<li>
                  <a href="${item.path}" ${item.path === frame.active ? html`aria-current="page"` : ''}
                    >${item.label}</a
                  >
                </li>`,
            )}
          </ul>
        </nav>
        <form class="inline" method="post" action="/ui/sign-out">
          <input type="hidden" name="csrf" value="${frame.csrf}" /><button type="submit">Sign out</button>
        </form>`
    : '';
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${frame.title} · banwatch</title>
        <link rel="stylesheet" href="/ui/style.css" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header>
          <div class="bar"><span class="brand">banwatch</span>${nav}</div>
        </header>
        <main id="main" tabindex="-1">
          <h1>${frame.title}</h1>
          ${frame.body}
        </main>
      </body>
    </html>`;
}

/** `2026-12-06T20:48:00Z` as `2026-12-06 20:48` (UTC, as the CLI shows times). */
export function shortTime(iso: string | undefined): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '—';
}
