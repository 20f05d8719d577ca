import { type APIApplicationCommandBasicOption, ApplicationCommandOptionType } from 'discord-api-types/v10';
import { DEADLETTERS_SUBCOMMANDS } from './deadletters-commands.js';
import { MENTIONS_SUBCOMMANDS } from './mentions-commands.js';
import { list, text, type CommandName, type SubcommandSpec } from './subcommand-spec.js';

export type { CommandName, OptionValues, SubcommandSpec } from './subcommand-spec.js';

/**
 * Every Discord subcommand of banwatch, one entry each: its definition (for registration) and
 * how an invocation becomes the CommandRouter's words. `/banwatch` holds what anyone may run;
 * `/banwatch-admin` holds changes, is hidden from members without Manage Server, and is checked
 * again on every call. A later command (`track`, `feeds`, `why`) is one more entry here.
 */
export const COMMANDS: Record<CommandName, { description: string; admin: boolean }> = {
  banwatch: { description: 'Look up bans and restrictions on technology vendors', admin: false },
  'banwatch-admin': { description: 'Choose what banwatch posts in this channel (Manage Server)', admin: true },
};

/** Descriptions of subcommand groups. */
export const GROUPS: Record<string, string> = {
  watch: 'The terms this channel watches or mutes',
  feeds: 'The feeds banwatch polls',
  mentions: 'Who alerts in this channel ping (nobody by default)',
  deadletters: "The alerts delivery gave up on, install-wide (banwatch's operators only)",
};

export const MAX_CHOICES = 25;

const termOption = (description: string): APIApplicationCommandBasicOption => ({
  type: ApplicationCommandOptionType.String,
  name: 'term',
  description,
  required: true,
  max_length: 100,
});

