import type { Channel } from '../../domain/channel.js';
import type { Clock } from '../../domain/clock.js';
import {
  describeRule,
  isMentionStage,
  MAX_MENTION_RULES,
  MAX_PINGS_PER_RULE,
  MENTION_STAGES,
  parsePingTarget,
  pingPlatform,
  type MentionRule,
  type PingTarget,
} from '../../domain/mention-rule.js';
import { canManageChannel, canSeeChannel } from '../../domain/tenancy.js';
import type { MentionRuleStore } from '../../domain/triage.js';
import type { VendorCatalog } from '../../domain/vendor.js';
import { UserError } from '../../shared/errors.js';
import { principalOf, type CommandContext, type CommandHandler } from '../command.js';
import { line, reply } from '../reply.js';

export interface MentionsDeps {
  rules: MentionRuleStore;
  /** The channel with its config rules (`mentions` in the config file). */
  channel(channelId: string): Promise<Channel | undefined>;
  catalog: Pick<VendorCatalog, 'resolve'>;
  clock: Clock;
}

/**
 * `mentions add vendor:NAME[,NAME] stage:STAGE[,STAGE] ping:TARGET ...`, `mentions list`,
 * `mentions remove N`: who an alert in this channel pings. Alerts ping nobody until a rule
 * matches; config rules are listed but changed only in the config file.
 */
export function mentionsHandler(deps: MentionsDeps): CommandHandler {
  return {
    name: 'mentions',
    summary: "choose who this channel's alerts ping (nobody by default)",
    usage: ['mentions add vendor:NAME stage:STAGE ping:TARGET', 'mentions list', 'mentions remove N'],
    requiresAdmin: (args) => (args[0] ?? '').toLowerCase() !== 'list',
    async run(args, context) {
      const [verb = '', ...rest] = args;
      const action = verb.toLowerCase();
      const channel = await channelOf(context, action === 'list', deps);
      const stored = await deps.rules.list(channel.id);
      // The directory lists config rules first, then the stored ones (which carry addedAt).
      const configured = (channel.mentions ?? []).filter((rule) => !rule.addedAt);
      switch (action) {
        case 'list': {
          const lines = [
            ...configured.map((rule) => line(`config: ${describeRule(rule)}`)),
            ...stored.map((rule, i) => line(`${i + 1}. ${describeRule(rule)}`)),
          ];
          return reply(
            lines.length ? `Mention rules of ${channel.id}` : `${channel.id} pings nobody`,
            lines.length ? [{ lines }] : [],
            { data: { channelId: channel.id, configured, rules: stored } },
          );
        }
        case 'add': {
          if (stored.length >= MAX_MENTION_RULES)
            throw new UserError('TOO_MANY_RULES', `A channel has at most ${MAX_MENTION_RULES} mention rules.`);
          const rule = parseRule(rest, channel, deps);
          rule.addedBy = context.actor.id;
          rule.addedAt = deps.clock.now().toISOString();
          await deps.rules.replace(channel.id, [...stored, rule]);
          return reply(
            `Mention rule ${stored.length + 1} added in ${channel.id}`,
            [{ lines: [line(describeRule(rule))] }],
            {
              visibility: 'channel',
              data: { channelId: channel.id, rule },
            },
          );
        }
        case 'remove': {
          const n = Number(rest[0]);
          if (!Number.isInteger(n) || n < 1 || n > stored.length)
            throw new UserError(
              'NO_SUCH_RULE',
              stored.length
                ? `Say which rule, 1 to ${stored.length} (see \`mentions list\`).`
                : `${channel.id} has no mention rules set from chat.`,
            );
          const removed = stored[n - 1] as MentionRule;
          await deps.rules.replace(
            channel.id,
            stored.filter((_, i) => i !== n - 1),
          );
          return reply(`Mention rule ${n} removed from ${channel.id}`, [{ lines: [line(describeRule(removed))] }], {
            visibility: 'channel',
            data: { channelId: channel.id, removed },
          });
        }
        default:
          throw new UserError(
            'BAD_VERB',
            verb ? `Unknown mentions action "${verb.slice(0, 40)}".` : 'Say what to do: add, list or remove.',
          );
      }
    },
  };
}

