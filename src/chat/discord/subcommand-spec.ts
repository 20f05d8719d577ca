import type { APIApplicationCommandBasicOption } from 'discord-api-types/v10';

// The shape of one Discord subcommand entry (command-table.ts lists them) and how entries read
// their options: apart from the table, so the files that define entries import it one way only.

/** `/banwatch` (anyone) and `/banwatch-admin` (Manage Server, checked again on every call). */
export type CommandName = 'banwatch' | 'banwatch-admin';

/** Option values of one invocation, by option name. */
export type OptionValues = ReadonlyMap<string, string | number | boolean>;

export interface CompletionDeps {
  completeVendor(prefix: string, limit: number): string[];
}

export interface SubcommandSpec {
  command: CommandName;
  /** Subcommand group, e.g. `watch` in `/banwatch-admin watch add`. */
  group?: string;
  name: string;
  /** At most 100 characters (Discord's limit). */
  description: string;
  options?: APIApplicationCommandBasicOption[];
  /** The router words for an invocation, e.g. `['watch', 'add', 'dji', '--all']`. */
  args(values: OptionValues): string[];
  /** Lookups answer only the asker; admin changes are confirmed to the channel. */
  ephemeral: boolean;
  /** The option holding a file the command reads (`watch import`): the adapter fetches it and hands it over. */
  attachment?: string;
  /** Suggestions for the focused option with `autocomplete: true`. */
  complete?(value: string, deps: CompletionDeps): string[];
}

/** A string option's value, or nothing when it was left out or blank. */
export function text(values: OptionValues, name: string): string[] {
  const value = values.get(name);
  return typeof value === 'string' && value.trim() ? [value.trim()] : [];
}

/** "hikvision, dahua" -> two words: vendor names may hold spaces, so commas separate them. */
export function list(values: OptionValues, name: string): string[] {
  return text(values, name).flatMap((value) =>
    value
      .split(/[,;\n]/)
      .map((part) => part.trim())
      .filter(Boolean),
  );
}
