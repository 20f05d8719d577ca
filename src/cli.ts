import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { classifyCommand } from './cli/classify-command.js';
import { parseGlobalOptions } from './cli/cli-args.js';
import type { CliIo } from './cli/cli-io.js';
import { evalCommand } from './cli/eval-command.js';
import { historyCommand } from './cli/history-command.js';
import { pollOnceCommand } from './cli/poll-command.js';
import { routerCommand } from './cli/router-command.js';
import { watchCommand } from './cli/watch-command.js';
import { runCommand } from './cli/run-command.js';
import { USAGE } from './cli/usage.js';
import { readEnvironment, type Environment } from './config/env.js';
import { type Config, loadConfig, PACKAGE_ROOT } from './config/load-config.js';
import { createApp } from './main.js';
import { exitStatus } from './shared/error-codes.js';
import { BanwatchError, errorMessage, UserError } from './shared/errors.js';
import { createLogger } from './shared/logger.js';
import { tuneJitForOneShot } from './shared/one-shot-jit.js';
import { exportOpml, importOpml } from './cli/feeds-command.js';
import { effectiveConfigYaml } from './config/config-report.js';
import { loadVendorCatalog } from './classify/vendor-catalog.js';
import { systemClock } from './domain/clock.js';
import { openStores, type Stores } from './store/open-stores.js';
import { feedbackCommand } from './cli/feedback-command.js';

const ROUTER_COMMANDS = new Set([
  'vendor',
  'watch',
  'status',
  'bills',
  'track',
  'untrack',
  'feeds',
  'why',
  'lists',
  'deadletters',
  'mentions',
]);
/** The team's labelled dev sets beside the repository when present, else the copy in tests/fixtures. */
const SHARED_EVAL_FILES = ['dev-headlines.jsonl', 'dev-headlines-2.jsonl']
  .map((name) => resolve(PACKAGE_ROOT, '..', 'shared', 'eval', name))
  .filter((file) => existsSync(file));
const DEFAULT_EVAL_FILES =
  SHARED_EVAL_FILES.length > 0
    ? SHARED_EVAL_FILES
    : [resolve(PACKAGE_ROOT, 'tests', 'fixtures', 'classify', 'dev-headlines.jsonl')];

export interface MainOptions {
  io?: CliIo;
  env?: Environment;
  /** Where SIGINT/SIGTERM come from (tests pass an emitter). */
  signals?: NodeJS.EventEmitter;
  /**
   * This process runs the one command and exits (bin/banwatch.js): commands other than `run`
   * tune V8 for a short life (shared/one-shot-jit.ts). Tests calling main() in their own
   * process leave it unset.
   */
  ownProcess?: boolean;
}

