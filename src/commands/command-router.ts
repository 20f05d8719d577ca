import { closest } from '../shared/suggest.js';
import { errorMessage, isUserError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { CommandContext, CommandHandler } from './command.js';
import { line, reply, type Reply } from './reply.js';

/** Refusal codes that mean the command was typed wrong (the CLI exits 2 for these). */
const TYPED_WRONG = new Set([
  'usage',
  'bad_verb',
  'unknown_flag',
  'unbalanced_quotes',
  'too_many_words',
  'too_long',
  'missing_value',
  'no_vendor',
]);

/**
 * The one entry point for commands from every surface (Slack, Discord, the CLI). Runs a
 * command in small steps: find the handler, check admin rights, run, and turn a refusal into
 * a clear answer with that command's usage. A bug becomes a short apology with a reference,
 * never a stack trace in chat.
 */
export class CommandRouter {
  private readonly handlers = new Map<string, CommandHandler>();

  /** `flush`: makes the store's writes durable before an answer says they were made. */
  constructor(
    handlers: readonly CommandHandler[],
    private readonly logger: Logger,
    private readonly flush: () => Promise<void> = async () => undefined,
  ) {
    for (const handler of handlers) this.handlers.set(handler.name, handler);
  }

  names(): string[] {
    return [...this.handlers.keys()];
  }

  handler(name: string): CommandHandler | undefined {
    return this.handlers.get(name);
  }

  async handle(args: readonly string[], context: CommandContext): Promise<Reply> {
    const [name, ...rest] = args;
    if (!name || name.toLowerCase() === 'help') return this.help(rest[0]);
    const handler = this.handlers.get(name.toLowerCase());
    if (!handler) {
      const guess = closest(name, this.names());
      const hint = guess ? ` Did you mean \`${guess}\`?` : '';
      return this.help(undefined, `Unknown command "${name.slice(0, 40)}".${hint}`);
    }
    if (handler.requiresAdmin(rest) && !context.actor.isAdmin) {
      const what = [handler.name, rest[0]].filter(Boolean).join(' ');
      return reply('Not allowed', [{ lines: [line(`Only admins can run \`${what}\`. Nothing was changed.`)] }], {
        refused: true,
      });
    }
    try {
      const answer = await handler.run([...rest], context);
      await this.flush();
      return answer;
    } catch (error) {
      if (isUserError(error)) return this.usage(handler, error.message, TYPED_WRONG.has(error.code));
      const ref = Math.random().toString(36).slice(2, 8);
      this.logger.error(
        { err: error, command: handler.name, ref },
        `command ${handler.name} failed: ${errorMessage(error)}`,
      );
      return reply(
        'Something went wrong',
        [{ lines: [line(`banwatch could not finish \`${handler.name}\` (reference ${ref}). Try again shortly.`)] }],
        { refused: true },
      );
    }
  }

  /** A refusal with the usage of the command; `typedWrong` when the words themselves were wrong. */
  usage(handler: CommandHandler, problem: string, typedWrong = true): Reply {
    return reply(problem, [{ heading: 'Usage', lines: handler.usage.map((form) => line(`/banwatch ${form}`)) }], {
      refused: true,
      usage: typedWrong,
    });
  }

  help(name?: string, problem?: string): Reply {
    const handler = name ? this.handlers.get(name.toLowerCase()) : undefined;
    if (handler)
      return reply(`/banwatch ${handler.name}: ${handler.summary}`, [
        { heading: 'Usage', lines: handler.usage.map((form) => line(`/banwatch ${form}`)) },
      ]);
    const lines = [...this.handlers.values()].map((h) => line(`${h.usage[0] ?? h.name} — ${h.summary}`));
    return reply(
      problem ?? 'banwatch commands',
      [{ lines }, { lines: [line('Type `/banwatch help COMMAND` for details.')] }],
      { refused: Boolean(problem), usage: Boolean(problem) },
    );
  }
}
