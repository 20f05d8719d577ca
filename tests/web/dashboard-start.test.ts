import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBanwatch, type BanwatchProcess } from '../../scripts/faults/banwatch-process.js';

/**
 * `npm start` as an operator runs it: the compiled `banwatch run` in its own process. With
 * UI_TOKEN it prints the dashboard's address and serves it; without, /ui is a 404 on the same
 * server. (`npm test` builds dist/ before the tests run.)
 */
const dir = mkdtempSync(join(tmpdir(), 'banwatch-web-start-'));
const running: BanwatchProcess[] = [];

function start(name: string, env: Record<string, string>): BanwatchProcess {
  const config = join(dir, `${name}.yaml`);
  writeFileSync(
    config,
    [
      `store: sqlite://${join(dir, `${name}.sqlite`)}`,
      'sources: []',
      'channels:',
      '  - {id: ops, type: console}',
      '',
    ].join('\n'),
  );
  const bot = startBanwatch(['run', '--config', config], { PORT: '0', ...env });
  running.push(bot);
  return bot;
}

/** The first match of `pattern` in what the process prints, waiting for it (it may be slow to start). */
async function printed(bot: BanwatchProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  for (;;) {
    const match = bot.output().match(pattern);
    if (match) return match;
    const exited = await Promise.race([bot.exited.then(() => true), new Promise((r) => setTimeout(r, 100, false))]);
    if (exited) throw new Error(`banwatch exited before printing ${pattern}:\n${bot.output()}`);
  }
}

afterAll(async () => {
  for (const bot of running) {
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('banwatch run and the dashboard', () => {
  it('prints the dashboard address with UI_TOKEN set, and serves the sign-in page there', async () => {
    const bot = start('with', { UI_TOKEN: 'start-test-token-0123456789' });
    const [, url] = await printed(bot, /dashboard: (http:\/\/127\.0\.0\.1:\d+\/ui) \(sign in with UI_TOKEN\)/);
    const page = await fetch(url as string, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/ui/sign-in');
    const signIn = await fetch(`${url}/sign-in`);
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain('Dashboard token (UI_TOKEN)');
  }, 60_000);

  it('answers 404 under /ui without UI_TOKEN, and prints no dashboard', async () => {
    const bot = start('without', {});
    const [, port] = await printed(bot, /HTTP on port (\d+)/);
    expect(bot.output()).not.toContain('dashboard:');
    for (const path of ['/ui', '/ui/sign-in', '/ui/alerts']) {
      expect((await fetch(`http://127.0.0.1:${port}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  }, 60_000);
});
