import { digest } from './hash.js';

/** Query parameters that trackers add; two links that differ only in these are the same story. */
const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|ref_src)$/i;

/**
 * Normalizes a link for identity: scheme-agnostic (http and https alike), lower-case host
 * without `www.`, no fragment, no tracking parameters, remaining parameters sorted, no
 * trailing slash. Returns undefined for something that is not an http(s) URL.
 */
export function normalizeLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !TRACKING_PARAM.test(name))
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${port}${path}${query}`;
}

/** Folds a title for identity: case, punctuation, quotes and spacing do not matter. */
export function normalizeTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const folded = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded.length ? folded : undefined;
}

/**
 * The identity of an item within its source: guid first (feeds promise it is stable),
 * then the normalized link, then the title. Returns undefined when the item has none of them.
 */
export function itemKey(parts: { guid?: string; link?: string; title?: string }): string | undefined {
  const guid = parts.guid?.trim();
  if (guid) return `g:${digest(guid)}`;
  const link = normalizeLink(parts.link);
  if (link) return `l:${digest(link)}`;
  const title = normalizeTitle(parts.title);
  if (title) return `t:${digest(title)}`;
  return undefined;
}

/**
 * Keys under which the same story from two feeds is recognised: the normalized link, and the
 * normalized title (which only counts within a time window, see the dedup store).
 */
export function storyKeys(parts: { link?: string; title?: string }): { link?: string; title?: string } {
  const link = normalizeLink(parts.link);
  const title = normalizeTitle(parts.title);
  return {
    link: link ? `sl:${digest(link)}` : undefined,
    title: title && title.length >= 12 ? `st:${digest(title)}` : undefined,
  };
}