async function channelOf(context: CommandContext, reading: boolean, deps: MentionsDeps): Promise<Channel> {
  const channelId = context.channelId;
  if (!channelId)
    throw new UserError(
      'NO_CHANNEL',
      'Mention rules belong to a channel: run this in a channel banwatch posts to (CLI: --channel ID).',
    );
  const channel = await deps.channel(channelId);
  if (!channel) throw new UserError('UNKNOWN_CHANNEL', `banwatch does not post to channel "${channelId}" yet.`);
  const who = principalOf(context.actor);
  const allowed = reading ? canSeeChannel(who, channel, context.place) : canManageChannel(who, channel, context.place);
  if (!allowed)
    throw new UserError(
      'NOT_YOURS',
      `Channel "${channelId}" belongs to another workspace or server; manage its mentions from there. Nothing was changed.`,
    );
  return channel;
}

function parseRule(words: readonly string[], channel: Channel, deps: MentionsDeps): MentionRule {
  const vendors: string[] = [];
  const stages: string[] = [];
  const ping: PingTarget[] = [];
  for (const word of words) {
    const at = word.indexOf(':');
    const key = at > 0 ? word.slice(0, at).toLowerCase() : '';
    const value = word.slice(at + 1);
    if (key === 'vendor' || key === 'vendors') {
      for (const name of value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean))
        vendors.push(deps.catalog.resolve(name)?.name ?? name.slice(0, 100));
    } else if (key === 'stage' || key === 'stages') {
      for (const stage of value
        .split(',')
        .map((v) => v.trim().toLowerCase())
        .filter(Boolean)) {
        if (!isMentionStage(stage))
          throw new UserError(
            'BAD_STAGE',
            `Unknown stage "${stage.slice(0, 40)}"; stages: ${MENTION_STAGES.join(', ')}.`,
          );
        stages.push(stage);
      }
    } else if (key === 'ping') {
      const checked = parsePingTarget(value);
      if (!checked.ok) throw new UserError('BAD_PING', `${checked.reason}. Nothing was changed.`);
      ping.push(checked.target);
    } else {
      // A Slack group typed on its own (`@procurement` escaped by Slack) is a ping too.
      const checked = parsePingTarget(word);
      if (!checked.ok)
        throw new UserError('USAGE', `"${word.slice(0, 40)}" is not vendor:NAME, stage:STAGE or ping:TARGET.`);
      ping.push(checked.target);
    }
  }
  if (!ping.length)
    throw new UserError('BAD_PING', 'Say whom to ping, e.g. `ping:<!subteam^S0123>` or `ping:role:ID`.');
  if (ping.length > MAX_PINGS_PER_RULE)
    throw new UserError('BAD_PING', `A rule pings at most ${MAX_PINGS_PER_RULE} groups or people.`);
  if (!vendors.length && !stages.length)
    throw new UserError(
      'USAGE',
      'Say when to ping: vendor:NAME, stage:STAGE or both (a rule never matches everything).',
    );
  const platform = channel.type === 'slack' || channel.type === 'discord' ? channel.type : undefined;
  const foreign = ping.find((target) => pingPlatform(target) !== platform);
  if (foreign)
    throw new UserError(
      'BAD_PING',
      platform
        ? `${channel.id} is a ${platform} channel: its alerts can ping only ${platform === 'slack' ? 'Slack groups and users (<!subteam^S…>, <@U…>)' : 'Discord roles and users (role:ID, user:ID)'}.`
        : `${channel.id} posts through a webhook, which cannot ping anyone: mentions need a slack or discord channel.`,
    );
  return {
    ...(vendors.length ? { vendors: [...new Set(vendors)] } : {}),
    ...(stages.length ? { stages: [...new Set(stages)] } : {}),
    ping,
  };
}
