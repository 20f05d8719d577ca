import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command.js';
import { loadConfig } from '../../src/config/load-config.js';
import { MAX_CHAT_FEEDS } from '../../src/commands/handlers/feed-index.js';
import { CHAT_LIST_LINES } from '../../src/commands/reply.js';
import { emptyFeedState } from '../../src/domain/feed-state.js';
import { createApp, type App } from '../../src/main.js';
import { silentLogger } from '../../src/shared/logger.js';
import { rssDocument, startFeedServer, type FeedServer } from '../fakes/feed-server.js';

/** Issue 7: feeds added from chat are guarded; the operator's CLI is trusted. */
let feeds: FeedServer;
let app: App;
const slackAdmin: CommandContext = { actor: { platform: 'slack', id: 'U1', isAdmin: true, name: 'ada' } };
const slackMember: CommandContext = { actor: { platform: 'slack', id: 'U2', isAdmin: false } };
const cli: CommandContext = { actor: { platform: 'cli', id: 'cli', isAdmin: true } };

beforeAll(async () => {
  feeds = await startFeedServer();
  feeds.route('/ok.xml', { body: rssDocument({ title: 'OK feed', items: [{ title: 'hello', guid: '1' }] }) });
  feeds.route('/page', { body: '<html><body>not a feed</body></html>', contentType: 'text/html' });
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-feeds-'));
  writeFileSync(
    join(dir, 'c.yaml'),
    [
      `store: sqlite://${join(dir, 's.sqlite')}`,
      'sources:',
      `  - {id: configured, type: rss, url: "${feeds.url('/ok.xml')}"}`,
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
  await app.close();
  await feeds.close();
});

const run = (args: string[], context: CommandContext) => app.router.handle(args, context);

describe('feeds from chat', () => {
  it.each([
    ['http://127.0.0.1:8080/feed.xml', /private|loopback|not allowed/i],
    ['http://localhost/feed.xml', /localhost/],
    ['http://169.254.169.254/latest/meta-data/', /not allowed|link-local|metadata/i],
    ['http://[::1]/feed', /not allowed|loopback/i],
    ['file:///etc/passwd', /only http and https/],
    ['https://user:pw@example.com/feed', /user name or password/],
    [`https://example.com/${'x'.repeat(2_100)}`, /too long/],
  ])('refuses %s with a clear reason and adds nothing', async (url, reason) => {
    const answer = await run(['feeds', 'add', url], slackAdmin);
    expect(answer.refused).toBe(true);
    expect(answer.title).toMatch(reason);
    expect(app.sources().map((s) => s.id)).toEqual(['configured']);
  });

  it('refuses non-admins, and lists feeds for anyone', async () => {
    expect((await run(['feeds', 'add', 'https://example.com/feed'], slackMember)).title).toBe('Not allowed');
    const list = await run(['feeds', 'list'], slackMember);
    expect(list.refused).toBeFalsy();
    expect(JSON.stringify(list.data)).toContain('configured');
  });

  it('lets the operator add a local feed from the CLI, probes it, and refuses duplicates and non-feeds', async () => {
    const added = await run(['feeds', 'add', feeds.url('/page')], cli);
    expect(added.refused).toBe(true);
    expect(added.title).toMatch(/not a readable feed/);
    const copy = await run(['feeds', 'add', `${feeds.url('/ok.xml')}?utm_source=x`], cli);
    expect(copy.title).toMatch(/already polled as "configured"/);
    feeds.route('/other.xml', { body: rssDocument({ items: [] }) });
    const ok = await run(['feeds', 'add', feeds.url('/other.xml')], cli);
    expect(ok.title).toBe('Feed "127-0-0-1" added');
    expect(app.sources().map((s) => s.id)).toEqual(['configured', '127-0-0-1']);
    expect((await run(['feeds', 'remove', 'configured'], cli)).title).toMatch(/set in the config file/);
    expect((await run(['feeds', 'remove', '127-0-0-1'], cli)).title).toBe('Feed "127-0-0-1" removed');
    expect(app.sources().map((s) => s.id)).toEqual(['configured']);
  });

  it('stops a workspace at 1,000 feeds added from chat, but not the operator on the host', async () => {
    for (let n = 0; n < MAX_CHAT_FEEDS; n++)
      await app.stores.runtimeFeeds.put({
        id: `chat-${n}`,
        url: `https://news${n}.example/feed`,
        intervalMs: 600_000,
        addedBy: 'U1',
        addedAt: '2026-12-01T00:00:00.000Z',
        trusted: false,
        scope: 'slack:T1',
      });
    const tenantAdmin = (tenant: string): CommandContext => ({
      actor: { platform: 'slack', id: 'U9', isAdmin: true, tenant },
    });
    const refused = await run(['feeds', 'add', 'https://one-more.example/feed'], tenantAdmin('slack:T1'));
    expect(refused.refused).toBe(true);
    expect(refused.title).toMatch(/This workspace or server has added 1000 feeds/);
    feeds.route('/operator.xml', { body: rssDocument({ items: [] }) });
    const operator = await run(['feeds', 'add', feeds.url('/operator.xml')], cli);
    expect(operator.refused).toBeFalsy();
    expect(app.sources()).toHaveLength(MAX_CHAT_FEEDS + 2);

    // Listed in chat: the paused feeds first, then as many as a message holds, and a count of the rest.
    await app.stores.feeds.put({ ...emptyFeedState('chat-999'), pausedAt: '2026-12-07T00:00:00.000Z' });
    const inChat = await run(['feeds', 'list'], tenantAdmin('slack:T1'));
    const chatLines = inChat.sections[0]?.lines ?? [];
    expect(chatLines).toHaveLength(CHAT_LIST_LINES + 1);
    expect(chatLines[0]?.text).toMatch(/^chat-999 \(PAUSED\)/);
    expect(chatLines.at(-1)?.text).toMatch(/and 952 more/);
    const onHost = await run(['feeds', 'list'], cli);
    expect(onHost.sections[0]?.lines).toHaveLength(MAX_CHAT_FEEDS + 2);
  });
});

describe('a paused source that is not a feed', () => {
  it('is resumed like a feed, by an operator only (a list serves the whole install)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'banwatch-resume-'));
    writeFileSync(
      join(dir, 'c.yaml'),
      [
        `store: sqlite://${join(dir, 's.sqlite')}`,
        'sources:',
        `  - {id: covered, type: fcc-covered-list, url: "${feeds.url('/covered')}"}`,
      ].join('\n'),
    );
    const lists = await createApp({
      config: loadConfig({ file: join(dir, 'c.yaml'), env: {} }),
      logger: silentLogger(),
      stdout: process.stdout,
    });
    try {
      const resume = (context: CommandContext, id = 'covered') => lists.router.handle(['feeds', 'resume', id], context);
      await lists.stores.feeds.put({
        ...emptyFeedState('covered'),
        failures: 10,
        pausedAt: '2026-12-07T00:00:00.000Z',
      });
      expect(await resume(slackAdmin)).toMatchObject({ refused: true, code: 'NOT_OPERATOR' });
      expect((await lists.stores.feeds.get('covered'))?.pausedAt).toBeDefined();
      expect((await resume(cli)).title).toBe('Feed "covered" resumed');
      const state = await lists.stores.feeds.get('covered');
      expect(state?.pausedAt).toBeUndefined();
      expect(state?.failures).toBe(0);
      expect((await resume(cli, 'nothing-here')).code).toBe('UNKNOWN_FEED');
    } finally {
      await lists.close();
    }
  });
});
