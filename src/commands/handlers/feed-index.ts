import { feedIdFor, feedUrlKey, type RuntimeFeed } from '../../domain/runtime-feed.js';

/** A feed banwatch polls, as the feed commands see it. */
export interface FeedInfo {
  id: string;
  url: string;
  origin: 'config' | 'runtime';
  /** Added by a workspace or server admin: theirs alone (domain/tenancy.ts). */
  scope?: string;
  /** A runtime feed added on the host (true) or from chat (false). */
  trusted?: boolean;
}

/**
 * Feeds added from chat per workspace or server (and per install for chat operators), at most: an
 * admin cannot make banwatch poll without end, nor one tenant use up what the others may add. The
 * operator's own adds and imports on the host are not limited: a user growing from 50 feeds to
 * 50,000 imports them (issue 24).
 */
export const MAX_CHAT_FEEDS = 1_000;

/**
 * What a new feed is checked against (duplicate URL, a free id, the chat limit), built once from
 * every known feed. An OPML import read every feed again and compared the new URL with each for
 * every feed it added: quadratic, hours at 50,000 feeds.
 */
export interface FeedIndex {
  /** The id of the feed already polled at this address (tracking parameters, scheme and slash aside). */
  idAt(url: string): string | undefined;
  /** A readable id for the address that no feed has yet. */
  freeId(url: string): string;
  /** Feeds added from chat so far with this scope (a tenant; undefined: install-wide). */
  fromChat(scope: string | undefined): number;
  /** Counts a feed just stored. */
  add(feed: RuntimeFeed): void;
}

export function feedIndex(known: readonly FeedInfo[]): FeedIndex {
  const byUrl = new Map<string, string>();
  const ids = new Set<string>();
  const fromChat = new Map<string | undefined, number>();
  const count = (feed: Pick<FeedInfo, 'id' | 'url' | 'trusted' | 'scope'> & { origin?: FeedInfo['origin'] }) => {
    const key = feedUrlKey(feed.url);
    if (!byUrl.has(key)) byUrl.set(key, feed.id);
    ids.add(feed.id);
    if (feed.trusted === false && feed.origin !== 'config')
      fromChat.set(feed.scope, (fromChat.get(feed.scope) ?? 0) + 1);
  };
  for (const feed of known) count(feed);
  return {
    idAt: (url) => byUrl.get(feedUrlKey(url)),
    freeId: (url) => feedIdFor(url, ids),
    fromChat: (scope) => fromChat.get(scope) ?? 0,
    add: (feed) => count(feed),
  };
}
