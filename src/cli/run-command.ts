import type { App } from '../main.js';
import type { Logger } from '../shared/logger.js';
import type { CliIo } from './cli-io.js';

/** Names shown in the banner per list: a fleet's 100,000 feeds would otherwise be one 2 MB line. */
export const BANNER_NAMES = 10;

/** The first `max` entries, then how many more (`a, b, and 98 more`), or `none` when empty. */
export function namedList(entries: readonly string[], none: string, max = BANNER_NAMES): string {
  if (!entries.length) return none;
  const shown = entries.slice(0, max).join(', ');
  return entries.length > max ? `${shown}, and ${entries.length - max} more` : shown;
}

/** Says what it polls and where alerts go, in words, before the JSON log lines start. */
function banner(app: App, io: CliIo, httpPort?: number, dashboardUrl?: string): void {
  const sources = app.sources();
  const channels = app.config.channels;
  const every = (ms: number) =>
    ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : ms % 60_000 === 0 ? `${ms / 60_000}m` : `${ms / 1000}s`;
  io.stderr.write(
    [
      `banwatch is running (store: ${app.stores.backend.kind}, ${app.config.store.replace(/\/\/[^@/]*@/, '//***@')})`,
      `polling ${sources.length} source${sources.length === 1 ? '' : 's'}: ${namedList(
        sources.map((s) => `${s.id} every ${every(s.intervalMs)}`),
        'none configured',
      )}`,
      `alerts go to: ${namedList(
        channels.map((c) => `${c.id} (${c.type})`),
        'no channel configured',
      )}`,
      ...(app.platforms.length ? [`chat: ${app.platforms.map((p) => p.name).join(', ')} connected`] : []),
      ...(httpPort !== undefined ? [`HTTP on port ${httpPort}`] : []),
      ...(dashboardUrl ? [`dashboard: ${dashboardUrl} (sign in with UI_TOKEN)`] : []),
      'stop with Ctrl-C',
      '',
    ].join('\n'),
  );
}

/** `run`: schedule polls and deliveries until SIGINT or SIGTERM, then stop cleanly. */
export async function runCommand(
  app: App,
  io: CliIo,
  logger: Logger,
  signals: NodeJS.EventEmitter = process,
): Promise<number> {
  const { httpPort, dashboardUrl } = await app.start();
  banner(app, io, httpPort, dashboardUrl);
  logger.info({ sources: app.sources().length, channels: app.config.channels.length }, 'banwatch started');
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'stopping: finishing polls and deliveries under way');
      resolve();
    };
    signals.once('SIGINT', () => stop('SIGINT'));
    signals.once('SIGTERM', () => stop('SIGTERM'));
  });
  await app.engine.stop();
  logger.info('banwatch stopped');
  return 0;
}
