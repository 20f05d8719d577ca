import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscordApi, type FakeDiscordApi } from '../fakes/discord-api.js';
import { runCli } from '../support/run-cli.js';

/**
 * `banwatch discord register [--guild ID]` and `banwatch discord invite` as a user runs them:
 * the CLI with DISCORD_TOKEN_FILE, DISCORD_APPLICATION_ID and DISCORD_API_URL pointed at the
 * fake Discord, which records the command definitions it receives.
 */
const TOKEN = 'discord-register-token-0001';
const APP = '100000000000000001';
let discord: FakeDiscordApi;
let config: string;
let env: Record<string, string>;

beforeAll(async () => {
  discord = await startFakeDiscordApi({ token: TOKEN, applicationId: APP });
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-discord-register-'));
  writeFileSync(join(dir, 'token'), `${TOKEN}\n`);
  config = join(dir, 'banwatch.yaml');
  writeFileSync(
    config,
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'channels:',
      '  - {id: discord-sec, type: discord, channel: "123456789012345678"}',
    ].join('\n'),
  );
  env = { DISCORD_TOKEN_FILE: join(dir, 'token'), DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: discord.apiUrl };
});
afterAll(() => discord.close());
beforeEach(() => discord.reset());

type Definition = {
  name: string;
  default_member_permissions?: string;
  options: Array<{ name: string; options?: Array<{ name: string }> }>;
};

describe('banwatch discord', () => {
  it('register sends both command definitions, the admin one with Manage Server as its default permission', async () => {
    const result = await runCli(['discord', 'register', '--config', config], env);
    expect(result.status).toBe(0);
    const puts = discord.calls('PUT');
    expect(puts.map((c) => c.route)).toEqual([`/applications/${APP}/commands`]);
    expect(puts[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
    const definitions = puts[0]?.body as Definition[];
    expect(definitions.map((d) => d.name)).toEqual(['banwatch', 'banwatch-admin']);
    expect(definitions[0]?.default_member_permissions).toBeUndefined();
    expect(definitions[0]?.options.map((o) => o.name)).toEqual(['vendor', 'bills', 'status', 'lists', 'why', 'help']);
    expect(definitions[1]?.default_member_permissions).toBe('32');
    expect(definitions[1]?.options.map((o) => o.name)).toEqual([
      'watch',
      'mentions',
      'subscribe',
      'unsubscribe',
      'track',
      'untrack',
      'feeds',
      'deadletters',
    ]);
    expect(definitions[1]?.options[0]?.options?.map((o) => o.name)).toEqual([
      'add',
      'mute',
      'remove',
      'list',
      'import',
      'export',
    ]);
    expect(result.stdout).toContain('Registered /banwatch and /banwatch-admin globally');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it('register --guild puts them in that server only', async () => {
    const result = await runCli(['discord', 'register', '--guild', '500000000000000001', '--config', config], env);
    expect(result.status).toBe(0);
    expect(discord.calls('PUT').map((c) => c.route)).toEqual([
      `/applications/${APP}/guilds/500000000000000001/commands`,
    ]);
  });

  it('invite prints the OAuth2 URL with both scopes and the permissions', async () => {
    const result = await runCli(['discord', 'invite', '--config', config], env);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `https://discord.com/oauth2/authorize?client_id=${APP}&scope=bot+applications.commands&permissions=274877991936`,
    );
  });
});
