import { isIP } from 'node:net';
import { blockedAddressReason, stripZoneAndBrackets } from './address-policy.js';

export const MAX_FEED_URL_LENGTH = 2048;

export type FeedUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Checks a feed URL a person typed (a chat command), before anything is fetched: http(s) only,
 * at most 2,048 characters, no user name or password, a host. With private networks not
 * allowed (the default for chat), an IP-literal or `localhost` host is refused here already;
 * names that resolve to private addresses are refused by the fetcher at connect time.
 */
export function validateFeedUrl(input: string, options: { allowPrivateNetworks?: boolean } = {}): FeedUrlCheck {
  const text = input.trim().replace(/^<(.*)>$/, '$1');
  if (text === '') return { ok: false, message: 'give the address of a feed, starting with https://' };
  if (text.length > MAX_FEED_URL_LENGTH) {
    return {
      ok: false,
      message: `that address is too long (${text.length} characters, at most ${MAX_FEED_URL_LENGTH})`,
    };
  }
  if (/\s/.test(text)) return { ok: false, message: 'a feed address cannot contain spaces' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'that is not a valid address; it should look like https://example.com/feed.xml' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `only http and https feeds are supported, not ${url.protocol.replace(/:$/, '')}` };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'a feed address must not contain a user name or password' };
  }
  if (!url.hostname) return { ok: false, message: 'that address has no host name' };
  if (!(options.allowPrivateNetworks ?? false)) {
    const host = stripZoneAndBrackets(url.hostname).toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost')) {
      return { ok: false, message: 'feeds on this machine (localhost) are not allowed' };
    }
    if (isIP(host)) {
      const reason = blockedAddressReason(host);
      if (reason) return { ok: false, message: `feeds on ${reason} are not allowed` };
    }
  }
  url.hash = '';
  return { ok: true, url: url.href };
}
