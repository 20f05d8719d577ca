import { closest } from '../shared/suggest.js';
import type { ErrorCode } from '../shared/error-codes.js';
import { errorMessage, isUserError } from '../shared/errors.js';
import { maskUrlsIn } from '../shared/mask-url.js';
import type { Logger } from '../shared/logger.js';
import { canChangeGlobal, tenantAllowed, type AllowedTenants } from '../domain/tenancy.js';
import { principalOf, type CommandContext, type CommandHandler } from './command.js';
import { line, reply, type Reply } from './reply.js';

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
    /** `allowed.slackTeams` / `allowed.discordGuilds`: the workspaces and servers that may use the bot. */
    private readonly allowed?: AllowedTenants,
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
    const who = principalOf(context.actor);
    if (!tenantAllowed(this.allowed, { ...who, platform: context.actor.platform })) {
      const where = context.actor.platform === 'slack' ? 'Slack workspace' : 'Discord server';
      return reply(
        'Not available here',
        [{ lines: [line(`banwatch is not enabled for this ${where}. Ask its operator to allow it.`)] }],
        { code: 'NOT_ALLOWED_TENANT' },
      );
    }
    const prefix = commandPrefix(context.actor.platform);
    if (!name || name.toLowerCase() === 'help') return this.help(rest[0], undefined, prefix);
    const handler = this.handlers.get(name.toLowerCase());
    if (!handler) {
      const guess = closest(name, this.names());
      const hint = guess ? ` Did you mean \`${guess}\`?` : '';
      return this.help(
        undefined,
        { text: `Unknown command "${name.slice(0, 40)}".${hint}`, code: 'UNKNOWN_COMMAND' },
        prefix,
      );
    }
    if (handler.requiresAdmin(rest) && !context.actor.isAdmin) {
      const what = [handler.name, rest[0]].filter(Boolean).join(' ');
      return reply('Not allowed', [{ lines: [line(`Only admins can run \`${what}\`. Nothing was changed.`)] }], {
        code: 'NOT_ADMIN',
      });
    }
    if (handler.requiresOperator?.(rest) && !canChangeGlobal(who)) {
      const what = [handler.name, rest[0]].filter(Boolean).join(' ');
      return reply(
        'Not allowed',
        [{ lines: [line(`Only banwatch's operators can run \`${what}\`: it changes the whole install.`)] }],
        { code: 'NOT_OPERATOR' },
      );
    }
    try {
      const answer = await handler.run([...rest], context);
      await this.flush();
      return answer;
    } catch (error) {
      // A refusal may echo what was typed or fetched: URLs in it are shown masked.
      if (isUserError(error)) return this.usage(handler, maskUrlsIn(error.message), error.code, prefix);
      const ref = Math.random().toString(36).slice(2, 8);
      this.logger.error(
        { err: error, code: 'INTERNAL', command: handler.name, ref },
        `command ${handler.name} failed: ${errorMessage(error)}`,
      );
      return reply(
        'Something went wrong',
        [{ lines: [line(`banwatch could not finish \`${handler.name}\` (reference ${ref}). Try again shortly.`)] }],
        { code: 'INTERNAL' },
      );
    }
  }

  /** A refusal with the usage of the command, which is all the answer says when the words were wrong. */
  usage(handler: CommandHandler, problem: string, code: ErrorCode = 'USAGE', prefix = '/banwatch'): Reply {
    const usage = { heading: 'Usage', lines: handler.usage.map((form) => line(`${prefix} ${form}`)) };
    return reply(problem, [usage], { code });
  }

  /** The list of commands, or one command's usage; with a problem, the list is the answer to a refusal. */
  help(name?: string, problem?: { text: string; code: ErrorCode }, prefix = '/banwatch'): Reply {
    const handler = name ? this.handlers.get(name.toLowerCase()) : undefined;
    if (handler)
      return reply(`${prefix} ${handler.name}: ${handler.summary}`, [
        { heading: 'Usage', lines: handler.usage.map((form) => line(`${prefix} ${form}`)) },
      ]);
    const lines = [...this.handlers.values()].map((h) => line(`${h.usage[0] ?? h.name} — ${h.summary}`));
    return reply(
      problem?.text ?? 'banwatch commands',
      [{ lines }, { lines: [line(`Type \`${prefix} help COMMAND\` for details.`)] }],
      problem ? { code: problem.code } : {},
    );
  }
}

/** How a command is typed where it was asked: in a terminal, or as a slash command in chat. */
function commandPrefix(platform: 'cli' | 'slack' | 'discord'): string {
  return platform === 'cli' ? 'banwatch' : '/banwatch';
}
