import { normalizeLink } from './item-identity.js';

/** A feed added at run time (from chat or `banwatch feeds add|import`), kept in the store. */
export interface RuntimeFeed {
  id: string;
  url: string;
  title?: string;
  intervalMs: number;
  addedBy: string;
  addedAt: string;
  /**
   * Added by the operator on the host (CLI): trusted like the config file. Feeds added from
   * chat are not, and may never reach private or metadata addresses.
   */
  trusted: boolean;
  /** Added by a workspace or server admin: its items go only to that tenant's channels. Unset: global. */
  scope?: string;
}

export interface FeedRegistry {
  list(): Promise<RuntimeFeed[]>;
  put(feed: RuntimeFeed): Promise<void>;
  remove(id: string): Promise<boolean>;
  /**
   * Replaced by every add, change and removal, from any instance (undefined before the first):
   * lets a poller skip re-reading feeds that did not change, 100,000 of them every 30 s.
   */
  version?(): Promise<string | undefined>;
}

/** One key for a feed's address, whatever tracking parameters, scheme or trailing slash it was given with. */
export function feedUrlKey(url: string): string {
  return normalizeLink(url) ?? url;
}

/** A readable, unique id for a feed URL: `securityweek-com`, then `securityweek-com-2`, ... */
export function feedIdFor(url: string, taken: ReadonlySet<string>): string {
  let base = 'feed';
  try {
    base =
      new URL(url).hostname
        .replace(/^www\./, '')
        .replace(/[^a-z0-9]+/gi, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase()
        .slice(0, 48) || 'feed';
  } catch {
    // an unparsable URL keeps the generic base
  }
  if (!/^[a-z0-9]/.test(base)) base = `feed-${base}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
