import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBanwatch, type BanwatchProcess } from '../../scripts/faults/banwatch-process.js';
import { commandInteraction } from '../chat/discord/signed-interaction.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../fakes/discord-api.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.js';
import { startFakeSocketServer, type FakeSocketServer } from '../fakes/slack-socket-server.js';
import { isolatedStoreUrl, serviceUrl } from '../support/service-urls.js';

/**
 * Issue 21 (scaled deployment): two `banwatch run` processes (the compiled command) on one
 * Redis, both with a Slack app in Socket Mode and a Discord bot on the gateway. Only one of them
 * connects, so a command is answered once; when that one is killed, the other connects within
 * seconds and answers the next command.
 */
const redis = serviceUrl('REDIS_URL');
const SLACK_BOT = 'xoxb-replicas-bot-token';
const SLACK_APP = 'xapp-1-replicas-app-token';
const DISCORD_TOKEN = 'discord-replicas-bot-token-0001';
const APP_ID = '100000000000000001';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let slack: FakeSlackApi;
let sockets: FakeSocketServer;
let discord: FakeDiscordApi;
beforeAll(async () => {
  slack = await startFakeSlackApi({ botToken: SLACK_BOT, appToken: SLACK_APP });
  sockets = await startFakeSocketServer();
  slack.socketUrl = sockets.url;
  discord = await startFakeDiscordApi({ token: DISCORD_TOKEN, applicationId: APP_ID });
});
afterAll(async () => {
  await sockets?.close();
  await slack?.close();
  await discord?.close();
});

async function until(check: () => boolean, timeoutMs: number, what: string, output?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms\n${output?.() ?? ''}`);
    await sleep(50);
  }
}

const slashCommand = (responseId: string) => ({
  token: 'x',
  team_id: 'T0TEST',
  channel_id: 'C0SEC',
  user_id: 'UMEMBER',
  command: '/banwatch',
  text: 'vendor hikvision',
  api_app_id: 'A0TEST',
  response_url: slack.responseUrl(responseId),
  trigger_id: '1.2.3',
});
const slackAnswers = (id: string) => slack.responses.filter((r) => r.id === id);
const discordAnswers = (interaction: Record<string, unknown>) =>
  discord.calls('POST', new RegExp(`^/interactions/${interaction.id as string}/[^/]+/callback$`));

/** One command on each platform; each must be answered exactly once. */
async function commandOnce(tag: string): Promise<void> {
  await sockets.deliver('slash_commands', slashCommand(tag));
  const interaction = commandInteraction({
    command: 'banwatch',
    subcommand: 'vendor',
    options: [{ name: 'name', type: 3, value: 'hikvision' }],
  });
  discord.gateway.dispatch('INTERACTION_CREATE', interaction);
  await until(
    () => slackAnswers(tag).length > 0 && discordAnswers(interaction).length > 0,
    10_000,
    `answers to ${tag}`,
  );
  // A second instance would answer in the same few milliseconds; give it ample time to show up.
  await sleep(1_000);
  expect(slackAnswers(tag)).toHaveLength(1);
  expect(JSON.stringify(slackAnswers(tag)[0]?.body)).toContain('Section 889');
  expect(discordAnswers(interaction)).toHaveLength(1);
}

describe.skipIf(!redis)('two instances on Redis with Socket Mode and the gateway', () => {
  it('connect once, answer a command once, and the survivor takes over within seconds of a kill', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'banwatch-replicas-'));
    const config = join(dir, 'config.yaml');
    writeFileSync(config, [`store: ${isolatedStoreUrl('REDIS_URL', redis as string)}`, 'sources: []'].join('\n'));
    const env = {
      SLACK_BOT_TOKEN: SLACK_BOT,
      SLACK_APP_TOKEN: SLACK_APP,
      SLACK_API_URL: slack.url,
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: discord.apiUrl,
    };
    const instances: BanwatchProcess[] = [];
    try {
      const first = startBanwatch(['run', '--config', config], env);
      instances.push(first);
      await until(
        () => sockets.connections === 1 && discord.gateway.connections === 1,
        30_000,
        'the first instance connecting',
        () => first.output(),
      );
      const second = startBanwatch(['run', '--config', config], env);
      instances.push(second);
      // The second instance has checked its Slack token and started its platforms...
      await until(
        () => slack.callsTo('auth.test').length === 2,
        30_000,
        'the second instance starting',
        () => second.output(),
      );
      // ...and keeps trying for the roles every two seconds: it must not connect.
      await sleep(4_000);
      expect(second.child.exitCode).toBeNull();
      expect(sockets.connections).toBe(1);
      expect(discord.gateway.identifies).toHaveLength(1);

      await commandOnce('before');

      first.child.kill('SIGKILL');
      await first.exited;
      const killedAt = Date.now();
      await until(
        () => sockets.connections === 2 && discord.gateway.connections === 1 && discord.gateway.identifies.length === 2,
        20_000,
        'the second instance taking over',
        () => second.output(),
      );
      // The lease (6 s) lapses and a standby poll (every 2 s) takes it: well under 15 s.
      expect(Date.now() - killedAt).toBeLessThan(15_000);

      await commandOnce('after');
    } finally {
      for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGTERM');
      await Promise.all(instances.map((instance) => Promise.race([instance.exited, sleep(10_000)])));
    }
  }, 120_000);
});