export const SUBCOMMANDS: readonly SubcommandSpec[] = [
  {
    command: 'banwatch',
    name: 'vendor',
    description: 'Where a vendor stands: restrictions, tracked bills and latest alerts',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'name',
        description: 'Company or brand, e.g. hikvision',
        required: true,
        autocomplete: true,
        max_length: 100,
      },
    ],
    args: (v) => ['vendor', ...text(v, 'name')],
    ephemeral: true,
    complete: (value, deps) => deps.completeVendor(value, MAX_CHOICES),
  },
  {
    command: 'banwatch',
    name: 'bills',
    description: 'Bills and rules banwatch tracks, and their stage',
    args: () => ['bills'],
    ephemeral: true,
  },
  {
    command: 'banwatch',
    name: 'status',
    description: 'Sources, their last poll and errors, and the outbox',
    args: () => ['status'],
    ephemeral: true,
  },
  {
    command: 'banwatch',
    name: 'lists',
    description: 'Official restriction lists: size, last change and last poll',
    args: () => ['lists'],
    ephemeral: true,
  },
  {
    command: 'banwatch',
    name: 'why',
    description: 'Why an item was or was not posted in this channel',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'item',
        description: 'The link of the item, or its id from the logs',
        required: true,
        max_length: 2_000,
      },
    ],
    args: (v) => ['why', ...text(v, 'item')],
    ephemeral: true,
  },
  {
    command: 'banwatch',
    name: 'help',
    description: 'What banwatch can do, or how to use one command',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'command',
        description: 'A command, e.g. vendor',
        required: false,
        autocomplete: true,
        max_length: 40,
      },
    ],
    args: (v) => ['help', ...text(v, 'command')],
    ephemeral: true,
    complete: (value) => helpTopics().filter((topic) => topic.startsWith(value.trim().toLowerCase())),
  },
  {
    command: 'banwatch-admin',
    group: 'watch',
    name: 'add',
    description: 'Watch a term in this channel: it counts as a vendor name',
    options: [
      termOption('A name to watch, e.g. unitree'),
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'all',
        description: 'Alert on every item that mentions it, ban or not',
        required: false,
      },
    ],
    args: (v) => ['watch', 'add', ...text(v, 'term'), ...(v.get('all') === true ? ['--all'] : [])],
    ephemeral: false,
  },
  {
    command: 'banwatch-admin',
    group: 'watch',
    name: 'mute',
    description: 'Never post items that mention a term in this channel',
    options: [termOption('A term to mute')],
    args: (v) => ['watch', 'mute', ...text(v, 'term')],
    ephemeral: false,
  },
  {
    command: 'banwatch-admin',
    group: 'watch',
    name: 'remove',
    description: 'Stop watching or muting a term in this channel',
    options: [termOption('The term to remove')],
    args: (v) => ['watch', 'remove', ...text(v, 'term')],
    ephemeral: false,
  },
  {
    command: 'banwatch-admin',
    group: 'watch',
    name: 'list',
    description: 'The terms this channel watches or mutes',
    args: () => ['watch', 'list'],
    ephemeral: true,
  },
  {
    command: 'banwatch-admin',
    group: 'watch',
    name: 'import',
    description: 'Watch a supplier list: a CSV with a name column and optional aliases',
    options: [
      {
        type: ApplicationCommandOptionType.Attachment,
        name: 'file',
        description: 'The CSV file (name,aliases; at most 5 MB)',
        required: true,
      },
    ],
    args: () => ['watch', 'import'],
    attachment: 'file',
    ephemeral: false,
  },
  {
    command: 'banwatch-admin',
    group: 'watch',
    name: 'export',
    description: "This channel's watched terms as name,aliases rows",
    args: () => ['watch', 'export'],
    ephemeral: true,
  },
  ...MENTIONS_SUBCOMMANDS,
  {
    command: 'banwatch-admin',
    name: 'subscribe',
    description: 'Send alerts to this channel, optionally only about some vendors',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'vendors',
        description: 'Comma-separated vendors, e.g. hikvision, dahua (all when empty)',
        required: false,
        max_length: 1_000,
      },
    ],
    args: (v) => ['subscribe', ...list(v, 'vendors')],
    ephemeral: false,
  },
  {
    command: 'banwatch-admin',
    name: 'unsubscribe',
    description: 'Stop sending alerts to this channel',
    args: () => ['unsubscribe'],
    ephemeral: false,
  },
  {
    command: 'banwatch-admin',
    name: 'track',
    description: 'Follow a bill of Congress, e.g. hr5515-115, optionally with the vendors it concerns',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'bill',
        description: 'The bill: type, number and congress, e.g. hr5515-115',
        required: true,
        max_length: 40,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'vendors',
        description: 'Comma-separated vendors the bill concerns',
        required: false,
        max_length: 1_000,
      },
    ],
    args: (v) => ['track', ...text(v, 'bill'), ...list(v, 'vendors')],
    ephemeral: false,
  },
  {
    command: 'banwatch-admin',
    name: 'untrack',
    description: 'Stop following a bill',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'bill',
        description: 'The bill, e.g. hr5515-115',
        required: true,
        max_length: 40,
      },
    ],
    args: (v) => ['untrack', ...text(v, 'bill')],
    ephemeral: false,
  },
  {
    command: 'banwatch-admin',
    group: 'feeds',
    name: 'list',
    description: 'The feeds banwatch polls',
    args: () => ['feeds', 'list'],
    ephemeral: true,
  },
  {
    command: 'banwatch-admin',
    group: 'feeds',
    name: 'add',
    description: 'Poll a new feed (http or https, never a private address)',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'url',
        description: 'The feed address, e.g. https://example.com/feed.xml',
        required: true,
        max_length: 2_048,
      },
    ],
    args: (v) => ['feeds', 'add', ...text(v, 'url')],
    ephemeral: false,
  },
  {
    command: 'banwatch-admin',
    group: 'feeds',
    name: 'remove',
    description: 'Stop polling a feed added from chat',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'id',
        description: 'The feed id, as feeds list shows it',
        required: true,
        max_length: 64,
      },
    ],
    args: (v) => ['feeds', 'remove', ...text(v, 'id')],
    ephemeral: false,
  },
  {
    command: 'banwatch-admin',
    group: 'feeds',
    name: 'resume',
    description: 'Poll a paused feed again',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'id',
        description: 'The feed id, as feeds list shows it',
        required: true,
        max_length: 64,
      },
    ],
    args: (v) => ['feeds', 'resume', ...text(v, 'id')],
    ephemeral: false,
  },
  ...DEADLETTERS_SUBCOMMANDS,
];

/** The words `/banwatch help command:` understands: each command's first router word. */
export function helpTopics(): string[] {
  return [...new Set(SUBCOMMANDS.map((spec) => spec.group ?? spec.name))].filter((topic) => topic !== 'help');
}

export function findSubcommand(command: string, group: string | undefined, name: string): SubcommandSpec | undefined {
  return SUBCOMMANDS.find((spec) => spec.command === command && spec.group === group && spec.name === name);
}
