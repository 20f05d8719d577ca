import type { Clock } from '../../domain/clock.js';
import { digest } from '../../domain/hash.js';
import { deadLetterKey, type DeadLetter } from '../../domain/outbox.js';
import type { Outbox } from '../../domain/ports.js';
import { maskUrlsIn } from '../../shared/mask-url.js';
import { UserError } from '../../shared/errors.js';
import type { CommandContext, CommandHandler } from '../command.js';
import { line, reply } from '../reply.js';

export interface DeadLettersDeps {
  outbox: Pick<Outbox, 'deadLetters' | 'retryDead' | 'dropDead'>;
  clock: Clock;
}

/** How many dead letters are kept (the store trims beyond it), so every one can be found by id. */
const ALL = 1_000;

/** A short, stable id for a dead letter, to type on a command line (its full key holds the alert id). */
export function deadLetterId(letter: Pick<DeadLetter, 'key' | 'deadAt'>): string {
  return digest(deadLetterKey(letter)).slice(0, 10);
}

/**
 * `deadletters list|retry|drop [ID|--channel ID|--all]`: the alerts delivery gave up on. A
 * retry puts them back in the outbox, due now, with their attempts reset; a drop removes them.
 * Dead letters are the whole install's, so only operators (the CLI, config `admins`) may act.
 */
export function deadLettersHandler(deps: DeadLettersDeps): CommandHandler {
  return {
    name: 'deadletters',
    summary: 'list, retry or drop the alerts delivery gave up on (operators)',
    usage: [
      'deadletters list [--channel ID]',
      'deadletters retry ID|--channel ID|--all',
      'deadletters drop ID|--channel ID|--all',
    ],
    requiresAdmin: () => true,
    requiresOperator: () => true,
    async run(args, context) {
      const [verb = '', ...rest] = args;
      const action = verb.toLowerCase();
      if (!['list', 'retry', 'drop'].includes(action))
        throw new UserError(
          'BAD_VERB',
          verb ? `Unknown deadletters action "${verb.slice(0, 40)}".` : 'Say what to do: list, retry or drop.',
        );
      const want = selection(rest, context, action === 'list');
      const letters = (await deps.outbox.deadLetters(ALL)).filter((letter) =>
        want.kind === 'all'
          ? true
          : want.kind === 'channel'
            ? letter.channelId === want.value
            : deadLetterId(letter) === want.value,
      );
      if (action === 'list') {
        return reply(
          `${letters.length} dead letter${letters.length === 1 ? '' : 's'}`,
          [
            {
              lines: letters.map((d) =>
                line(`${deadLetterId(d)} ${d.deadAt.slice(0, 16)} ${d.channelId}: ${maskUrlsIn(d.reason)}`),
              ),
            },
          ],
          { data: { deadLetters: letters.map((d) => ({ id: deadLetterId(d), ...d, reason: maskUrlsIn(d.reason) })) } },
        );
      }
      if (!letters.length)
        throw new UserError(
          'NO_DEAD_LETTER',
          want.kind === 'id' ? `No dead letter with id "${want.value}".` : 'No dead letters match.',
        );
      const at = deps.clock.now().toISOString();
      let done = 0;
      for (const letter of letters) {
        const key = deadLetterKey(letter);
        if (action === 'retry' ? await deps.outbox.retryDead(key, at) : await deps.outbox.dropDead(key)) done++;
      }
      const what = action === 'retry' ? 'queued again' : 'dropped';
      return reply(`${done} dead letter${done === 1 ? '' : 's'} ${what}`, [], {
        visibility: 'channel',
        data: { [action === 'retry' ? 'retried' : 'dropped']: letters.map(deadLetterId) },
      });
    },
  };
}

type Selection = { kind: 'all' } | { kind: 'channel' | 'id'; value: string };

/** `ID`, `--channel ID` (the CLI's global --channel too) or `--all`; `list` without any lists all. */
function selection(rest: readonly string[], context: CommandContext, isList: boolean): Selection {
  const words = [...rest];
  const flag = words.findIndex((word) => word.toLowerCase() === '--channel');
  if (flag >= 0) {
    const value = words[flag + 1];
    if (!value || words.length !== 2) throw new UserError('USAGE', 'Give one channel id after --channel.');
    return { kind: 'channel', value };
  }
  if (context.actor.platform === 'cli' && context.channelId && !words.length)
    return { kind: 'channel', value: context.channelId };
  if (words.length === 1 && words[0]?.toLowerCase() === '--all') return { kind: 'all' };
  if (words.length === 1 && /^[0-9a-f]{10}$/.test(words[0] as string)) return { kind: 'id', value: words[0] as string };
  if (!words.length && isList) return { kind: 'all' };
  throw new UserError('USAGE', 'Name a dead letter by the id `deadletters list` shows, or use --channel ID or --all.');
}