/** The banwatch command. Returns the exit status: 0 done, 1 failed, 2 bad configuration or usage. */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const io: CliIo = options.io ?? { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  try {
    const globals = parseGlobalOptions(argv);
    const [command, ...args] = globals.rest;
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      io.stdout.write(USAGE);
      return 0;
    }
    if (options.ownProcess && command !== 'run') tuneJitForOneShot();
    if (command === 'config') return configCommand(args, globals.config, options.env ?? readEnvironment(), io);
    const config = loadConfig({ file: globals.config, env: options.env ?? readEnvironment() });
    switch (command) {
      case 'classify':
        return await classifyCommand(args, io, { vendorsFile: config.vendorsFile });
      case 'discord':
        return await (await import('./cli/discord-command.js')).discordCommand(args, io, config.discord);
      case 'eval':
        return await evalCommand(args, io, { vendorsFile: config.vendorsFile, defaultEvalFiles: DEFAULT_EVAL_FILES });
      case 'run':
        return await withApp(config, io, 'info', (app, logger) => runCommand(app, io, logger, options.signals), {
          oneShot: false,
          pollsSoon: true,
        });
      case 'poll':
        if (!args.includes('--once'))
          throw new UserError('USAGE', '`banwatch poll` needs --once (use `banwatch run` to keep polling)');
        // The command reports each feed itself: the log adds only warnings and errors.
        return await withApp(config, io, 'warn', (app) => pollOnceCommand(app, io), { pollsSoon: true });
      case 'history':
        return await withStores(config, (stores) => {
          const catalog = loadVendorCatalog(config.vendorsFile);
          const canonicalVendor = (name: string) => catalog.resolve(name)?.name;
          return historyCommand(args, io, { history: stores.history, canonicalVendor }, globals);
        });
      case 'feedback':
        return await withStores(config, (stores) =>
          feedbackCommand(args, io, {
            verdicts: stores.triage,
            ...(globals.channel ? { channel: globals.channel } : {}),
          }),
        );
      case 'feeds':
        if (args[0] === 'import' || args[0] === 'export') {
          const [action, file, ...extra] = args;
          if (action === 'import' && (!file || extra.length))
            throw new UserError('USAGE', 'usage: banwatch feeds import FILE.opml');
          return await withApp(config, io, 'warn', (app) =>
            action === 'import'
              ? importOpml(file as string, app.feedsDeps, io)
              : exportOpml(
                  { known: () => app.sourceSet.feeds(), clock: app.clock, titleOf: (id) => app.sourceSet.titleOf(id) },
                  io,
                ),
          );
        }
        return await withApp(config, io, 'warn', (app) => routerCommand(app.router, [command, ...args], io, globals));
      case 'watch':
        return await withApp(config, io, 'warn', (app) => watchCommand(app.router, args, io, globals));
      default:
        if (ROUTER_COMMANDS.has(command)) {
          return await withApp(config, io, 'warn', (app) => routerCommand(app.router, [command, ...args], io, globals));
        }
        throw new UserError('UNKNOWN_COMMAND', `unknown command "${command.slice(0, 40)}" (see \`banwatch help\`)`);
    }
  } catch (error) {
    return report(error, io);
  }
}

/** `config check`: validates the file and environment without starting, prints the effective config. */
function configCommand(args: readonly string[], file: string | undefined, env: Environment, io: CliIo): number {
  if (args[0] !== 'check' || args.length > 1)
    throw new UserError('USAGE', 'usage: banwatch config check [--config FILE]');
  const config = loadConfig({ file, env });
  io.stdout.write(`# ${config.file}: valid\n${effectiveConfigYaml(config)}`);
  return 0;
}

async function withApp(
  config: Config,
  io: CliIo,
  level: string,
  run: (app: Awaited<ReturnType<typeof createApp>>, logger: ReturnType<typeof createLogger>) => Promise<number>,
  { oneShot = true, pollsSoon = false }: { oneShot?: boolean; pollsSoon?: boolean } = {},
): Promise<number> {
  // Logs go to stderr: readable on a terminal, one JSON line per event otherwise.
  const pretty = Boolean((io.stderr as NodeJS.WriteStream).isTTY);
  const logger = createLogger({
    level: config.logLevel ?? level,
    secrets: config.secrets,
    destination: io.stderr,
    pretty,
  });
  const app = await createApp({ config, logger, stdout: io.stdout, oneShot, pollsSoon });
  try {
    return await run(app, logger);
  } finally {
    await app.close();
  }
}

/** A command that reads the store alone: no sources, platforms or scheduler are set up. */
async function withStores(config: Config, run: (stores: Stores) => Promise<number>): Promise<number> {
  const stores = await openStores(config.store, systemClock);
  try {
    return await run(stores);
  } finally {
    await stores.close();
  }
}

/** Prints what went wrong with its code; the exit status follows from the code (shared/error-codes.ts). */
function report(error: unknown, io: CliIo): number {
  if (error instanceof BanwatchError) {
    io.stderr.write(`banwatch: ${error.message}\ncode: ${error.code}\n`);
    return exitStatus(error.code);
  }
  io.stderr.write(`banwatch: unexpected error: ${errorMessage(error)}\ncode: INTERNAL\n`);
  return exitStatus('INTERNAL');
}
