import { type APIApplicationCommandBasicOption, ApplicationCommandOptionType } from 'discord-api-types/v10';
import { text, type OptionValues, type SubcommandSpec } from './subcommand-spec.js';

const idOption: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.String,
  name: 'id',
  description: 'The dead letter, by the id deadletters list shows',
  required: false,
  max_length: 20,
};
const channelOption = (description: string): APIApplicationCommandBasicOption => ({
  type: ApplicationCommandOptionType.String,
  name: 'channel',
  description,
  required: false,
  max_length: 100,
});
const allOption: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'all',
  description: 'Every dead letter',
  required: false,
};

/** The router's selection words: an id, `--channel ID` or `--all` (the handler refuses a mix). */
function selection(values: OptionValues): string[] {
  const channel = text(values, 'channel');
  return [
    ...text(values, 'id'),
    ...(channel.length ? ['--channel', ...channel] : []),
    ...(values.get('all') === true ? ['--all'] : []),
  ];
}

const act = (name: 'retry' | 'drop', description: string): SubcommandSpec => ({
  command: 'banwatch-admin',
  group: 'deadletters',
  name,
  description,
  options: [idOption, channelOption('Every dead letter of this banwatch channel id'), allOption],
  args: (v) => ['deadletters', name, ...selection(v)],
  ephemeral: false,
});

/**
 * `/banwatch-admin deadletters list|retry|drop`: the CLI's and Slack's `deadletters` on Discord.
 * Dead letters are the whole install's, so the router lets only banwatch's operators (config
 * `admins`) run them, whatever the server permission; a list answers the asker alone.
 */
export const DEADLETTERS_SUBCOMMANDS: SubcommandSpec[] = [
  {
    command: 'banwatch-admin',
    group: 'deadletters',
    name: 'list',
    description: 'The alerts delivery gave up on, with their ids and why',
    options: [channelOption('Only this banwatch channel id')],
    args: (v) => ['deadletters', 'list', ...selection(v)],
    ephemeral: true,
  },
  act('retry', 'Queue dead letters again, due now, attempts reset'),
  act('drop', 'Remove dead letters for good'),
];
