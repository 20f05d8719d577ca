/**
 * The one way banwatch shows a URL to anyone (chat, CLI, logs, `config check`, errors): its
 * credentials (`user:pass@`), and the values of query parameters that carry secrets (tokens,
 * keys, passwords, signatures), replaced by `***`. Host and path stay, so people can still tell
 * which feed or store it is. Webhook URLs, whose path is the secret, are masked further by
 * their callers.
 */
const SECRET_PARAM =
  /^(?:.*[_-])?(?:token|access[_-]?token|api[_-]?key|apikey|key|pass|passwd|password|pwd|secret|sig|signature|auth|authorization|credential|credentials|session|sessionid|sid|code)$/i;

export const MASK = '***';

export function isSecretParam(name: string): boolean {
  return SECRET_PARAM.test(name);
}

/** One URL, masked; text that is not a URL comes back unchanged. */
export function maskUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(url);
  if (!match) return url;
  const [, scheme = '', authority = '', path = '', query, fragment = ''] = match;
  const at = authority.lastIndexOf('@');
  let host = authority;
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    // `user:pass@` keeps the user name (it tells which account); a bare `token@` is all secret.
    const shown = colon >= 0 ? `${userinfo.slice(0, colon)}:${MASK}` : MASK;
    host = `${shown}@${authority.slice(at + 1)}`;
  }
  return `${scheme}${host}${path}${query ? maskQuery(query) : ''}${fragment}`;
}

function maskQuery(query: string): string {
  const parts = query
    .slice(1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // an undecodable name is matched as written
      }
      return isSecretParam(name) ? `${pair.slice(0, eq)}=${MASK}` : pair;
    });
  return `?${parts.join('&')}`;
}

/** Every URL inside a text (an error message, a log line), masked. */
export function maskUrlsIn(text: string): string {
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`|]+/gi, (url) => maskUrl(url));
}
