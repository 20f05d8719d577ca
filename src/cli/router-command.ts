import type { Actor, Upload } from '../commands/command.js';
import type { CommandRouter } from '../commands/command-router.js';
import { replyToText } from '../commands/reply.js';
import { exitStatus } from '../shared/error-codes.js';
import type { CliIo } from './cli-io.js';

/** Whoever runs the CLI on the host: an admin and operator. */
export const CLI_ACTOR: Actor = { platform: 'cli', id: 'cli', isAdmin: true, name: 'the command line' };

/**
 * Runs a chat command from the terminal through the same CommandRouter the chat apps use.
 * Whoever runs the CLI on the host is an admin.
 */
export async function routerCommand(
  router: CommandRouter,
  args: string[],
  io: CliIo,
  options: { channel?: string; json: boolean; upload?: Upload },
): Promise<number> {
  const answer = await router.handle(args, {
    actor: CLI_ACTOR,
    channelId: options.channel,
    json: options.json,
    ...(options.upload ? { upload: options.upload } : {}),
  });
  if (options.json && !answer.refused) io.stdout.write(`${JSON.stringify(answer.data ?? answer, null, 2)}\n`);
  else (answer.refused ? io.stderr : io.stdout).write(replyToText(answer));
  // Exit status as documented: 2 for a command typed wrong, 1 for a refusal, 0 for an answer.
  return answer.code ? exitStatus(answer.code) : 0;
}
