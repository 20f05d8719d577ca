import type { ChannelType } from '../domain/channel.js';
import type { Reply } from './reply.js';

/** Who is asking, as the adapter established it. `isAdmin` is decided by the adapter. */
export interface Actor {
  platform: 'cli' | 'slack' | 'discord';
  id: string;
  isAdmin: boolean;
  name?: string;
}

export interface CommandContext {
  actor: Actor;
  /** The banwatch channel the command is about (config id, or the id of a subscribed channel). */
  channelId?: string;
  /** The platform channel the command was typed in, for `subscribe`. */
  place?: { type: ChannelType; channel: string; name?: string };
  /** The request asked for machine-readable output (CLI --json). */
  json?: boolean;
}

export interface CommandHandler {
  /** The first word: `vendor`, `watch`, ... */
  name: string;
  summary: string;
  /** One usage line per form, e.g. `watch add TERM [--all]`. */
  usage: string[];
  /** Whether this invocation changes state, so only admins may run it. */
  requiresAdmin(args: readonly string[]): boolean;
  run(args: string[], context: CommandContext): Promise<Reply>;
}
