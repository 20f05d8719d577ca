import { InteractionType } from 'discord-api-types/v10';
import type { RawAttachment } from './attachment-fetch.js';

/**
 * The parts of an interaction payload banwatch reads, as Discord sends it over HTTP and the
 * gateway alike. Narrower than discord-api-types' union on purpose: everything else is ignored.
 */
export interface RawInteraction {
  id: string;
  type: InteractionType;
  token: string;
  application_id?: string;
  /** A command's name and options (with attachments), or a pressed button's custom_id. */
  data?: {
    name?: string;
    options?: RawOption[];
    resolved?: { attachments?: Record<string, RawAttachment> };
    custom_id?: string;
    component_type?: number;
  };
  /** The message a pressed button is on. */
  message?: { id: string; channel_id?: string; embeds?: unknown[] };
  guild_id?: string;
  channel_id?: string;
  /** `parent_id`: the channel a thread (or forum post) belongs to. */
  channel?: { id?: string; name?: string; parent_id?: string | null };
  /** Present in servers; `permissions` is what the member may do in this channel. */
  member?: { permissions?: string; nick?: string | null; user?: RawUser };
  /** Present in DMs. */
  user?: RawUser;
}

export interface RawUser {
  id: string;
  username?: string;
  global_name?: string | null;
}

export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: RawOption[];
}

/** A payload with the fields every interaction has, or undefined. */
export function asInteraction(payload: unknown): RawInteraction | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const p = payload as Record<string, unknown>;
  if (typeof p.id !== 'string' || typeof p.token !== 'string' || typeof p.type !== 'number') return undefined;
  if (!Object.values(InteractionType).includes(p.type)) return undefined;
  return payload as RawInteraction;
}

export function interactionUser(interaction: RawInteraction): RawUser | undefined {
  return interaction.member?.user ?? interaction.user;
}

export function interactionChannel(interaction: RawInteraction): string | undefined {
  return interaction.channel?.id ?? interaction.channel_id;
}
