import { html, type SafeHtml } from './html-escape.js';

/** The token form. A wrong token says so and nothing more. */
export function signInPage(failed: boolean): SafeHtml {
  return html`<div class="signin">
    ${failed ? html`<p role="alert" class="bad">That token is not right.</p>` : ''}
    <form method="post" action="/ui/sign-in">
      <label
        >Dashboard token (UI_TOKEN)
        <input type="password" name="token" autocomplete="current-password" required autofocus />
      </label>
      <p><button class="primary" type="submit">Sign in</button></p>
    </form>
  </div>`;
}
