import type { App } from '../main.js';
import type { Logger } from '../shared/logger.js';
import type { CliIo } from './cli-io.js';

/** Says what it polls and where alerts go, in words, before the JSON log lines start. */
function banner(app: App, io: CliIo, httpPort?: number, dashboardUrl?: string): void {
  const sources = app.sources();
  const channels = app.config.channels;
  const every = (ms: number) =>
    ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : ms % 60_000 === 0 ? `${ms / 60_000}m` : `${ms / 1000}s`;
  io.stderr.write(
    [
      `banwatch is running (store: ${app.stores.backend.kind}, ${app.config.store.replace(/\/\/[^@/]*@/, '//***@')})`,
      `polling ${sources.length} source${sources.length === 1 ? '' : 's'}: ${sources.map((s) => `${s.id} every ${every(s.intervalMs)}`).join(', ') || 'none configured'}`,
      `alerts go to: ${channels.map((c) => `${c.id} (${c.type})`).join(', ') || 'no channel configured'}`,
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
