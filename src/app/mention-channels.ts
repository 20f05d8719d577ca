import type { MentionRuleStore } from '../domain/triage.js';
import type { ChannelDirectory } from '../pipeline/channel-directory.js';

/**
 * The directory with each channel's mention rules complete on `get` (what the delivery worker
 * asks before each post): its config `mentions` followed by the rules set from chat, read each
 * time so a rule added a minute ago applies to the next alert.
 */
export function withMentionRules(directory: ChannelDirectory, rules: MentionRuleStore): ChannelDirectory {
  return {
    ...directory,
    async get(channelId) {
      const channel = await directory.get(channelId);
      if (!channel || (channel.type !== 'slack' && channel.type !== 'discord')) return channel;
      const stored = await rules.list(channel.id);
      return stored.length ? { ...channel, mentions: [...(channel.mentions ?? []), ...stored] } : channel;
    },
  };
}
