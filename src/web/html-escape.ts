/**
 * Every page is built from these: text is escaped unless it is already SafeHtml, so a feed
 * title (hostile input) can only ever become text. Markup enters only through the `html`
 * template's literal parts, never through a value.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  // Numbers and strings are what pages pass; anything else would be a bug, shown escaped.
  return escapeHtml(typeof value === 'string' ? value : JSON.stringify(value));
}

/** A template tag: literal parts are markup, every interpolated value is escaped (arrays joined). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] as string;
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] as string);
  });
  return new SafeHtml(out);
}

/**
 * A link target from stored data: only http(s) URLs, so a `javascript:` link in a feed item
 * cannot run. Undefined otherwise (the caller renders plain text).
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url) || !URL.canParse(url)) return undefined;
  return url;
}

/** A link when the URL is safe, the text alone otherwise. */
export function maybeLink(text: string, url: string | undefined): SafeHtml {
  const href = safeHref(url);
  return href ? html`<a href="${href}" rel="noopener noreferrer">${text}</a>` : html`${text}`;
}
