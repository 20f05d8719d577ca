import type { Clock } from '../../domain/clock.js';
import type { WatchTermStore } from '../../domain/ports.js';
import { checkTerm, DEFAULT_MAX_TERMS_PER_CHANNEL, type WatchMode, type WatchTerm } from '../../domain/watch-term.js';
import type { Channel } from '../../domain/channel.js';
import { canManageChannel, canSeeChannel } from '../../domain/tenancy.js';
import { UserError } from '../../shared/errors.js';
import { principalOf, type CommandHandler } from '../command.js';
import { line, reply } from '../reply.js';
import { takeFlags } from '../tokenize.js';
import { exportInventory, importInventory, type InventoryDeps } from './watch-inventory.js';

export interface WatchDeps {
  watch: WatchTermStore;
  clock: Clock;
  /** True when banwatch knows the channel (config or subscribed). */
  channelExists(channelId: string): Promise<boolean>;
  /** The channel itself, so the tenancy rules can say whose it is. */
  channel?(channelId: string): Promise<Channel | undefined>;
  /** Terms one channel may hold (config `watch.maxTermsPerChannel`). */
  maxTerms?: number;
  /** Matching for `watch import`; without it the import is refused. */
  inventory?: InventoryDeps;
}

/** Verbs that only read the channel's terms, so members may run them. */
const READ_VERBS = new Set(['list', 'export']);

const MODE_TEXT: Record<WatchMode, string> = {
  vendor: 'counts as a vendor name (a mention plus a ban cue alerts)',
  all: 'alerts on every item that mentions it',
  mute: 'muted: items that mention it are never posted',
};

/** `watch add|remove|mute|list [TERM] [--all]`: the terms that widen or narrow a channel. */
export function watchHandler(deps: WatchDeps): CommandHandler {
  return {
    name: 'watch',
    summary: 'choose the terms this channel watches or mutes',
    usage: [
      'watch add TERM [--all]',
      'watch mute TERM',
      'watch remove TERM',
      'watch list',
      'watch import FILE.csv (a name column, optional aliases)',
      'watch export [--csv]',
    ],
    requiresAdmin: (args) => !READ_VERBS.has((args[0] ?? '').toLowerCase()),
    async run(args, context) {
      const [verb = '', ...rest] = args;
      const channelId = context.channelId;
      if (!channelId)
        throw new UserError(
          'NO_CHANNEL',
          'Watch terms belong to a channel: run this in a channel banwatch posts to (CLI: --channel ID).',
        );
      if (!(await deps.channelExists(channelId))) {
        throw new UserError(
          'UNKNOWN_CHANNEL',
          `banwatch does not post to channel "${channelId}" yet (subscribe it first, or check the id).`,
        );
      }
      const action = verb.toLowerCase();
      const channel = await deps.channel?.(channelId);
      if (channel) {
        const who = principalOf(context.actor);
        const allowed = READ_VERBS.has(action)
          ? canSeeChannel(who, channel, context.place)
          : canManageChannel(who, channel, context.place);
        if (!allowed)
          throw new UserError(
            'NOT_YOURS',
            `Channel "${channelId}" belongs to another workspace or server; manage its terms from there. Nothing was changed.`,
          );
      }
      const terms = await deps.watch.list(channelId);
      const cap = deps.maxTerms ?? DEFAULT_MAX_TERMS_PER_CHANNEL;
      switch (action) {
        case 'import':
          if (!deps.inventory) throw new UserError('NO_UPLOAD', 'This banwatch cannot import supplier lists.');
          return importInventory(
            { ...deps.inventory, cap, now: () => deps.clock.now() },
            channelId,
            terms,
            context,
            (next) => deps.watch.replace(channelId, next),
          );
        case 'export':
          takeFlags(rest, ['csv']);
          return exportInventory(channelId, terms);
        case 'list':
          return reply(
            terms.length ? `Watch terms of ${channelId}` : `${channelId} has no watch terms`,
            terms.length
              ? [{ lines: terms.map((t) => line(`"${t.term}"${aliasText(t)} — ${MODE_TEXT[t.mode]}`)) }]
              : [],
            { data: { channelId, terms } },
          );
        case 'add':
        case 'mute': {
          const { rest: words, flags } = takeFlags(rest, action === 'add' ? ['all'] : []);
          const mode: WatchMode = action === 'mute' ? 'mute' : flags.has('all') ? 'all' : 'vendor';
          const term = parseTerm(words);
          const others = terms.filter((t) => t.term.toLowerCase() !== term.toLowerCase());
          if (others.length >= cap) {
            throw new UserError('TOO_MANY_TERMS', `A channel can watch at most ${cap} terms; remove one first.`);
          }
          const aliases = terms.find((t) => t.term.toLowerCase() === term.toLowerCase())?.aliases;
          const entry: WatchTerm = {
            term,
            mode,
            ...(aliases ? { aliases } : {}),
            addedBy: context.actor.id,
            addedAt: deps.clock.now().toISOString(),
          };
          await deps.watch.replace(channelId, [...others, entry]);
          return reply(
            `Watch term "${term}" ${mode === 'mute' ? 'muted' : 'added'} in ${channelId}`,
            [{ lines: [line(`"${term}" ${MODE_TEXT[mode]}. Set by ${context.actor.name ?? context.actor.id}.`)] }],
            {
              visibility: 'channel',
              data: { channelId, term: entry },
            },
          );
        }
        case 'remove': {
          const term = parseTerm(rest);
          const kept = terms.filter((t) => t.term.toLowerCase() !== term.toLowerCase());
          if (kept.length === terms.length)
            throw new UserError('NO_SUCH_TERM', `${channelId} does not watch "${term}".`);
          await deps.watch.replace(channelId, kept);
          return reply(`Watch term "${term}" removed from ${channelId}`, [], {
            visibility: 'channel',
            data: { channelId, removed: term },
          });
        }
        default:
          throw new UserError(
            'BAD_VERB',
            verb ? `Unknown watch action "${verb.slice(0, 40)}".` : 'Say what to do: add, mute, remove or list.',
          );
      }
    },
  };
}

function aliasText(term: WatchTerm): string {
  return term.aliases?.length ? ` (also ${term.aliases.map((alias) => `"${alias}"`).join(', ')})` : '';
}

function parseTerm(words: readonly string[]): string {
  if (!words.length) throw new UserError('USAGE', 'Say which term, e.g. `watch add Unitree`.');
  const checked = checkTerm(words.join(' '));
  if (!checked.ok)
    throw new UserError(
      'BAD_TERM',
      `${checked.reason[0]?.toUpperCase()}${checked.reason.slice(1)}. Nothing was changed.`,
    );
  return checked.term;
}
