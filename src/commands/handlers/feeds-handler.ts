import type { Clock } from '../../domain/clock.js';
import type { FeedStateStore } from '../../domain/ports.js';
import type { FeedRegistry, RuntimeFeed } from '../../domain/runtime-feed.js';
import { canAddScoped, canChangeScoped, canSeeScoped, scopeForNew } from '../../domain/tenancy.js';
import { UserError } from '../../shared/errors.js';
import { maskUrl } from '../../shared/mask-url.js';
import { principalOf, type CommandHandler } from '../command.js';
import { feedIndex, MAX_CHAT_FEEDS, type FeedIndex, type FeedInfo } from './feed-index.js';
import { line, listedFor, reply } from '../reply.js';

export type FeedProbe = (
  url: string,
  trusted: boolean,
) => Promise<{ ok: true; title?: string } | { ok: false; message: string }>;

export interface FeedsDeps {
  /** Stores the feeds; each change also refreshes the set of sources being polled. */
  registry: FeedRegistry;
  /**
   * For a batch (OPML import): the registry without that refresh, and the refresh to run once at
   * the end. A refresh reads every runtime feed, so one per imported feed made an import quadratic.
   */
  batch?: { registry: FeedRegistry; refresh(): Promise<void> };
  feeds: FeedStateStore;
  /** Every feed banwatch polls: config file and runtime. */
  known(): Promise<FeedInfo[]>;
  /** Checks a URL a person typed (scheme, length, private addresses). */
  checkUrl(url: string, trusted: boolean): { ok: true; url: string } | { ok: false; message: string };
  /** Fetches the feed once through the fetcher that will poll it: refuses non-feeds and blocked addresses. */
  probe: FeedProbe;
  clock: Clock;
  defaultIntervalMs: number;
  /**
   * Sources that are not feeds (government APIs, official lists): paused like feeds after failing
   * in a row, and resumed the same way, by an operator (they serve the whole install).
   */
  otherSources?: () => ReadonlyArray<{ id: string }>;
}

/** `feeds list|add|remove|resume`: the feeds banwatch polls. */
export function feedsHandler(deps: FeedsDeps): CommandHandler {
  return {
    name: 'feeds',
    summary: 'list, add, remove or resume the feeds banwatch polls',
    usage: ['feeds list', 'feeds add URL', 'feeds remove ID', 'feeds resume ID'],
    requiresAdmin: (args) => (args[0] ?? '').toLowerCase() !== 'list',
    async run(args, context) {
      const [verb = '', ...rest] = args;
      const trusted = context.actor.platform === 'cli';
      const who = principalOf(context.actor);
      switch (verb.toLowerCase()) {
        case 'list': {
          // Other tenants' feeds are theirs; every URL is shown with its secrets masked.
          const all = (await deps.known())
            .filter((f) => canSeeScoped(who, f.scope))
            .map((f) => ({ ...f, url: maskUrl(f.url) }));
          const states = await deps.feeds.getMany(all.map((f) => f.id));
          const paused = (f: FeedInfo) => Boolean(states.get(f.id)?.pausedAt);
          // In chat the paused feeds come first, then as many as fit; the CLI lists all as configured.
          const ordered = trusted ? all : [...all.filter(paused), ...all.filter((f) => !paused(f))];
          const render = (f: FeedInfo) =>
            line(
              `${f.id}${paused(f) ? ' (PAUSED)' : ''} — ${f.url}${f.origin === 'runtime' ? ' (added at run time)' : ''}`,
            );
          return reply(
            `${all.length} feeds`,
            [
              {
                lines: listedFor(
                  trusted,
                  ordered,
                  render,
                  (more) => `… and ${more} more (\`banwatch feeds list\` on the host lists every one)`,
                ),
              },
            ],
            {
              data: { feeds: all },
            },
          );
        }
        case 'add': {
          if (rest.length !== 1)
            throw new UserError('USAGE', 'Give one feed address: `feeds add https://example.com/feed.xml`.');
          // The address is judged first, so a refusal says what is wrong with it before who may add it.
          const checked = deps.checkUrl(rest[0] as string, trusted);
          if (!checked.ok) throw new UserError('BAD_FEED_URL', `Cannot add that feed: ${checked.message}.`);
          if (!canAddScoped(who))
            throw new UserError(
              'NOT_OPERATOR',
              "Only banwatch's operators can add feeds from here. Nothing was changed.",
            );
          // Another tenant's feed of the same address: say so without naming it.
          const all = await deps.known();
          const index = feedIndex(all);
          const takenId = index.idAt(checked.url);
          const taken = takenId === undefined ? undefined : all.find((f) => f.id === takenId);
          if (taken && !canSeeScoped(who, taken.scope))
            throw new UserError('DUPLICATE_FEED', 'That feed is already polled for another workspace or server.');
          const added = await addFeed(
            deps,
            rest[0] as string,
            { addedBy: context.actor.name ?? context.actor.id, trusted, probe: true, scope: scopeForNew(who) },
            index,
          );
          const shown = maskUrl(added.url);
          return reply(
            `Feed "${added.id}" added`,
            [
              {
                lines: [
                  line(
                    `${added.title ?? shown} — polled every ${Math.round(added.intervalMs / 60_000)} min from now on.${added.scope ? ' Its alerts go only to this workspace or server.' : ''}`,
                    shown,
                  ),
                ],
              },
            ],
            {
              visibility: 'channel',
              data: { feed: { ...added, url: shown } },
            },
          );
        }
        case 'remove': {
          const id = oneId(rest);
          const all = await deps.known();
          const feed = all.find((f) => f.id === id);
          if (!feed) throw new UserError('UNKNOWN_FEED', `No feed with id "${id}". \`feeds list\` shows them.`);
          if (feed.origin === 'config')
            throw new UserError('CONFIG_FEED', `Feed "${id}" is set in the config file; remove it there.`);
          mustOwn(who, feed);
          await deps.registry.remove(id);
          return reply(`Feed "${id}" removed`, [], { visibility: 'channel', data: { removed: id } });
        }
        case 'resume': {
          const id = oneId(rest);
          const feed = (await deps.known()).find((f) => f.id === id);
          const other = feed ? undefined : deps.otherSources?.().find((source) => source.id === id);
          if (!feed && !other)
            throw new UserError('UNKNOWN_FEED', `No feed or source with id "${id}". \`status\` shows them.`);
          if (feed) mustOwn(who, feed);
          else if (!canChangeScoped(who, undefined))
            throw new UserError(
              'NOT_OPERATOR',
              `"${id}" serves the whole install; only banwatch's operators can resume it.`,
            );
          const state = await deps.feeds.get(id);
          if (!state?.pausedAt) throw new UserError('NOT_PAUSED', `Feed "${id}" is not paused.`);
          await deps.feeds.put({
            ...state,
            pausedAt: undefined,
            failures: 0,
            parserStops: undefined,
            nextPollAt: deps.clock.now().toISOString(),
          });
          return reply(`Feed "${id}" resumed`, [{ lines: [line('It is polled again at the next tick.')] }], {
            visibility: 'channel',
            data: { resumed: id },
          });
        }
        default:
          throw new UserError(
            'BAD_VERB',
            verb ? `Unknown feeds action "${verb.slice(0, 40)}".` : 'Say what to do: list, add, remove or resume.',
          );
      }
    },
  };
}

