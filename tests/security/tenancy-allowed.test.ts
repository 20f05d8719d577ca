import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME, homeMember, operator, startTenantBot, stranger, type TenantBot } from './tenant-bot.js';

/**
 * Build item 1: `allowed.discordGuilds` (and `allowed.slackTeams`) limit which servers and
 * workspaces may use the bot at all; any other gets a clear refusal, for every command.
 */
let bot: TenantBot;
beforeAll(async () => {
  bot = await startTenantBot(['allowed:', `  discordGuilds: ["${HOME}"]`]);
}, 30_000);
afterAll(async () => {
  await bot?.close();
});

describe('allowed tenants', () => {
  it('refuses every command from a server that is not allowed, admin or not', async () => {
    for (const spec of [{ subcommand: 'vendor', options: { name: 'hikvision' } }, { subcommand: 'status' }]) {
      const answer = await bot.ask(stranger, spec);
      expect(answer.title).toBe('Not available here');
      expect(answer.text).toContain('not enabled for this Discord server');
      expect(answer.text).toContain('NOT_ALLOWED_TENANT');
    }
    const subscribe = await bot.ask(stranger, { admin: true, subcommand: 'subscribe' });
    expect(subscribe.title).toBe('Not available here');
  });

  it('answers the allowed server and the operator as before', async () => {
    expect((await bot.ask(homeMember, { subcommand: 'vendor', options: { name: 'hikvision' } })).title).toMatch(
      /^Hikvision/,
    );
    expect((await bot.ask(operator, { subcommand: 'status' })).title).toBe('banwatch status');
  });
});
