import { describe, expect, it } from 'vitest';
import { PhraseTrie } from '../../src/classify/phrase-trie.js';
import { phraseTokens, tokenize } from '../../src/classify/headline-tokens.js';

describe('tokenize', () => {
  it('lower-cases words and drops punctuation', () => {
    expect(tokenize('U.S. Bans "Kaspersky" Software!').words).toEqual(['u', 's', 'bans', 'kaspersky', 'software']);
  });

  it('gives every spelling of a hyphenated name the same tokens', () => {
    const expected = ['tp', 'link'];
    expect(phraseTokens('TP-Link')).toEqual(expected);
    expect(phraseTokens('TP Link')).toEqual(expected);
    expect(phraseTokens('TP\u2011Link')).toEqual(expected); // non-breaking hyphen, as in real feeds
  });

  it('makes each CJK character a token of its own', () => {
    expect(tokenize('美国禁止海康威视').words).toEqual(['美', '国', '禁', '止', '海', '康', '威', '视']);
  });

  it('keeps accented and Cyrillic words whole', () => {
    expect(tokenize('Café Лаборатория Касперского').words).toEqual(['café', 'лаборатория', 'касперского']);
  });

  it('records where each token is in the source text', () => {
    const tokens = tokenize('FCC bans ZTE');
    expect(tokens.starts).toEqual([0, 4, 9]);
    expect(tokens.ends).toEqual([3, 8, 12]);
  });

  it('stops at a word boundary after the limit instead of cutting a word', () => {
    expect(tokenize('Hikvision blacklisted by Commerce', 12).words).toEqual(['hikvision', 'blacklisted']);
  });
});

describe('PhraseTrie', () => {
  it('finds every phrase, overlapping ones included, on whole tokens only', () => {
    const trie = new PhraseTrie<string>();
    trie.add(['china', 'mobile'], 'vendor');
    trie.add(['china', 'mobile', 'market'], 'not-vendor');
    trie.add(['ban'], 'cue');
    const found = trie
      .scan(['china', 'mobile', 'market', 'banner', 'ban'])
      .map((m) => `${m.payload}@${m.start}-${m.end}`);
    expect(found).toEqual(['vendor@0-2', 'not-vendor@0-3', 'cue@4-5']);
  });

  it('ignores empty phrases', () => {
    const trie = new PhraseTrie<string>();
    trie.add([], 'nothing');
    expect(trie.size).toBe(0);
    expect(trie.scan(['a'])).toEqual([]);
  });
});
