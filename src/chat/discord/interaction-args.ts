import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findSubcommand, type OptionValues, type SubcommandSpec } from './command-table.js';
import type { RawInteraction, RawOption } from './raw-interaction.js';

/** One command invocation, read from an interaction's `data`. */
export interface Invocation {
  command: string;
  group?: string;
  subcommand?: string;
  /** The table entry, unless the invocation names a subcommand banwatch no longer has. */
  spec?: SubcommandSpec;
  values: OptionValues;
  /** The option being typed in an autocomplete interaction. */
  focused?: { name: string; value: string };
  /** The CommandRouter's words; unknown subcommands keep their names so the router answers with help. */
  args: string[];
}

const MAX_VALUE_LENGTH = 1_000;

export function readInvocation(interaction: RawInteraction): Invocation {
  const command = interaction.data?.name ?? '';
  let options = interaction.data?.options ?? [];
  let group: string | undefined;
  let subcommand: string | undefined;
  const first = options[0];
  if (first?.type === ApplicationCommandOptionType.SubcommandGroup) {
    group = first.name;
    const inner = first.options?.[0];
    subcommand = inner?.name;
    options = inner?.options ?? [];
  } else if (first?.type === ApplicationCommandOptionType.Subcommand) {
    subcommand = first.name;
    options = first.options ?? [];
  }
  const values = new Map<string, string | number | boolean>();
  let focused: Invocation['focused'];
  for (const option of options) {
    const value = optionValue(option);
    if (value === undefined) continue;
    values.set(option.name, value);
    if (option.focused) focused = { name: option.name, value: String(value) };
  }
  const spec = subcommand ? findSubcommand(command, group, subcommand) : undefined;
  const args = spec ? spec.args(values) : [group, subcommand].filter((word): word is string => Boolean(word));
  return { command, group, subcommand, spec, values, focused, args };
}

function optionValue(option: RawOption): string | number | boolean | undefined {
  const { value } = option;
  if (typeof value === 'string') return value.slice(0, MAX_VALUE_LENGTH);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}
