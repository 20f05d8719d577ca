import { describe, expect, it } from 'vitest';
import { itemKey, normalizeLink, normalizeTitle, storyKeys } from '../../src/domain/item-identity.js';

describe('normalizeLink', () => {
  it('treats http and https, www and tracking parameters as the same link', () => {
    const a = normalizeLink('https://www.Example.com/news/a?utm_source=x&id=3&fbclid=abc#top');
    const b = normalizeLink('http://example.com/news/a/?id=3&gclid=zz');
    expect(a).toBe('example.com/news/a?id=3');
    expect(b).toBe(a);
  });
  it('keeps meaningful parameters and sorts them', () => {
    expect(normalizeLink('https://x.org/p?b=2&a=1')).toBe('x.org/p?a=1&b=2');
  });
  it('rejects what is not an http(s) URL', () => {
    expect(normalizeLink('javascript:alert(1)')).toBeUndefined();
    expect(normalizeLink('not a url')).toBeUndefined();
    expect(normalizeLink(undefined)).toBeUndefined();
  });
});

describe('itemKey', () => {
  it('prefers the guid, then the link, then the title', () => {
    expect(itemKey({ guid: 'abc', link: 'https://x.org/a', title: 'T' })).toMatch(/^g:/);
    expect(itemKey({ link: 'https://x.org/a', title: 'T' })).toMatch(/^l:/);
    expect(itemKey({ title: 'Only a title' })).toMatch(/^t:/);
    expect(itemKey({})).toBeUndefined();
  });
  it('gives the same key for the same link with tracking noise', () => {
    expect(itemKey({ link: 'https://x.org/a?utm_medium=rss' })).toBe(itemKey({ link: 'http://x.org/a' }));
  });
});

describe('storyKeys', () => {
  it('folds case and punctuation in titles', () => {
    expect(normalizeTitle('FCC Bans  Huawei’s gear!')).toBe('fcc bans huaweis gear');
    expect(storyKeys({ title: 'FCC bans Huawei gear' }).title).toBe(
      storyKeys({ title: 'FCC Bans Huawei Gear.' }).title,
    );
  });
  it('ignores titles too short to identify a story', () => {
    expect(storyKeys({ title: 'News' }).title).toBeUndefined();
  });
});
