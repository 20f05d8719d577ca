import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandHandler } from '../../../src/commands/command.js';
import { reply } from '../../../src/commands/reply.js';
import { outboxKey } from '../../../src/domain/outbox.js';
import { sampleAlert } from '../../support/sample-alert.js';
import { CONFIG_CHANNEL, embedOf, startBot, type Bot } from './bot-fixture.js';
import { commandInteraction, MANAGE_GUILD, PLAIN_MEMBER, postInteraction } from './signed-interaction.js';

/**
 * The real command handlers driven through the Discord adapter, answered directly (they are
 * fast): lookups only for the asker, admin changes for the channel, refusals never public.
 */
let bot: Bot;
beforeAll(async () => {
  bot = await startBot({ admins: ['300000000000000099'] });
});
afterAll(() => bot.close());
beforeEach(() => bot.api.reset());

/** Posts a signed interaction. Every answer here is JSON: one that is not fails the test. */
async function send(payload: object) {
  const answer = await postInteraction(bot.url, payload, { keys: bot.keys });
  if (!answer.json) throw new Error(`not a JSON answer: HTTP ${answer.status} ${answer.text}`);
  return { ...answer, json: answer.json };
}
const ADMINISTRATOR = String(1n << 3n);

describe('/banwatch lookups', () => {
  it('answers vendor hikvision ephemerally with its restrictions, linked and escaped', async () => {
    const answer = await send(
      commandInteraction({
        command: 'banwatch',
        subcommand: 'vendor',
        options: [{ name: 'name', type: 3, value: 'hikvision' }],
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.json.type).toBe(4);
    expect(answer.json.data?.flags).toBe(64);
    expect(answer.json.data?.allowed_mentions).toEqual({ parse: [] });
    const embed = embedOf(answer.json.data);
    expect(embed.title).toContain('Hikvision');
    expect(embed.description).toContain(
      '[NDAA FY2019 Section 889 \\(Public Law 115-232\\) · US-federal · 2018-08-13 · enacted](https://www.congress.gov/bill/115th-congress/house-bill/5515)',
    );
    expect(embed.description).toContain('FCC Covered List');
    expect(embed.description).toContain('@\u200beveryone');
    expect(JSON.stringify(answer.json)).not.toMatch(/(?<!\u200b)@everyone/);
  });

  it('suggests vendor names while the option is typed (autocomplete -> choices)', async () => {
    const answer = await send(
      commandInteraction({
        type: 4,
        command: 'banwatch',
        subcommand: 'vendor',
        options: [{ name: 'name', type: 3, value: 'hi', focused: true }],
      }),
    );
    expect(answer.json).toEqual({ type: 8, data: { choices: [{ name: 'Hikvision', value: 'Hikvision' }] } });
  });

  it('suggests command names for help', async () => {
    const answer = await send(
      commandInteraction({
        type: 4,
        command: 'banwatch',
        subcommand: 'help',
        options: [{ name: 'command', type: 3, value: 'w', focused: true }],
      }),
    );
    expect(answer.json.data?.choices?.map((c) => c.value)).toEqual(['why', 'watch']);
  });

  it('answers an unknown vendor with suggestions, ephemerally', async () => {
    const answer = await send(
      commandInteraction({
        command: 'banwatch',
        subcommand: 'vendor',
        options: [{ name: 'name', type: 3, value: 'hikvisoin' }],
      }),
    );
    expect(answer.json.data?.flags).toBe(64);
    expect(embedOf(answer.json.data).title).toContain('No vendor called');
    expect(embedOf(answer.json.data).description).toContain('Hikvision');
  });

  it("answers bills, not yet a handler, with the router's help instead of an error", async () => {
    const answer = await send(commandInteraction({ command: 'banwatch', subcommand: 'bills' }));
    expect(answer.json.type).toBe(4);
    expect(answer.json.data?.flags).toBe(64);
    expect(embedOf(answer.json.data).title).toBe('Unknown command "bills".');
    expect(embedOf(answer.json.data).description).toContain('vendor NAME');
  });

  it('answers a subcommand banwatch no longer registers (a stale definition) with help', async () => {
    const answer = await send(commandInteraction({ command: 'banwatch', subcommand: 'frobnicate' }));
    expect(embedOf(answer.json.data).title).toContain('Unknown command "frobnicate"');
    expect(answer.json.data?.flags).toBe(64);
  });

  it('answers help for one command with its usage', async () => {
    const answer = await send(
      commandInteraction({
        command: 'banwatch',
        subcommand: 'help',
        options: [{ name: 'command', type: 3, value: 'watch' }],
      }),
    );
    expect(embedOf(answer.json.data).description).toContain('/banwatch watch add TERM \\[--all\\]');
  });

  it('answers status ephemerally', async () => {
    const answer = await send(commandInteraction({ command: 'banwatch', subcommand: 'status' }));
    expect(embedOf(answer.json.data).title).toBe('banwatch status');
    expect(answer.json.data?.flags).toBe(64);
  });
});

describe('/banwatch-admin', () => {
  const watchAdd = (term: string, extra: Parameters<typeof commandInteraction>[0] = { command: '' }) =>
    commandInteraction({
      ...extra,
      command: 'banwatch-admin',
      group: 'watch',
      subcommand: 'add',
      options: [
        { name: 'term', type: 3, value: term },
        { name: 'all', type: 5, value: true },
      ],
    });

  it('refuses watch add to a member without Manage Server, ephemerally, and changes nothing', async () => {
    const answer = await send(watchAdd('unitree', { command: '', permissions: PLAIN_MEMBER }));
    expect(answer.json.type).toBe(4);
    expect(answer.json.data?.flags).toBe(64);
    expect(embedOf(answer.json.data).title).toBe('Not allowed');
    expect(embedOf(answer.json.data).description).toContain('Manage Server');
    expect(await bot.stores.watch.list('discord-sec')).toEqual([]);
  });

  it('refuses every /banwatch-admin call without the permission, even read-only ones', async () => {
    const answer = await send(
      commandInteraction({ command: 'banwatch-admin', group: 'watch', subcommand: 'list', permissions: PLAIN_MEMBER }),
    );
    expect(embedOf(answer.json.data).title).toBe('Not allowed');
  });

  it('confirms watch add to a member with Manage Server, in the channel', async () => {
    const answer = await send(watchAdd('unitree', { command: '', permissions: MANAGE_GUILD }));
    expect(answer.json.type).toBe(4);
    expect(answer.json.data?.flags).toBeUndefined();
    expect(embedOf(answer.json.data).title).toBe('Watch term "unitree" added in discord-sec');
    expect(embedOf(answer.json.data).description).toContain('Set by Alice');
    expect(await bot.stores.watch.list('discord-sec')).toEqual([
      expect.objectContaining({ term: 'unitree', mode: 'all', addedBy: '300000000000000001' }),
    ]);
  });

  it('accepts Administrator, and a user listed as a banwatch admin without any permission', async () => {
    const viaAdministrator = await send(watchAdd('autel', { command: '', permissions: ADMINISTRATOR }));
    expect(embedOf(viaAdministrator.json.data).title).toContain('"autel" added');
    const viaList = await send(
      commandInteraction({
        command: 'banwatch-admin',
        group: 'watch',
        subcommand: 'mute',
        userId: '300000000000000099',
        permissions: '0',
        options: [{ name: 'term', type: 3, value: 'earnings' }],
      }),
    );
    expect(embedOf(viaList.json.data).title).toContain('"earnings" muted');
  });

  it('answers a bad argument with the usage, ephemerally, never a stack trace', async () => {
    const answer = await send(watchAdd('   ', { command: '', permissions: MANAGE_GUILD }));
    expect(answer.json.data?.flags).toBe(64);
    expect(embedOf(answer.json.data).description).toContain('/banwatch watch add TERM');
    expect(answer.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('subscribes and unsubscribes a channel, naming who did it without pinging', async () => {
    const channelId = '223456789012345678';
    const subscribe = commandInteraction({
      command: 'banwatch-admin',
      subcommand: 'subscribe',
      channelId,
      permissions: MANAGE_GUILD,
      options: [{ name: 'vendors', type: 3, value: 'hikvision, DJI' }],
    });
    (subscribe.member as { nick: string }).nick = '@everyone';
    const answer = await send(subscribe);
    expect(answer.json.data?.flags).toBeUndefined();
    expect(embedOf(answer.json.data).title).toBe('This channel now receives alerts about Hikvision, DJI');
    expect(embedOf(answer.json.data).description).toContain('Subscribed by @\u200beveryone');
    expect(answer.json.data?.allowed_mentions).toEqual({ parse: [] });
    expect(await bot.stores.channels.list()).toEqual([
      {
        id: `discord-${channelId}`,
        type: 'discord',
        channel: channelId,
        origin: 'runtime',
        vendors: ['Hikvision', 'DJI'],
        // The server it was subscribed from owns it (domain/tenancy.ts).
        tenant: 'discord:500000000000000001',
      },
    ]);
    const off = await send(
      commandInteraction({
        command: 'banwatch-admin',
        subcommand: 'unsubscribe',
        channelId,
        permissions: MANAGE_GUILD,
      }),
    );
    expect(embedOf(off.json.data).title).toBe('This channel no longer receives alerts');
    expect(await bot.stores.channels.list()).toEqual([]);
  });

  it('refuses to subscribe a channel the config file sets up', async () => {
    const answer = await send(
      commandInteraction({
        command: 'banwatch-admin',
        subcommand: 'subscribe',
        channelId: CONFIG_CHANNEL,
        permissions: MANAGE_GUILD,
      }),
    );
    expect(answer.json.data?.flags).toBe(64);
    expect(embedOf(answer.json.data).title).toContain('set up in the config file');
  });

  it('makes no REST call when it answers directly', () => {
    expect(bot.api.calls()).toEqual([]);
  });
});

describe('slow commands', () => {
  let slow: Bot;
  beforeAll(async () => {
    const sleepy: CommandHandler = {
      name: 'bills',
      summary: 'slow on purpose',
      usage: ['bills'],
      requiresAdmin: () => false,
      run: async () => {
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        return reply('Tracked bills', [{ lines: [{ text: 'H.R.5515 — enacted' }] }]);
      },
    };
    slow = await startBot({ extraHandlers: [sleepy] });
  });
  afterAll(() => slow.close());

  it('defers within 3 s, ephemerally for a lookup, then edits the answer in', async () => {
    const started = Date.now();
    const answer = await postInteraction(slow.url, commandInteraction({ command: 'banwatch', subcommand: 'bills' }), {
      keys: slow.keys,
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(answer.json).toEqual({ type: 5, data: { flags: 64 } });
    await slow.api.waitFor(() => slow.api.calls('PATCH').length === 1);
    const edit = slow.api.calls('PATCH')[0];
    expect(edit?.route).toMatch(/^\/webhooks\/100000000000000001\/itoken-\d+\/messages\/@original$/);
    expect(edit?.headers.authorization).toBeUndefined();
    expect(embedOf(edit?.body).title).toBe('Tracked bills');
    expect((edit?.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });
});

describe('always deferred', () => {
  let deferred: Bot;
  beforeAll(async () => {
    deferred = await startBot({ deferAfterMs: 0 });
  });
  afterAll(() => deferred.close());
  const post = (payload: object) => postInteraction(deferred.url, payload, { keys: deferred.keys });

  it('defers an admin change publicly and edits the confirmation in', async () => {
    const answer = await post(
      commandInteraction({
        command: 'banwatch-admin',
        group: 'watch',
        subcommand: 'add',
        permissions: MANAGE_GUILD,
        options: [{ name: 'term', type: 3, value: 'dji' }],
      }),
    );
    expect(answer.json).toEqual({ type: 5, data: {} });
    await deferred.api.waitFor(() => deferred.api.calls('PATCH').length === 1);
    expect(embedOf(deferred.api.calls('PATCH')[0]?.body).title).toBe('Watch term "dji" added in discord-sec');
  });

  it('turns a public deferral that ends in a refusal into an ephemeral follow-up', async () => {
    deferred.api.reset();
    await post(
      commandInteraction({
        command: 'banwatch-admin',
        group: 'watch',
        subcommand: 'remove',
        permissions: MANAGE_GUILD,
        options: [{ name: 'term', type: 3, value: 'never-added' }],
      }),
    );
    await deferred.api.waitFor(() => deferred.api.calls('POST', /^\/webhooks\//).length === 1);
    expect(deferred.api.calls('DELETE').map((c) => c.route)).toEqual([expect.stringMatching(/messages\/@original$/)]);
    const followUp = deferred.api.calls('POST', /^\/webhooks\//)[0]?.body as { flags: number; embeds: unknown[] };
    expect(followUp.flags).toBe(64);
    expect(embedOf(followUp).title).toContain('does not watch "never-added"');
  });
});

describe('/banwatch-admin deadletters (operators only, as on Slack and the CLI)', () => {
  const deadletters = (
    subcommand: string,
    userId: string,
    options: Array<{ name: string; type: number; value: string | boolean }> = [],
  ) =>
    send(
      commandInteraction({
        command: 'banwatch-admin',
        group: 'deadletters',
        subcommand,
        userId,
        permissions: MANAGE_GUILD,
        options,
      }),
    );

  it('lists the dead letters to an operator alone, and retries one by its id', async () => {
    const now = new Date().toISOString();
    const alert = sampleAlert({ id: 'src:gone', title: 'Hikvision banned' });
    const entry = {
      key: outboxKey('discord-sec', alert.id),
      channelId: 'discord-sec',
      payload: { type: 'alert' as const, alert },
      attempts: 5,
      createdAt: now,
      nextAttemptAt: now,
    };
    await bot.stores.outbox.enqueue([entry]);
    await bot.stores.outbox.deadLetter(entry, 'Missing Access', now);

    const list = await deadletters('list', '300000000000000099');
    expect(list.json.data?.flags).toBe(64);
    const text = JSON.stringify(list.json.data);
    expect(text).toContain('1 dead letter');
    const id = /([0-9a-f]{10}) \S+ discord-sec: Missing Access/.exec(embedOf(list.json.data).description ?? '')?.[1];
    expect(id).toMatch(/^[0-9a-f]{10}$/);

    const retry = await deadletters('retry', '300000000000000099', [{ name: 'id', type: 3, value: id ?? '' }]);
    expect(embedOf(retry.json.data).title).toBe('1 dead letter queued again');
    expect(await bot.stores.outbox.counts()).toEqual({ pending: 1, dead: 0 });
  });

  it('refuses a server admin who is not an operator, ephemerally, and changes nothing', async () => {
    const before = await bot.stores.outbox.counts();
    const answer = await deadletters('drop', '300000000000000001', [{ name: 'all', type: 5, value: true }]);
    expect(answer.json.data?.flags).toBe(64);
    expect(JSON.stringify(answer.json.data)).toContain('NOT_OPERATOR');
    expect(await bot.stores.outbox.counts()).toEqual(before);
  });
});
