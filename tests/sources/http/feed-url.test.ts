import { describe, expect, it } from 'vitest';
import { validateFeedUrl } from '../../../src/shared/http/feed-url.js';

describe('validateFeedUrl', () => {
  it('accepts http(s) feeds and drops the fragment', () => {
    expect(validateFeedUrl(' https://example.com/feed.xml#top ')).toEqual({
      ok: true,
      url: 'https://example.com/feed.xml',
    });
    expect(validateFeedUrl('<http://example.com/rss>')).toEqual({ ok: true, url: 'http://example.com/rss' });
  });
  it.each([
    ['', 'give the address'],
    ['ftp://example.com/feed', 'only http and https'],
    ['javascript:alert(1)', 'only http and https'],
    ['file:///etc/passwd', 'only http and https'],
    ['https://user:pw@example.com/feed', 'user name or password'],
    ['https://token@example.com/feed', 'user name or password'],
    ['not a url', 'cannot contain spaces'],
    ['example.com/feed', 'not a valid address'],
    [`https://example.com/${'a'.repeat(2049)}`, 'too long'],
    ['http://localhost:8080/feed', 'localhost'],
    ['http://127.0.0.1/feed', 'loopback'],
    ['http://169.254.169.254/latest', 'link-local'],
    ['http://[::1]/feed', 'loopback'],
    ['http://2130706433/feed', 'loopback'],
  ])('refuses %s', (input, words) => {
    const result = validateFeedUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(words);
  });
  it('accepts exactly 2048 characters', () => {
    const url = `https://example.com/${'a'.repeat(2048 - 'https://example.com/'.length)}`;
    expect(validateFeedUrl(url).ok).toBe(true);
  });
  it('allows private hosts when asked to', () => {
    expect(validateFeedUrl('http://localhost:8080/feed', { allowPrivateNetworks: true }).ok).toBe(true);
  });
});
