import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordJsGateway } from '../../../src/chat/discord/discord-gateway.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { embedOf, startBot, TOKEN, type Bot } from './bot-fixture.js';
import { triageRef } from '../../../src/domain/triage.js';
import { commandInteraction, componentInteraction, MANAGE_GUILD, PLAIN_MEMBER } from './signed-interaction.js';

/**
 * GIVEN no public key THEN commands arrive over the gateway: the real discord.js client logs in
 * to a fake gateway with the Guilds intent only, and answers go back through the REST
 * interaction callback.
 */
let bot: Bot;
beforeAll(async () => {
  bot = await startBot({ mode: 'gateway' });
});
afterAll(() => bot.close());

const callbacks = () => bot.api.calls('POST', /^\/interactions\/\d+\/[^/]+\/callback$/);

describe('the gateway', () => {
  it('identifies with the bot token and the Guilds intent only (no message content)', () => {
    expect(bot.api.gateway.identifies).toEqual([{ token: TOKEN, intents: 1 }]);
    expect(bot.platform.routes).toEqual([]);
  });

  it('answers a vendor command through the interaction callback, ephemerally', async () => {
    const interaction = commandInteraction({
      command: 'banwatch',
      subcommand: 'vendor',
      options: [{ name: 'name', type: 3, value: 'hikvision' }],
    });
    bot.api.gateway.dispatch('INTERACTION_CREATE', interaction);
    await bot.api.waitFor(() => callbacks().length === 1);
    const call = callbacks()[0];
    expect(call?.route).toBe(`/interactions/${interaction.id as string}/${interaction.token as string}/callback`);
    expect(call?.headers.authorization).toBeUndefined();
    const body = call?.body as { type: number; data: { flags: number; allowed_mentions: unknown } };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(embedOf(body.data).description).toContain('NDAA FY2019 Section 889');
  });

  it('refuses watch add without Manage Server and confirms it with', async () => {
    const add = (permissions: string) =>
      commandInteraction({
        command: 'banwatch-admin',
        group: 'watch',
        subcommand: 'add',
        permissions,
        options: [{ name: 'term', type: 3, value: 'unitree' }],
      });
    bot.api.reset();
    bot.api.gateway.dispatch('INTERACTION_CREATE', add(PLAIN_MEMBER));
    await bot.api.waitFor(() => callbacks().length === 1);
    expect(embedOf((callbacks()[0]?.body as { data: unknown }).data).title).toBe('Not allowed');
    bot.api.gateway.dispatch('INTERACTION_CREATE', add(MANAGE_GUILD));
    await bot.api.waitFor(() => callbacks().length === 2);
    expect(embedOf((callbacks()[1]?.body as { data: unknown }).data).title).toBe(
      'Watch term "unitree" added in discord-sec',
    );
    expect(await bot.stores.watch.list('discord-sec')).toHaveLength(1);
  });

  it('applies an alert button pressed over the gateway once: an update (type 7), then "already recorded"', async () => {
    const alert = {
      id: 'news:gw-1',
      sourceId: 'news',
      sourceName: 'News',
      itemKey: 'gw-1',
      title: 'FCC bans Hikvision cameras',
      classification: {
        relevant: true,
        score: 0.9,
        vendors: ['Hikvision'],
        action: 'ban' as const,
        stage: 'rule' as const,
        jurisdiction: 'US-federal',
        reasons: [],
      },
      createdAt: new Date().toISOString(),
      matchedBy: 'relevant',
    };
    await bot.stores.alerts.record(alert);
    const press = () =>
      componentInteraction({
        customId: `bw:ack:${triageRef(alert)}`,
        message: { id: '900000000000000001', embeds: [{ title: 'FCC bans Hikvision cameras' }] },
      });
    bot.api.reset();
    bot.api.gateway.dispatch('INTERACTION_CREATE', press());
    await bot.api.waitFor(() => callbacks().length === 1);
    const update = callbacks()[0]?.body as { type: number; data: { embeds: Array<{ description?: string }> } };
    expect(update.type).toBe(7);
    expect(update.data.embeds[1]?.description).toMatch(/^Acknowledged by Alice at /);
    bot.api.gateway.dispatch('INTERACTION_CREATE', press());
    await bot.api.waitFor(() => callbacks().length === 2);
    expect(callbacks()[1]?.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(await bot.stores.triage.list('ack')).toHaveLength(1);
  });
});

describe('a gateway that refuses the token', () => {
  it('fails start() with a coded error that does not contain the token', async () => {
    const wrong = 'wrong-gateway-token-0123456789';
    const gateway = createDiscordJsGateway(
      { token: wrong, applicationId: '100000000000000001', apiUrl: bot.api.apiUrl },
      silentLogger(),
    );
    const failure = await gateway
      .start(() => undefined)
      .then(
        () => undefined,
        (error: unknown) => error as { code?: string; message: string },
      );
    expect(failure?.code).toBe('DISCORD_GATEWAY');
    expect(failure?.message).toMatch(/^could not connect to the Discord gateway: /);
    expect(failure?.message).not.toContain(wrong);
    await gateway.stop();
  });
});
