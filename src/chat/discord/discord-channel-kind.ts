import type { REST } from '@discordjs/rest';
import { type APIChannel, type APIGuildForumTag, ChannelFlags, ChannelType, Routes } from 'discord-api-types/v10';

/**
 * How banwatch posts to a Discord channel: `forum` (forum and media channels) opens a post per
 * story, `thread` (announcement, public and private threads) and `text` take messages directly.
 * `tag` is the tag every new post carries when the forum requires one.
 */
export interface ChannelShape {
  kind: 'forum' | 'thread' | 'text';
  tag?: string;
}

export interface ChannelShapes {
  /** The channel's shape, asked of Discord once (GET /channels/{id}) and kept; throws what REST throws. */
  get(channelId: string): Promise<ChannelShape>;
  /** Asks again next time (the channel was refused, deleted or replaced). */
  forget(channelId: string): void;
}

const FORUMS = new Set<number>([ChannelType.GuildForum, ChannelType.GuildMedia]);
const THREADS = new Set<number>([ChannelType.AnnouncementThread, ChannelType.PublicThread, ChannelType.PrivateThread]);

export function channelShapes(rest: REST): ChannelShapes {
  const known = new Map<string, Promise<ChannelShape>>();
  return {
    get(channelId) {
      let shape = known.get(channelId);
      if (!shape) {
        shape = (rest.get(Routes.channel(channelId)) as Promise<APIChannel>).then(shapeOf);
        known.set(channelId, shape);
        // A failed look-up is not kept: the next delivery asks again.
        shape.catch(() => known.delete(channelId));
      }
      return shape;
    },
    forget: (channelId) => void known.delete(channelId),
  };
}

function shapeOf(channel: APIChannel): ChannelShape {
  if (THREADS.has(channel.type)) return { kind: 'thread' };
  if (!FORUMS.has(channel.type)) return { kind: 'text' };
  const forum = channel as APIChannel & { flags?: number; available_tags?: APIGuildForumTag[] };
  if (!((forum.flags ?? 0) & ChannelFlags.RequireTag)) return { kind: 'forum' };
  const tag = requiredTag(forum.available_tags ?? []);
  return tag ? { kind: 'forum', tag } : { kind: 'forum' };
}

/**
 * A forum that requires a tag gets its first tag that anyone may apply: moderated tags need
 * Manage Threads, which banwatch does not ask for. With none, the post is tried without one and
 * Discord's refusal becomes a dead letter that says so.
 */
function requiredTag(tags: readonly APIGuildForumTag[]): string | undefined {
  return tags.find((tag) => !tag.moderated)?.id;
}
