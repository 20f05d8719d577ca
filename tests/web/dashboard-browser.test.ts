import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TITLE, startDashboard, UI_TOKEN, type Dashboard } from './dashboard-fixture.js';

/**
 * The dashboard as an operator meets it, in a real headless Chromium (Debian's package, driven
 * by playwright-core) against the real app on the demo's sources. One browser for the file; the
 * tests run in order on one signed-in context. Each page's screenshot goes to docs/screenshots/.
 */
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = resolve(__dirname, '..', '..', 'docs', 'screenshots');
const present = existsSync(CHROMIUM);
if (!present) {
  console.warn(
    `dashboard browser tests skipped: ${CHROMIUM} is absent (apt-get install -y chromium; .ci/run installs it in CI)`,
  );
}

let dashboard: Dashboard;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const go = (path: string) => page.goto(`${dashboard.url}${path}`);

describe.skipIf(!present)('web dashboard in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dashboard = await startDashboard();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context = await browser.newContext({ viewport: { width: 1200, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
    // A hostile title that ran would show here (alert(), or an error in the page).
    page.on(
      'dialog',
      (dialog) => void dialog.dismiss().then(() => ((page as unknown as { dialogs?: number }).dialogs = 1)),
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
  });

  it('asks for the token, refuses a wrong one, and signs in with the right one into an HttpOnly strict cookie', async () => {
    await go('');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/ui/sign-in');
    await shot('sign-in');
    await page.getByLabel('Dashboard token (UI_TOKEN)').fill('not-the-token-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('That token is not right.').waitFor();
    expect(await context.cookies()).toEqual([]);
    await page.getByLabel('Dashboard token (UI_TOKEN)').fill(UI_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({
      name: 'banwatch_ui',
      httpOnly: true,
      sameSite: 'Strict',
      secure: false,
      path: '/ui',
    });
    await shot('overview');
    // The first Tab reaches the skip link: the page is keyboard navigable from the top.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Skip to content');
    expect(await page.locator('svg.chart[role="img"]').getAttribute('aria-label')).toMatch(/alerts from/);
  });

  it('shows the failing feed on Sources with its error', async () => {
    await page.getByRole('link', { name: 'Sources' }).click();
    const row = page.locator('#source-broken-feed');
    await expect.poll(() => row.locator('td[data-label="Health"]').textContent()).toMatch(/failing ×\d+/);
    expect(await row.locator('td[data-label="Last error"]').textContent()).toContain('HTTP 500');
    expect(await page.locator('#source-carrier-wire td[data-label="Health"]').textContent()).toBe('healthy');
    await shot('sources');
  });

  it("follows H.R.5515's timeline from the bills page through its five stages to the law", async () => {
    await page.getByRole('link', { name: 'Bills and rules' }).click();
    await shot('bills');
    await page.getByRole('link', { name: 'H.R.5515 (115th)' }).click();
    await page.getByRole('heading', { level: 1, name: 'H.R.5515 (115th)' }).waitFor();
    const stages = page.locator('ol.timeline > li');
    expect(await stages.count()).toBe(5);
    expect(await stages.locator('time').allTextContents()).toEqual([
      '2018-05-24',
      '2018-06-18',
      '2018-08-01',
      '2018-08-03',
      '2018-08-13',
    ]);
    expect(await stages.last().textContent()).toContain('Public Law 115-232');
    await shot('bill-timeline');
  });

  it('searches alerts by vendor and words, and exports exactly those as CSV', async () => {
    await page.getByRole('link', { name: 'Alerts' }).click();
    const total = Number(await page.locator('p[role="status"] strong').textContent());
    await page.getByLabel('Vendor').selectOption('Huawei');
    await page.getByLabel('Words in the title').fill('signed');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/vendor=Huawei/);
    const matched = Number(await page.locator('p[role="status"] strong').textContent());
    expect(matched).toBe(1);
    expect(matched).toBeLessThan(total);
    expect(await page.locator('tbody tr').textContent()).toContain('signed into law');
    await shot('alerts');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export these as CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('created,date,source,vendors,action,stage,score,channels,title,link');
    expect(lines).toHaveLength(1 + matched);
    expect(lines[1]).toContain('signed into law');
  });

  it('exports a hostile title so no spreadsheet runs it', async () => {
    const response = await page.request.get(`${dashboard.url}/alerts.csv?source=hostile-feed`);
    const row = (await response.text()).split('\r\n')[1] as string;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"")`);
  });

  it('renders the hostile title as text on the alerts page, never as markup', async () => {
    await go('/alerts?source=hostile-feed');
    const cell = page.locator('tbody tr td[data-label="Title"]');
    expect(await cell.textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator('main script, main img').count()).toBe(0);
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await page.evaluate('window.pwned')).toBeUndefined();
    expect((page as unknown as { dialogs?: number }).dialogs).toBeUndefined();
    await shot('alerts-hostile');
  });

  it('shows a vendor page with its catalogue, bills and alerts', async () => {
    await go('/vendors');
    await shot('vendors');
    await page.getByRole('link', { name: 'Huawei', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Huawei' }).waitFor();
    expect(await page.getByRole('heading', { name: /^Restrictions/ }).count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain('H.R.5515 (115th)');
    await shot('vendor');
  });

  it('retries a dead letter through a CSRF-protected form, and refuses the same POST without the token', async () => {
    const forged = await page.request.post(`${dashboard.url}/dead-letters/retry`, {
      form: { key: 'anything' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    await page.getByRole('link', { name: 'Dead letters' }).click();
    await shot('dead-letters');
    const rows = page.locator('tbody tr');
    const before = await rows.count();
    expect(before).toBeGreaterThan(0);
    expect(await rows.first().textContent()).toContain('HTTP 400');
    dashboard.hooks.answerFor('/refused', undefined); // the platform takes posts again
    const pendingBefore = (await dashboard.app.stores.outbox.counts()).pending;
    await rows.first().getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('status').getByText('Put back in the outbox.').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(before - 1);
    const after = await dashboard.app.stores.outbox.counts();
    // Back in the queue, or already delivered by the running delivery tick: never dead again.
    expect(after.dead).toBe(before - 1);
    expect(after.pending + dashboard.hooks.delivered('/refused').length).toBe(pendingBefore + 1);
  });

  it('reads at phone width without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['', '/sources', '/alerts']) {
      await go(path);
      const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await shot('alerts-phone');
  });
});
