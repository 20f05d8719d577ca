import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { dashboardAddress } from '../../src/app/build-web.js';
import { alertsCsv } from '../../src/web/alerts-csv.js';
import { csvCell } from '../../src/shared/csv.js';
import { escapeHtml, html, safeHref } from '../../src/web/html-escape.js';
import { isHttps, sessionCookie, uiSessions } from '../../src/web/ui-session.js';
import { perDay } from '../../src/web/svg-charts.js';
import type { Alert } from '../../src/domain/alert.js';

const request = (headers: Record<string, string>, encrypted = false) =>
  ({ headers, socket: { encrypted } }) as unknown as IncomingMessage;

describe('html escaping', () => {
  it('escapes every interpolated value, keeps SafeHtml, joins arrays and drops empty values', () => {
    const title = `<script>alert("x")</script> & 'quotes'`;
    expect(html`<p>${title}</p>`.value).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</p>',
    );
    expect(
      html`<ul>
          ${['<a>', html`<li>ok</li>`]}
        </ul>
        ${undefined}${false}`.value.replace(/\s+/g, ''),
    ).toBe('<ul>&lt;a&gt;<li>ok</li></ul>');
    expect(escapeHtml('"><img src=x onerror=alert(1)>')).not.toMatch(/[<>"]/);
  });

  it('links only to http(s) URLs', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' JAVASCRIPT:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<b>')).toBeUndefined();
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
  });
});

describe('CSV export', () => {
  it('prefixes cells a spreadsheet would run as a formula and quotes every cell', () => {
    for (const formula of ['=1+1', '+1', '-2', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(formula)).toBe(`"'${formula}"`);
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('Huawei banned')).toBe('"Huawei banned"');
  });

  it('writes one CRLF row per alert after the header', () => {
    const alert = {
      id: 'a1',
      sourceId: 'feed',
      createdAt: '2026-01-02T03:04:05.000Z',
      title: '=cmd|"/c calc"!A1',
      classification: { vendors: ['Huawei'], action: 'ban', stage: 'rule', score: 0.9 },
    } as unknown as Alert;
    const lines = alertsCsv([alert], () => ['ops'])
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(lines[2]).toBe('');
  });
});

describe('dashboard sessions', () => {
  const sessions = uiSessions('a-token-of-sixteen-chars');
  const now = Date.parse('2026-12-06T12:00:00Z');
  const cookieOf = (value: string) => request({ cookie: `other=1; banwatch_ui=${value}` });

  it('accepts its own cookie until it expires, and refuses a forged or foreign one', () => {
    const value = sessions.create(now);
    expect(sessions.read(cookieOf(value), now + 1000)).toBeDefined();
    expect(sessions.read(cookieOf(value), now + 13 * 3_600_000)).toBeUndefined();
    const [expiry, nonce, mac] = value.split('.');
    expect(sessions.read(cookieOf(`${Number(expiry) + 1e9}.${nonce}.${mac}`), now)).toBeUndefined();
    expect(uiSessions('another-token-sixteen-chars').read(cookieOf(value), now)).toBeUndefined();
    expect(sessions.read(request({}), now)).toBeUndefined();
  });

  it('checks the token and the CSRF token in constant time against the right values', () => {
    expect(sessions.tokenMatches('a-token-of-sixteen-chars')).toBe(true);
    expect(sessions.tokenMatches('a-token-of-sixteen-char')).toBe(false);
    const session = sessions.read(cookieOf(sessions.create(now)), now);
    expect(session && sessions.csrfMatches(session, session.csrf)).toBe(true);
    expect(session && sessions.csrfMatches(session, 'forged')).toBe(false);
    expect(session && sessions.csrfMatches(session, undefined)).toBe(false);
  });

  it('marks the cookie Secure behind an https proxy (X-Forwarded-Proto) or on TLS, not on plain http', () => {
    expect(isHttps(request({ 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(isHttps(request({ 'x-forwarded-proto': 'https, http' }))).toBe(true);
    expect(isHttps(request({}, true))).toBe(true);
    expect(isHttps(request({ 'x-forwarded-proto': 'http' }))).toBe(false);
    expect(sessionCookie('v', true)).toBe('banwatch_ui=v; Path=/ui; HttpOnly; SameSite=Strict; Max-Age=43200; Secure');
    expect(sessionCookie('v', false)).not.toContain('Secure');
  });
});

describe('charts', () => {
  it('counts alerts per day including empty days', () => {
    expect(perDay(['2026-12-05T10:00:00Z', '2026-12-05T11:00:00Z', '2026-12-03T00:00:00Z'], '2026-12-05', 3)).toEqual([
      { day: '2026-12-03', count: 1 },
      { day: '2026-12-04', count: 0 },
      { day: '2026-12-05', count: 2 },
    ]);
  });
});

describe('the printed address', () => {
  it('names the bound address, or localhost when the server listens on every interface', () => {
    expect(dashboardAddress('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000/ui');
    expect(dashboardAddress('0.0.0.0', 8080)).toBe('http://localhost:8080/ui');
    expect(dashboardAddress('::', 8080)).toBe('http://localhost:8080/ui');
    expect(dashboardAddress('::1', 3000)).toBe('http://[::1]:3000/ui');
  });
});
