import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { list, text, type SubcommandSpec } from './subcommand-spec.js';

/** `/banwatch-admin mentions add|remove|list`: who alerts in this channel ping (the router's `mentions`). */
export const MENTIONS_SUBCOMMANDS: SubcommandSpec[] = [
  {
    command: 'banwatch-admin',
    group: 'mentions',
    name: 'add',
    description: 'Ping roles or people when an alert matches vendors and stages',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'ping',
        description: 'Roles or users: @role, role:ID or user:ID (several with spaces)',
        required: true,
        max_length: 500,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'vendors',
        description: 'Comma-separated vendors, e.g. hikvision, dahua',
        required: false,
        max_length: 500,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'stages',
        description: 'Comma-separated stages, e.g. enacted, in-effect',
        required: false,
        max_length: 200,
      },
    ],
    args: (v) => [
      'mentions',
      'add',
      ...(list(v, 'vendors').length ? [`vendor:${list(v, 'vendors').join(',')}`] : []),
      ...(list(v, 'stages').length ? [`stage:${list(v, 'stages').join(',')}`] : []),
      ...text(v, 'ping').flatMap((value) =>
        value
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((target) => `ping:${target}`),
      ),
    ],
    ephemeral: false,
  },
  {
    command: 'banwatch-admin',
    group: 'mentions',
    name: 'remove',
    description: 'Remove a mention rule by its number in the list',
    options: [
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'number',
        description: 'The rule',
        required: true,
        min_value: 1,
      },
    ],
    args: (v) => ['mentions', 'remove', String(v.get('number') ?? '')],
    ephemeral: false,
  },
  {
    command: 'banwatch-admin',
    group: 'mentions',
    name: 'list',
    description: 'Who alerts in this channel ping',
    args: () => ['mentions', 'list'],
    ephemeral: true,
  },
];
