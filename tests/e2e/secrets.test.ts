import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCongressApi, type FakeCongressApi } from '../fakes/congress-api.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../fakes/discord-api.js';
import { rssDocument, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';
import { runCli } from '../support/run-cli.js';

/**
 * Issue 7: tokens and secrets never appear in logs, status, errors shown to people, or crash
 * output. Every platform is set up with recognisable test secrets, made to fail in ways that
 * produce messages, and every output is searched for them.
 */
const SECRETS = {
  slackBot: 'xoxb-test-secret-slack-bot-7f3a',
  slackSigning: 'test-secret-slack-signing-91bc',
  discord: 'test-secret-discord-token-55de',
  congress: 'test-secret-congress-key-0a1b',
  hookPath: 'hook-secret-path-c0ffee',
  storePassword: 'store-secret-password-be4d',
};
const publicKey = generateKeyPairSync('ed25519')
  .publicKey.export({ format: 'der', type: 'spki' })
  .subarray(12)
  .toString('hex');

let feeds: FeedServer;
let hooks: WebhookServer;
let slack: FakeSlackApi;
let discord: FakeDiscordApi;
let congress: FakeCongressApi;
let config: string;
let env: Record<string, string>;

beforeAll(async () => {
  feeds = await startFeedServer();
  hooks = await startWebhookServer();
  slack = await startFakeSlackApi({ botToken: SECRETS.slackBot });
  discord = await startFakeDiscordApi({ token: SECRETS.discord, applicationId: '900000000000000001' });
  congress = await startFakeCongressApi({ apiKey: SECRETS.congress });
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-secrets-'));
  config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'delivery: {channelGap: 0s}',
      'sources:',
      `  - {id: news, type: rss, url: "${feeds.url('/news.xml')}"}`,
      '  - {id: congress, type: congress, bills: [hr5515-115]}',
      'channels:',
      `  - {id: hook, type: slack-webhook, url: "${hooks.url(`/${SECRETS.hookPath}`)}"}`,
      '  - {id: slack, type: slack, channel: C0SECRET1}',
      '  - {id: discord, type: discord, channel: "800000000000000001"}',
    ].join('\n'),
  );
  env = {
    LOG_LEVEL: 'trace',
    SLACK_BOT_TOKEN: SECRETS.slackBot,
    SLACK_SIGNING_SECRET: SECRETS.slackSigning,
    SLACK_API_URL: slack.url,
    DISCORD_TOKEN: SECRETS.discord,
    DISCORD_APPLICATION_ID: '900000000000000001',
    DISCORD_PUBLIC_KEY: publicKey,
    DISCORD_API_URL: discord.apiUrl,
    CONGRESS_API_KEY: SECRETS.congress,
    CONGRESS_API_URL: congress.url,
  };
});
afterAll(async () => {
  await Promise.all([feeds.close(), hooks.close(), slack.close(), discord.close(), congress.close()]);
});

function expectNoSecret(text: string, where: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    if (text.includes(secret))
      throw new Error(
        `${where} shows the ${name} secret:\n${text.slice(Math.max(0, text.indexOf(secret) - 300), text.indexOf(secret) + 100)}`,
      );
  }
}

describe('secrets', () => {
  it('stay out of logs, status, dead-letter reasons, config output and errors', async () => {
    const ban = {
      title: 'FCC bans Hikvision cameras over national security risk',
      link: 'https://news.example/b',
      guid: 'b',
      pubDate: new Date(),
    };
    feeds.route('/news.xml', { body: rssDocument({ items: [] }) });
    const outputs: string[] = [];
    const first = await runCli(['poll', '--once', '--config', config], env);
    outputs.push(first.stdout, first.stderr);
    // Now make every platform fail in a way that produces a message.
    feeds.route('/news.xml', { body: rssDocument({ items: [ban] }) });
    hooks.script({ status: 404, body: 'no_service', path: `/${SECRETS.hookPath}` });
    slack.script('chat.postMessage', { error: 'invalid_auth' });
    discord.script({ method: 'POST', path: /\/channels\//, status: 401, message: '401: Unauthorized', code: 0 });
    congress.script({ status: 500, body: { error: 'boom' } });
    const second = await runCli(['poll', '--once', '--config', config], env);
    outputs.push(second.stdout, second.stderr);
    expect(second.stderr).toMatch(/congress|news/);
    const status = await runCli(['status', '--config', config], env);
    outputs.push(status.stdout, status.stderr);
    expect(status.stdout).toMatch(/dead-lettered/);
    const json = await runCli(['status', '--json', '--config', config], env);
    outputs.push(json.stdout);
    const check = await runCli(['config', 'check', '--config', config], env);
    outputs.push(check.stdout, check.stderr);
    expect(check.status).toBe(0);
    // A store that cannot be reached: the error must not repeat its password.
    const crash = await runCli(['status', '--config', config], {
      ...env,
      BANWATCH_STORE: `redis://:${SECRETS.storePassword}@127.0.0.1:9/0`,
    });
    outputs.push(crash.stdout, crash.stderr);
    expect(crash.status).toBe(1);
    expect(crash.stderr).toMatch(/Redis store .* is unreachable/);
    outputs.forEach((text, index) => expectNoSecret(text, `output ${index}`));
    expect(outputs.join('\n').length).toBeGreaterThan(2_000);
  });
});
