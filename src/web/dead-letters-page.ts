import { dataTable } from './data-table.js';
import { alertSubject } from '../domain/alert-text.js';
import { deadLetterKey, type DeadLetter } from '../domain/outbox.js';
import { maskUrlsIn } from '../shared/mask-url.js';
import { html, maybeLink, type SafeHtml } from './html-escape.js';
import { shortTime } from './ui-layout.js';
import type { WebDeps } from './web-deps.js';

const SHOWN = 200;

function what(letter: DeadLetter): SafeHtml {
  const payload = letter.payload;
  if (payload.type === 'notice') return html`notice: ${payload.notice.text}`;
  if (payload.type === 'digest')
    return html`${payload.digest.every} digest ${payload.digest.date}: ${payload.digest.alerts.length} alert(s)`;
  return html`${alertSubject(payload.alert)}<br />${maybeLink(payload.alert.title, payload.alert.link)}`;
}

function actions(letter: DeadLetter, csrf: string): SafeHtml {
  const key = deadLetterKey(letter);
  return html`<form class="inline" method="post" action="/ui/dead-letters/retry">
      <input type="hidden" name="csrf" value="${csrf}" /><input type="hidden" name="key" value="${key}" />
      <button type="submit">Retry</button>
    </form>
    <form class="inline" method="post" action="/ui/dead-letters/drop">
      <input type="hidden" name="csrf" value="${csrf}" /><input type="hidden" name="key" value="${key}" />
      <button type="submit">Drop</button>
    </form>`;
}

/**
 * Dead letters: each with the platform's reason; operators (whoever signed in with UI_TOKEN)
 * retry or drop them through POST forms carrying the session's CSRF token.
 */
export async function deadLettersPage(deps: WebDeps, csrf: string, notice?: string): Promise<SafeHtml> {
  const [letters, counts] = await Promise.all([deps.outbox.deadLetters(SHOWN), deps.outbox.counts()]);
  const rows = letters.map(
    (letter) =>
      html`<tr>
        <td data-label="Died">${shortTime(letter.deadAt)}</td>
        <td data-label="Channel">${letter.channelId}</td>
        <td data-label="Message">${what(letter)}</td>
        <td data-label="Error">
          ${maskUrlsIn(letter.reason)}<br /><span class="muted">after ${letter.attempts} attempts</span>
        </td>
        <td data-label="Action">${actions(letter, csrf)}</td>
      </tr>`,
  );
  return html`${notice ? html`<p role="status" class="ok">${notice}</p>` : ''}
    <p>
      ${counts.dead} dead letters${counts.dead > SHOWN ? `, the newest ${SHOWN} shown` : ''}; ${counts.pending} messages
      waiting in the outbox. Retry puts a message back in the outbox to be sent on the next delivery tick; drop removes
      it for good.
    </p>
    ${dataTable({ headers: ['Died (UTC)', 'Channel', 'Message', 'Error', 'Action'], rows, empty: 'No dead letters.' })}`;
}
