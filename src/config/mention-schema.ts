import { z } from 'zod';
import type { ChannelType } from '../domain/channel.js';
import {
  isMentionStage,
  MAX_PINGS_PER_RULE,
  MENTION_STAGES,
  parsePingTarget,
  pingPlatform,
  type MentionRule,
} from '../domain/mention-rule.js';

const vendorList = z.array(z.string().min(1).max(100), { error: 'expected a list of vendor names' }).max(100);

// `mentions: [{when: {vendors: [Hikvision], stage: [enacted]}, ping: ["<!subteam^S123>"]}]`: opt-in pings.
const pingTarget = z.string().transform((raw, ctx) => {
  const checked = parsePingTarget(raw);
  if (checked.ok) return checked.target;
  ctx.addIssue({ code: 'custom', message: checked.reason });
  return z.NEVER;
});
export const mentionRuleSchema = z
  .strictObject({
    when: z.strictObject({
      vendors: vendorList.min(1).optional(),
      stage: z
        .array(z.string().refine(isMentionStage, { error: `expected a stage: ${MENTION_STAGES.join(', ')}` }), {
          error: 'expected a list of stages',
        })
        .min(1)
        .optional(),
    }),
    ping: z.array(pingTarget, { error: 'expected a list of ping targets' }).min(1).max(MAX_PINGS_PER_RULE),
  })
  .superRefine((rule, ctx) => {
    if (!rule.when.vendors && !rule.when.stage)
      ctx.addIssue({
        code: 'custom',
        path: ['when'],
        message: 'name vendors, stage or both (a rule never matches everything)',
      });
  })
  .transform((rule): MentionRule => ({
    ...(rule.when.vendors ? { vendors: rule.when.vendors } : {}),
    ...(rule.when.stage ? { stages: rule.when.stage } : {}),
    ping: rule.ping,
  }));

/** A channel's ping targets must be its own platform's: webhooks and the console cannot ping. */
export function checkMentionPlatforms(
  channel: { type: ChannelType; mentions?: MentionRule[] },
  ctx: z.core.$RefinementCtx,
): void {
  channel.mentions?.forEach((rule, index) => {
    rule.ping.forEach((target, at) => {
      if (pingPlatform(target) !== channel.type)
        ctx.addIssue({
          code: 'custom',
          path: ['mentions', index, 'ping', at],
          message:
            channel.type === 'slack' || channel.type === 'discord'
              ? `a ${channel.type} channel pings only ${channel.type === 'slack' ? 'Slack groups and users (<!subteam^S…>, <@U…>)' : 'Discord roles and users (role:ID, user:ID)'}`
              : 'only slack and discord channels can ping (webhooks cannot)',
        });
    });
  });
}
