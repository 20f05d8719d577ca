import { html, type SafeHtml } from './html-escape.js';

/**
 * The one table every listing page draws: scrollable on a phone (`table-wrap`), rows stacked
 * under their labels at phone width (`stack`), headers scoped to columns for screen readers.
 * `empty` is said instead of a table with no rows; without it, the headers still show.
 */
export function dataTable(options: {
  headers: readonly string[];
  rows: readonly SafeHtml[];
  caption?: string;
  empty?: string;
}): SafeHtml {
  if (!options.rows.length && options.empty !== undefined) return html`<p class="muted">${options.empty}</p>`;
  const caption =
    options.caption === undefined
      ? ''
      : html`<caption class="muted">
          ${options.caption}
        </caption>`;
  return html`<div class="table-wrap">
    <table class="stack">
      ${caption}
      <thead>
        <tr>
          ${options.headers.map((header) => html`<th scope="col">${header}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${options.rows}
      </tbody>
    </table>
  </div>`;
}

/** Links between the pages of a long listing ("Page 2 of 5. Previous Next"); nothing for one page. */
export function pager(
  page: number,
  pages: number,
  href: (page: number) => string,
  words: { prev: string; next: string },
): SafeHtml | '' {
  if (pages <= 1) return '';
  return html`<nav aria-label="Pages">
    <p>
      Page ${page} of ${pages}.
      ${page > 1 ? html`<a href="${href(page - 1)}" rel="prev">${words.prev}</a> ` : ''}${page < pages ? html`<a href="${href(page + 1)}" rel="next">${words.next}</a>` : ''}
    </p>
  </nav>`;
}
