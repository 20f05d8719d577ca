import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { discordCommand } from '../../../src/cli/discord-command.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../../fakes/discord-api.js';
import { capturedIo } from '../../support/captured-io.js';

/** `banwatch discord register|invite` with the real REST client against the fake API. */
const TOKEN = 'register-token-0123456789';
const APP = '100000000000000001';
let api: FakeDiscordApi;
beforeAll(async () => {
  api = await startFakeDiscordApi({ token: TOKEN, applicationId: APP });
});
afterAll(() => api.close());
beforeEach(() => api.reset());

type Settings = { token: string; applicationId: string; apiUrl?: string };

async function run(
  args: string[],
  given: Settings | 'unset' = { token: TOKEN, applicationId: APP, apiUrl: api.apiUrl },
) {
  const settings = given === 'unset' ? undefined : given;
  const captured = capturedIo();
  const status = await discordCommand(args, captured.io, settings);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe('banwatch discord register', () => {
  it('puts both commands globally with the bot token', async () => {
    const result = await run(['register']);
    expect(result.status).toBe(0);
    const [put] = api.calls('PUT');
    expect(put?.route).toBe(`/applications/${APP}/commands`);
    expect(put?.headers.authorization).toBe(`Bot ${TOKEN}`);
    const body = put?.body as Array<{ name: string; default_member_permissions?: string }>;
    expect(body.map((c) => [c.name, c.default_member_permissions])).toEqual([
      ['banwatch', undefined],
      ['banwatch-admin', '32'],
    ]);
    expect(result.stdout).toContain('Registered /banwatch and /banwatch-admin globally');
    expect(result.stdout).toContain(
      '/banwatch-admin: watch add|mute|remove|list|import|export, mentions add|remove|list, subscribe, unsubscribe, track, untrack, feeds list|add|remove|resume, deadletters list|retry|drop (Manage Server by default)',
    );
  });

  it('puts them in one server with --guild', async () => {
    const result = await run(['register', '--guild', '500000000000000001']);
    expect(result.status).toBe(0);
    expect(api.calls('PUT').map((c) => c.route)).toEqual([`/applications/${APP}/guilds/500000000000000001/commands`]);
    expect(result.stdout).toContain('in server 500000000000000001 (available now)');
  });

  it('refuses a guild that is not an id, without calling Discord', async () => {
    const result = await run(['register', '--guild', 'my-server']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--guild needs a server id');
    expect(api.calls()).toHaveLength(0);
  });

  it('says what is wrong when Discord refuses, without printing the token', async () => {
    const result = await run(['register'], { token: 'wrong-token-0123456789', applicationId: APP, apiUrl: api.apiUrl });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Discord rejected DISCORD_TOKEN (401)');
    expect(result.stderr + result.stdout).not.toContain('wrong-token');
  });

  it('explains Missing Access in a server the bot is not in', async () => {
    api.script({ method: 'PUT', status: 403, code: 50001 });
    const result = await run(['register', '--guild=500000000000000002']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('banwatch discord invite');
  });
});

describe('banwatch discord invite', () => {
  it('prints the OAuth2 URL', async () => {
    const result = await run(['invite']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `https://discord.com/oauth2/authorize?client_id=${APP}&scope=bot+applications.commands&permissions=274877991936`,
    );
    expect(api.calls()).toHaveLength(0);
  });

  it('asks for the settings when Discord is not set up', async () => {
    const result = await run(['invite'], 'unset');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  });

  it('prints usage for an unknown action', async () => {
    const result = await run(['deploy']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: banwatch discord register');
  });
});
