import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Dashboard sessions without server state: the cookie holds an expiry and a nonce signed with a
 * key derived from UI_TOKEN, so changing the token signs everyone out, a restart does not, and
 * several instances behind one address accept each other's cookies. The CSRF token of a session
 * is derived from it the same way, so forms need no store either.
 */
export const SESSION_COOKIE = 'banwatch_ui';
const SESSION_MS = 12 * 3_600_000;

export interface UiSession {
  id: string;
  /** Put in every POST form; checked before any action. */
  csrf: string;
}

export interface UiSessions {
  /** True when the offered token is UI_TOKEN (compared in constant time). */
  tokenMatches(offered: string): boolean;
  /** A new session's cookie value. */
  create(nowMs: number): string;
  /** The session a request carries, when its cookie is genuine and unexpired. */
  read(req: IncomingMessage, nowMs: number): UiSession | undefined;
  csrfMatches(session: UiSession, offered: string | undefined): boolean;
}

function sameText(a: string, b: string): boolean {
  const x = createHmac('sha256', 'compare').update(a).digest();
  const y = createHmac('sha256', 'compare').update(b).digest();
  return timingSafeEqual(x, y);
}

export function uiSessions(token: string): UiSessions {
  const key = createHmac('sha256', token).update('banwatch-ui-session').digest();
  const sign = (text: string) => createHmac('sha256', key).update(text).digest('base64url');
  const csrfOf = (id: string) => sign(`csrf:${id}`);
  return {
    tokenMatches: (offered) => sameText(offered, token),
    create(nowMs) {
      const body = `${nowMs + SESSION_MS}.${randomBytes(16).toString('base64url')}`;
      return `${body}.${sign(body)}`;
    },
    read(req, nowMs) {
      const value = cookieValue(req.headers.cookie, SESSION_COOKIE);
      const match = value?.match(/^(\d+)\.([\w-]+)\.([\w-]+)$/);
      if (!match) return undefined;
      const body = `${match[1]}.${match[2]}`;
      if (!sameText(sign(body), match[3] as string) || Number(match[1]) <= nowMs) return undefined;
      return { id: body, csrf: csrfOf(body) };
    },
    csrfMatches: (session, offered) => offered !== undefined && sameText(session.csrf, offered),
  };
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Behind a TLS-terminating proxy the request arrives as http with X-Forwarded-Proto: https. */
export function isHttps(req: IncomingMessage): boolean {
  const forwarded = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https' || Boolean((req.socket as { encrypted?: boolean }).encrypted);
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over https. */
export function sessionCookie(value: string, secure: boolean): string {
  const parts = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/ui',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${SESSION_MS / 1000}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearedCookie(secure: boolean): string {
  return [
    `${SESSION_COOKIE}=`,
    'Path=/ui',
    'HttpOnly',
    'SameSite=Strict',
    'Max-Age=0',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
