import type { Channel } from '../../domain/channel.js';
import type { ChannelTrace, ItemTrace, TraceStore } from '../../domain/item-trace.js';
import { outboxKey } from '../../domain/outbox.js';
import type { Outbox } from '../../domain/ports.js';
import { visibleChannels, type Place, type Principal } from '../../domain/tenancy.js';
import { UserError } from '../../shared/errors.js';
import { maskUrlsIn } from '../../shared/mask-url.js';
import { principalOf, type CommandHandler } from '../command.js';
import { line, reply, type ReplyLine } from '../reply.js';

export interface WhyDeps {
  traces: TraceStore;
  outbox: Outbox;
  /** The channels that may concern the caller (ChannelDirectory.concerning); the tenancy rules then decide. */
  channels(who: Principal, place?: Place): Promise<Channel[]>;
  maxAgeDays: number;
}

/** One channel's answer, in words and as a machine-readable outcome. */
export interface WhyAnswer {
  channelId: string;
  outcome:
    | 'not-seen'
    | 'seen-before'
    | 'too-old'
    | 'not-relevant'
    | 'filtered'
    | 'muted'
    | 'duplicate'
    | 'in-outbox'
    | 'in-digest'
    | 'dead-lettered'
    | 'delivered'
    | 'unknown';
  text: string;
  url?: string;
}

/** `why URL_OR_ID`: per channel, what happened to an item and why. */
export function whyHandler(deps: WhyDeps): CommandHandler {
  return {
    name: 'why',
    summary: 'explain what happened to an item in each channel',
    usage: ['why LINK', 'why SOURCE:ITEM-KEY'],
    requiresAdmin: () => false,
    async run(args, context) {
      const query = parseQuery(args);
      const found = await deps.traces.find(query);
      // Only the caller's own channels: another workspace's or server's channels are none of theirs.
      const who = principalOf(context.actor);
      const all = visibleChannels(who, await deps.channels(who, context.place), context.place);
      const channels = context.channelId ? all.filter((c) => c.id === context.channelId) : all;
      if (!channels.length)
        throw context.channelId
          ? new UserError('UNKNOWN_CHANNEL', `No channel "${context.channelId}".`)
          : new UserError('NO_CHANNEL', 'No channel is configured.');
      const answers: WhyAnswer[] = [];
      for (const channel of channels) answers.push(await explain(channel.id, found?.item, found?.sourceId, deps));
      const title = found
        ? `Why: ${found.item.title ?? found.item.link ?? found.item.itemKey}`
        : 'Why: an item banwatch has not seen';
      const lines: ReplyLine[] = answers.map((a) => line(`${a.channelId}: ${a.text}`, a.url));
      if (found) lines.unshift(line(`seen on ${found.sourceId} at ${found.at.slice(0, 16).replace('T', ' ')} UTC`));
      return reply(title, [{ lines }], { data: { item: found ?? null, channels: answers } });
    },
  };
}

function parseQuery(args: readonly string[]): { link: string } | { sourceId: string; itemKey: string } {
  const text = args.join(' ').trim();
  if (!text) throw new UserError('USAGE', 'Give the link of the item, or its id as logs show it (source:key).');
  if (text.length > 2_048) throw new UserError('TOO_LONG', 'That is too long for a link or an item id.');
  if (/^<?https?:\/\//i.test(text)) return { link: text.replace(/^<(.*)>$/, '$1').split('|')[0] as string };
  const match = /^([A-Za-z0-9][A-Za-z0-9_-]{0,63}):([a-z]+:[0-9a-f]{16}|[A-Za-z0-9:._-]{1,200})$/.exec(text);
  if (!match)
    throw new UserError('USAGE', 'Give the link of the item (https://...), or its id as logs show it (source:key).');
  return { sourceId: match[1] as string, itemKey: match[2] as string };
}

async function explain(
  channelId: string,
  item: ItemTrace | undefined,
  sourceId: string | undefined,
  deps: WhyDeps,
): Promise<WhyAnswer> {
  const answer = (outcome: WhyAnswer['outcome'], text: string, url?: string): WhyAnswer => ({
    channelId,
    outcome,
    text,
    ...(url ? { url } : {}),
  });
  if (!item || !sourceId)
    return answer('not-seen', 'not seen yet: no feed banwatch polls has carried it in the last 30 days');
  if (item.outcome === 'recorded')
    return answer(
      'seen-before',
      'seen before: it was already in the feed when banwatch first polled it, and existing items are not alerted (see `backfill`)',
    );
  if (item.outcome === 'too-old')
    return answer('too-old', `too old: published more than ${deps.maxAgeDays} days before banwatch saw it`);
  const trace =
    item.channels?.find((c) => c.channelId === channelId) ??
    (item.othersSkipped ? { channelId, outcome: 'skipped' as const, reason: item.othersSkipped } : undefined);
  if (!trace) return answer('unknown', 'this channel did not receive alerts yet when the item was seen');
  if (trace.outcome === 'duplicate-story') return answer('duplicate', `not posted: ${trace.reason}`);
  if (trace.outcome === 'skipped') return skipped(trace, item, answer);
  const key = outboxKey(channelId, item.alertId ?? `${sourceId}:${item.itemKey}`);
  const delivered = await deps.outbox.delivery(key);
  if (delivered)
    return answer(
      'delivered',
      `delivered at ${delivered.at.slice(0, 16).replace('T', ' ')} UTC (${trace.reason})`,
      delivered.ref?.url,
    );
  const waiting = (await deps.outbox.pending()).find((entry) => entry.key === key);
  if (waiting) {
    const last = waiting.lastError ? `; last error: ${maskUrlsIn(waiting.lastError)}` : '';
    return answer(
      'in-outbox',
      `in the outbox: ${waiting.attempts} attempts so far, next at ${waiting.nextAttemptAt.slice(0, 16).replace('T', ' ')} UTC${last}`,
    );
  }
  const dead = (await deps.outbox.deadLetters(1_000)).find((entry) => entry.key === key);
  if (dead)
    return answer(
      'dead-lettered',
      `dead-lettered at ${dead.deadAt.slice(0, 16).replace('T', ' ')} UTC: ${maskUrlsIn(dead.reason)}`,
    );
  // Collected instead of queued (ingest's reason names the digest): it goes out with the channel's digest.
  if (/for the (daily|weekly) digest$/.test(trace.reason))
    return answer('in-digest', `collected for the channel's digest (${trace.reason}); \`history\` shows when it went`);
  return answer('unknown', 'queued, but no delivery record is left (older than 90 days)');
}

function skipped(
  trace: ChannelTrace,
  item: ItemTrace,
  answer: (outcome: WhyAnswer['outcome'], text: string) => WhyAnswer,
): WhyAnswer {
  if (trace.reason.startsWith('muted')) return answer('muted', `not posted: ${trace.reason}`);
  if (trace.reason === 'not relevant') {
    const why = item.classification?.reasons.join('; ') || 'no cue fired';
    return answer('not-relevant', `not relevant (score ${item.classification?.score.toFixed(2) ?? '?'}): ${why}`);
  }
  return answer('filtered', `not posted: ${trace.reason}`);
}
