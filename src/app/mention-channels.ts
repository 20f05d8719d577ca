import type { Channel } from '../domain/channel.js';
import type { MentionRuleStore } from '../domain/triage.js';

/**
 * The channel as the delivery worker sees it: its config `mentions` followed by the rules set
 * from chat, read at each delivery so a rule added a minute ago applies to the next alert.
 */
export function withMentionRules(
  get: (channelId: string) => Promise<Channel | undefined>,
  rules: MentionRuleStore,
): (channelId: string) => Promise<Channel | undefined> {
  return async (channelId) => {
    const channel = await get(channelId);
    if (!channel || (channel.type !== 'slack' && channel.type !== 'discord')) return channel;
    const stored = await rules.list(channel.id);
    return stored.length ? { ...channel, mentions: [...(channel.mentions ?? []), ...stored] } : channel;
  };
}
