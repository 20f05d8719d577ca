import type { App } from '../main.js';
import { STATE_SLICE } from '../pipeline/engine.js';
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

/** The sources paused after failing in a row, which `run` does not poll until resumed. */
async function pausedSources(app: App): Promise<string[]> {
  const ids = app.sources().map((source) => source.id);
  const paused: string[] = [];
  for (let at = 0; at < ids.length; at += STATE_SLICE) {
    const states = await app.stores.feeds.getMany(ids.slice(at, at + STATE_SLICE));
    for (const [id, state] of states) if (state.pausedAt) paused.push(id);
  }
  return paused;
}

/** Says what it polls and where alerts go, in words, before the JSON log lines start. */
function banner(app: App, io: CliIo, paused: readonly string[], httpPort?: number, dashboardUrl?: string): void {
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
      ...(paused.length
        ? [
            `paused after failing in a row, not polled: ${namedList([...paused], '')} (resume with \`banwatch feeds resume ID\`)`,
          ]
        : []),
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
  banner(app, io, await pausedSources(app), httpPort, dashboardUrl);
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