export interface AddFeedOptions {
  addedBy: string;
  trusted: boolean;
  title?: string;
  /** Fetch it once first (chat); an OPML import of many feeds skips this and lets status show errors. */
  probe: boolean;
  /** The tenant it belongs to (added from chat by a workspace or server admin); unset: global. */
  scope?: string;
}

/**
 * Validates, de-duplicates and (optionally) probes a feed URL, then stores it. Shared by `feeds add`
 * and OPML import; an import passes one `index` for all its feeds (built from `known()` otherwise).
 */
export async function addFeed(
  deps: FeedsDeps,
  rawUrl: string,
  options: AddFeedOptions,
  index?: FeedIndex,
): Promise<RuntimeFeed> {
  const { trusted, addedBy } = options;
  const checked = deps.checkUrl(rawUrl, trusted);
  if (!checked.ok) throw new UserError('BAD_FEED_URL', `Cannot add that feed: ${checked.message}.`);
  const known = index ?? feedIndex(await deps.known());
  const existing = known.idAt(checked.url);
  if (existing) throw new UserError('DUPLICATE_FEED', `That feed is already polled as "${existing}".`);
  if (!trusted && known.fromChat(options.scope) >= MAX_CHAT_FEEDS)
    throw new UserError(
      'TOO_MANY_FEEDS',
      `${options.scope ? 'This workspace or server has' : 'Chat has'} added ${MAX_CHAT_FEEDS} feeds, the most banwatch takes from chat; remove one first, or ask banwatch's operator to add it on the host.`,
    );
  const probe = options.probe ? await deps.probe(checked.url, trusted) : { ok: true as const, title: undefined };
  if (!probe.ok) throw new UserError('FEED_UNREACHABLE', `Cannot add that feed: ${probe.message}.`);
  const feed: RuntimeFeed = {
    id: known.freeId(checked.url),
    url: checked.url,
    title: options.title ?? probe.title,
    intervalMs: deps.defaultIntervalMs,
    addedBy,
    addedAt: deps.clock.now().toISOString(),
    trusted,
    ...(options.scope ? { scope: options.scope } : {}),
  };
  await deps.registry.put(feed);
  known.add(feed);
  return feed;
}

/** A feed another tenant added, or a global one, is not a tenant admin's to change; other tenants' ids read as unknown. */
function mustOwn(who: ReturnType<typeof principalOf>, feed: FeedInfo): void {
  if (!canSeeScoped(who, feed.scope))
    throw new UserError('UNKNOWN_FEED', `No feed with id "${feed.id}". \`feeds list\` shows them.`);
  if (!canChangeScoped(who, feed.scope))
    throw new UserError(
      'NOT_OPERATOR',
      `Feed "${feed.id}" serves the whole install; only banwatch's operators can change it. Nothing was changed.`,
    );
}

function oneId(rest: readonly string[]): string {
  const id = rest[0];
  if (rest.length !== 1 || !id || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(id))
    throw new UserError('USAGE', 'Give one feed id, as `feeds list` shows it.');
  return id;
}
