import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CommandRouter } from '../commands/command-router.js';
import { MAX_INVENTORY_BYTES } from '../commands/handlers/inventory-csv.js';
import { replyToText } from '../commands/reply.js';
import { exitStatus } from '../shared/error-codes.js';
import { errorMessage, UserError } from '../shared/errors.js';
import type { CliIo } from './cli-io.js';
import { CLI_ACTOR, routerCommand } from './router-command.js';

/**
 * `banwatch watch import FILE.csv --channel ID` reads the file here (the handler gets its text,
 * as it gets a chat attachment's) and `watch export --csv` prints the bare CSV; every other
 * `watch` form is the router's as typed.
 */
export async function watchCommand(
  router: CommandRouter,
  args: readonly string[],
  io: CliIo,
  options: { channel?: string; json: boolean },
): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'import') {
    const [file, ...extra] = rest;
    if (!file || extra.length) throw new UserError('USAGE', 'usage: banwatch watch import FILE.csv --channel ID');
    const upload = { name: basename(file), text: await readSmallFile(file) };
    return routerCommand(router, ['watch', 'import'], io, { ...options, upload });
  }
  if (verb === 'export' && rest.includes('--csv')) {
    const answer = await router.handle(['watch', 'export', ...rest], { actor: CLI_ACTOR, channelId: options.channel });
    const csv = (answer.data as { csv?: string } | undefined)?.csv;
    if (answer.refused || csv === undefined) {
      io.stderr.write(replyToText(answer));
      return answer.code ? exitStatus(answer.code) : 1;
    }
    io.stdout.write(csv);
    return 0;
  }
  return routerCommand(router, ['watch', ...args], io, options);
}

async function readSmallFile(file: string): Promise<string> {
  try {
    if ((await stat(file)).size > MAX_INVENTORY_BYTES)
      throw new UserError('BAD_CSV', `${file} is larger than ${MAX_INVENTORY_BYTES / 1024 / 1024} MB; split it.`);
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('USAGE', `cannot read ${file}: ${errorMessage(error)}`);
  }
}
