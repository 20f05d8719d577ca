import type { ChannelType } from '../domain/channel.js';
import type { Principal } from '../domain/tenancy.js';
import type { Reply } from './reply.js';

/** Who is asking, as the adapter established it. `isAdmin` is decided by the adapter. */
export interface Actor {
  platform: 'cli' | 'slack' | 'discord';
  id: string;
  /** Admin of their own workspace or server (or an operator). */
  isAdmin: boolean;
  /** Listed in the config's `admins`: runs the install (the CLI always does). */
  operator?: boolean;
  /** The workspace or server the command came from (`slack:T…`, `discord:G…`). */
  tenant?: string;
  name?: string;
}

/** The actor as the tenancy rules see it (domain/tenancy.ts): the CLI on the host is an operator. */
export function principalOf(actor: Actor): Principal {
  const operator = actor.platform === 'cli' || actor.operator === true;
  return { operator, admin: operator || actor.isAdmin, ...(actor.tenant ? { tenant: actor.tenant } : {}) };
}

export interface CommandContext {
  actor: Actor;
  /** The banwatch channel the command is about (config id, or the id of a subscribed channel). */
  channelId?: string;
  /** The platform channel the command was typed in, for `subscribe`. */
  place?: { type: ChannelType; channel: string; name?: string };
  /** The request asked for machine-readable output (CLI --json). */
  json?: boolean;
  /** A file sent with the command (the CLI's FILE, a chat attachment), read and size-checked by the surface. */
  upload?: Upload;
}

/** A small text file handed to a command (`watch import`). */
export interface Upload {
  /** The file's name as given, for messages. */
  name: string;
  text: string;
}

export interface CommandHandler {
  /** The first word: `vendor`, `watch`, ... */
  name: string;
  summary: string;
  /** One usage line per form, e.g. `watch add TERM [--all]`. */
  usage: string[];
  /** Whether this invocation changes state, so only admins may run it. */
  requiresAdmin(args: readonly string[]): boolean;
  /** Whether this invocation changes the whole install's state, so only operators may run it. */
  requiresOperator?(args: readonly string[]): boolean;
  run(args: string[], context: CommandContext): Promise<Reply>;
}
