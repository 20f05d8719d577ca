import type { Clock } from '../../domain/clock.js';
import type { FeedState } from '../../domain/feed-state.js';
import type { FeedStateStore } from '../../domain/ports.js';
import type { CommandHandler } from '../command.js';
import { noMoreWords } from '../tokenize.js';
import { line, reply, type ReplySection } from '../reply.js';
import type { ListLookup } from './list-lookup.js';

export interface ListsDeps {
  lookup: ListLookup;
  /** The configured list sources (id, name), so a source not yet polled is shown too. */
  sources(): Promise<Array<{ id: string; name: string }>>;
  clock: Clock;
  /** Each source's poll state: a list that fails to download says so, not "not polled yet". */
  feeds?: Pick<FeedStateStore, 'getMany'>;
}

/** A failing or paused download, in one line; nothing when the last poll worked. */
function trouble(state: FeedState | undefined): string | undefined {
  if (!state?.lastError || state.failures === 0) return undefined;
  const paused = state.pausedAt
    ? `PAUSED since ${state.pausedAt} (resume with \`feeds resume ${state.sourceId}\`); `
    : '';
  return `${paused}the last ${state.failures > 1 ? `${state.failures} polls` : 'poll'} failed: ${state.lastError.message} (${state.lastError.at})`;
}

/** `lists`: each official list's size, last change and last poll, and a held suspect download. */
export function listsHandler(deps: ListsDeps): CommandHandler {
  return {
    name: 'lists',
    summary: 'official restriction lists: size, last change, last poll',
    usage: ['lists'],
    requiresAdmin: () => false,
    async run(args) {
      noMoreWords(args, 'lists');
      const sources = await deps.sources();
      const metas = new Map((await deps.lookup.summaries()).map((meta) => [meta.sourceId, meta]));
      const states = (await deps.feeds?.getMany(sources.map((source) => source.id))) ?? new Map<string, FeedState>();
      const sections = sources.map((source): ReplySection => {
        const meta = metas.get(source.id);
        const failing = trouble(states.get(source.id));
        if (!meta?.lastPollAt)
          return {
            heading: `${source.name} (${source.id})`,
            lines: [line(failing ? `never downloaded; ${failing}` : 'not polled yet')],
          };
        const sizes = Object.entries(meta.sizes).sort((a, b) => b[1] - a[1]);
        const total = sizes.reduce((sum, [, n]) => sum + n, 0);
        const lines = [
          line(
            `${total} entries; last change ${meta.lastChangeAt ?? 'none since the first poll'}; last poll ${meta.lastPollAt}`,
          ),
          ...sizes.map(([list, n]) => line(`${list}: ${n}`)),
        ];
        if (failing) lines.push(line(failing));
        if (meta.suspect)
          lines.push(
            line(
              `held as suspect since ${meta.suspect.at}: a download would remove ${meta.suspect.removals} of ${meta.suspect.total} entries; waiting for the next poll to confirm`,
            ),
          );
        return { heading: `${source.name} (${source.id})`, lines };
      });
      if (!sections.length)
        sections.push({
          lines: [line('No list sources are configured (types screening-list, ofac-sdn, fcc-covered-list).')],
        });
      return reply('Official restriction lists', sections, {
        data: { sources, lists: [...metas.values()], at: deps.clock.now().toISOString() },
      });
    },
  };
}
