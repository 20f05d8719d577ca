import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../../src/chat/discord/command-definitions.js';
import { SUBCOMMANDS } from '../../../src/chat/discord/command-table.js';
import { inviteUrl, isDiscordAdmin } from '../../../src/chat/discord/discord-permissions.js';
import { readInvocation } from '../../../src/chat/discord/interaction-args.js';
import { asInteraction } from '../../../src/chat/discord/raw-interaction.js';
import { commandInteraction } from './signed-interaction.js';

type Option = {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  options?: Option[];
};
const definitions = commandDefinitions() as unknown as Array<{
  name: string;
  description: string;
  default_member_permissions?: string;
  contexts: number[];
  options: Option[];
}>;
const byName = (name: string) => definitions.find((d) => d.name === name);
const shape = (options: Option[]): unknown =>
  options.map((o) => (o.options?.length && o.type <= 2 ? { [o.name]: shape(o.options) } : o.name));

describe('command definitions', () => {
  it('registers /banwatch for everyone and /banwatch-admin for Manage Server by default', () => {
    expect(definitions.map((d) => d.name)).toEqual(['banwatch', 'banwatch-admin']);
    expect(byName('banwatch')?.default_member_permissions).toBeUndefined();
    expect(byName('banwatch-admin')?.default_member_permissions).toBe('32');
    expect(byName('banwatch-admin')?.contexts).toEqual([0]);
  });

  it('has the subcommands issue 4 lists', () => {
    expect(shape(byName('banwatch')?.options ?? [])).toEqual([
      { vendor: ['name'] },
      'bills',
      'status',
      'lists',
      { why: ['item'] },
      { help: ['command'] },
    ]);
    expect(shape(byName('banwatch-admin')?.options ?? [])).toEqual([
      {
        watch: [
          { add: ['term', 'all'] },
          { mute: ['term'] },
          { remove: ['term'] },
          'list',
          { import: ['file'] },
          'export',
        ],
      },
      { mentions: [{ add: ['ping', 'vendors', 'stages'] }, { remove: ['number'] }, 'list'] },
      { subscribe: ['vendors'] },
      'unsubscribe',
      { track: ['bill', 'vendors'] },
      { untrack: ['bill'] },
      { feeds: ['list', { add: ['url'] }, { remove: ['id'] }, { resume: ['id'] }] },
      { deadletters: [{ list: ['channel'] }, { retry: ['id', 'channel', 'all'] }, { drop: ['id', 'channel', 'all'] }] },
    ]);
    const vendor = byName('banwatch')?.options[0]?.options?.[0];
    expect(vendor).toMatchObject({ type: 3, name: 'name', required: true, autocomplete: true });
    const add = byName('banwatch-admin')?.options[0]?.options?.[0]?.options;
    expect(add?.map((o) => [o.name, o.type, o.required])).toEqual([
      ['term', 3, true],
      ['all', 5, false],
    ]);
  });

  it("keeps within Discord's rules for names, descriptions and counts", () => {
    const all: Option[] = [];
    const walk = (options: Option[]) => {
      expect(options.length).toBeLessThanOrEqual(25);
      for (const option of options) {
        all.push(option);
        walk(option.options ?? []);
      }
    };
    for (const definition of definitions) {
      all.push({ type: 0, name: definition.name, description: definition.description });
      walk(definition.options);
    }
    for (const entry of all) {
      expect(entry.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(entry.description.length).toBeGreaterThan(0);
      expect(entry.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('maps every table entry from an interaction back to router words', () => {
    const words = SUBCOMMANDS.map((spec) => {
      const options = (spec.options ?? []).map((o) => ({
        name: o.name,
        type: o.type,
        value: o.type === ApplicationCommandOptionType.Boolean ? true : 'Hikvision, DJI',
      }));
      const interaction = asInteraction(
        commandInteraction({ command: spec.command, group: spec.group, subcommand: spec.name, options }),
      );
      if (!interaction) throw new Error('not an interaction');
      return readInvocation(interaction).args;
    });
    expect(words).toEqual([
      ['vendor', 'Hikvision, DJI'],
      ['bills'],
      ['status'],
      ['lists'],
      ['why', 'Hikvision, DJI'],
      ['help', 'Hikvision, DJI'],
      ['watch', 'add', 'Hikvision, DJI', '--all'],
      ['watch', 'mute', 'Hikvision, DJI'],
      ['watch', 'remove', 'Hikvision, DJI'],
      ['watch', 'list'],
      ['watch', 'import'],
      ['watch', 'export'],
      ['mentions', 'add', 'vendor:Hikvision,DJI', 'stage:Hikvision,DJI', 'ping:Hikvision', 'ping:DJI'],
      ['mentions', 'remove', 'Hikvision, DJI'],
      ['mentions', 'list'],
      ['subscribe', 'Hikvision', 'DJI'],
      ['unsubscribe'],
      ['track', 'Hikvision, DJI', 'Hikvision', 'DJI'],
      ['untrack', 'Hikvision, DJI'],
      ['feeds', 'list'],
      ['feeds', 'add', 'Hikvision, DJI'],
      ['feeds', 'remove', 'Hikvision, DJI'],
      ['feeds', 'resume', 'Hikvision, DJI'],
      ['deadletters', 'list', '--channel', 'Hikvision, DJI'],
      ['deadletters', 'retry', 'Hikvision, DJI', '--channel', 'Hikvision, DJI', '--all'],
      ['deadletters', 'drop', 'Hikvision, DJI', '--channel', 'Hikvision, DJI', '--all'],
    ]);
  });

  it('leaves out blank and missing options instead of passing empty words', () => {
    const interaction = asInteraction(
      commandInteraction({
        command: 'banwatch-admin',
        group: 'watch',
        subcommand: 'add',
        options: [
          { name: 'term', type: 3, value: '  ' },
          { name: 'all', type: 5, value: false },
        ],
      }),
    );
    expect(interaction && readInvocation(interaction).args).toEqual(['watch', 'add']);
  });
});

describe('permissions', () => {
  it('prints an invite URL with both scopes and the permissions as a number', () => {
    const url = new URL(inviteUrl('100000000000000001'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('100000000000000001');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    // View Channel, Send Messages, Embed Links, Read Message History, Send Messages in Threads.
    expect(url.searchParams.get('permissions')).toBe(String(1024 + 2048 + 16384 + 65536 + 2 ** 38));
  });

  it('counts Manage Server, Administrator or a listed admin, nothing else', () => {
    expect(isDiscordAdmin('32', 'u')).toBe(true);
    expect(isDiscordAdmin('8', 'u')).toBe(true);
    expect(isDiscordAdmin(String((1n << 40n) | (1n << 5n)), 'u')).toBe(true);
    expect(isDiscordAdmin(String(1n << 40n), 'u')).toBe(false);
    expect(isDiscordAdmin('3072', 'u')).toBe(false);
    expect(isDiscordAdmin(undefined, 'u')).toBe(false);
    expect(isDiscordAdmin('nonsense', 'u')).toBe(false);
    expect(isDiscordAdmin(undefined, '300000000000000099', ['300000000000000099'])).toBe(true);
  });
});
