import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../src/classify/headline-text.js';

describe('decodeEntities', () => {
  it.each([
    ['AT&amp;T', 'AT&T'],
    ['&lt;b&gt;', '<b>'],
    ['&quot;fair&quot; treatment', '"fair" treatment'],
    ['Huawei&rsquo;s ban', 'Huawei’s ban'],
    ['&ldquo;ban&rdquo; &mdash; FCC', '“ban” — FCC'],
    ['caf&eacute;', 'café'],
    ['&#8220;ban&#8221;', '“ban”'],
    ['&#x201C;ban&#x201d;', '“ban”'],
    ['&#39;TikTok&#39;', "'TikTok'"],
    ['A&nbsp;B', 'A B'],
  ])('%s -> %s', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });

  it('leaves unknown entities and bare ampersands as written', () => {
    expect(decodeEntities('&bogus; and R&D & more')).toBe('&bogus; and R&D & more');
  });

  it('decodes double-encoded text once only', () => {
    expect(decodeEntities('&amp;amp; &amp;lt;')).toBe('&amp; &lt;');
  });

  it('keeps numeric references that are not characters', () => {
    expect(decodeEntities('&#xD800; &#1114112;')).toBe('&#xD800; &#1114112;');
  });
});

describe('htmlToText', () => {
  it('strips tags and decodes entities', () => {
    expect(htmlToText('<p>FCC <b>bans</b> Huawei &amp; ZTE</p>')).toBe('FCC bans Huawei & ZTE');
  });

  it('separates words that block tags would otherwise glue together', () => {
    expect(htmlToText('<p>Hikvision</p><p>banned</p><br/>today<li>x</li>')).toBe('Hikvision banned today x');
  });

  it('drops scripts, styles and comments entirely', () => {
    expect(htmlToText('<style>p{}</style><script>ban("x")</script>News<!-- sanctions -->')).toBe('News');
  });

  it('keeps CDATA content and strips markup revealed by decoding', () => {
    expect(htmlToText('<![CDATA[DJI blacklisted]]>')).toBe('DJI blacklisted');
    expect(htmlToText('&lt;em&gt;DJI&lt;/em&gt; blacklisted')).toBe('DJI blacklisted');
  });

  it('collapses whitespace, including non-breaking spaces and newlines', () => {
    expect(htmlToText('  US\u00a0bans\n\n\tTikTok  ')).toBe('US bans TikTok');
  });

  it('keeps a lone < that starts no tag', () => {
    expect(htmlToText('ban < 5 vendors')).toBe('ban < 5 vendors');
  });
});
