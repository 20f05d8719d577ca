import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command.js';
import { replyToText } from '../../src/commands/reply.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp, type App } from '../../src/main.js';
import { createLogger, silentLogger } from '../../src/shared/logger.js';
import { redactUrl } from '../../src/store/store-url.js';
import { runCli } from '../support/run-cli.js';

/**
 * Finding B: feed URLs carrying credentials or tokens (`?token=`, `user:pass@`) were shown by
 * `feeds list` (to members too) and by `config check`, and a store URL's `?password=` was
 * printed. Now every URL shown anywhere has its credentials and secret parameters masked.
 */
const SECRETS = ['hunter2pass', 'FEEDTOKEN0123456789', 'PGSECRET0123', 'APIKEYVALUE0123'];
const feedUrl = 'https://reader:hunter2pass@feeds.example/rss?token=FEEDTOKEN0123456789&topic=bans';
const keyedUrl = 'https://news.example/feed.xml?api_key=APIKEYVALUE0123';
let dir: string;
let app: App;

const leaks = (text: string) => SECRETS.filter((secret) => text.includes(secret));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'banwatch-secrets-'));
  writeFileSync(
    join(dir, 'c.yaml'),
    [
      `store: sqlite://${join(dir, 's.sqlite')}`,
      'sources:',
      `  - {id: private-feed, type: rss, url: "${feedUrl}"}`,
      `  - {id: keyed-feed, type: rss, url: "${keyedUrl}"}`,
    ].join('\n'),
  );
  app = await createApp({
    config: loadConfig({ file: join(dir, 'c.yaml'), env: {} }),
    logger: silentLogger(),
    stdout: process.stdout,
    parseInThread: true,
  });
});
afterAll(async () => {
  await app?.close();
});

describe('B: secrets in URLs are masked everywhere', () => {
  it('`feeds list` in chat shows a member the feeds with their secrets masked', async () => {
    const member: CommandContext = {
      actor: { platform: 'slack', id: 'U2', isAdmin: false, tenant: 'slack:T1' },
      place: { type: 'slack', channel: 'C1' },
    };
    const answer = await app.router.handle(['feeds', 'list'], member);
    const text = `${replyToText(answer)}${JSON.stringify(answer.data)}`;
    expect(text).toContain('private-feed');
    expect(text).toContain('reader:***@feeds.example/rss?token=***&topic=bans');
    expect(leaks(text)).toEqual([]);
  });

  it('`banwatch feeds list` and `config check` on the CLI mask them, and the store password too', async () => {
    const env = { BANWATCH_STORE: 'postgres://banwatch@db.example:5432/banwatch?password=PGSECRET0123' };
    const check = await runCli(['config', 'check', '--config', join(dir, 'c.yaml')], env);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('password=***');
    expect(leaks(check.stdout + check.stderr)).toEqual([]);
    const list = await runCli(['feeds', 'list', '--config', join(dir, 'c.yaml')]);
    expect(list.stdout).toContain('keyed-feed');
    expect(leaks(list.stdout + list.stderr)).toEqual([]);
  });

  it('log lines and store errors mask any URL in them', () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (chunk: Buffer) => (written += chunk.toString()));
    createLogger({ destination: out }).warn({ url: feedUrl }, `fetch of ${keyedUrl} failed`);
    expect(written).toContain('feeds.example');
    expect(leaks(written)).toEqual([]);
    expect(redactUrl('postgres://u:PGSECRET0123@db/x?password=PGSECRET0123')).toBe(
      'postgres://u:***@db/x?password=***',
    );
  });
});
