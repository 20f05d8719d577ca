import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, namedEntityCodePoint } from '../../../src/sources/rss/html-entities.js';
import { htmlToText, truncateText } from '../../../src/sources/rss/html-text.js';
import { prepareXml } from '../../../src/sources/rss/xml-prepare.js';

describe('htmlToText', () => {
  it('removes tags, scripts, styles and comments and decodes entities once', () => {
    expect(
      htmlToText(
        '<p>Hello&nbsp;<b>world</b></p><script>alert(1)</script><style>p{}</style><!-- c --><p>AT&amp;T &lt;b&gt;</p>',
      ),
    ).toBe('Hello world AT&T <b>');
  });
  it('keeps words apart at block boundaries and together across inline tags', () => {
    expect(htmlToText('<li>one</li><li>two</li>Ex<i>amp</i>le<br>next')).toBe('one two Example next');
  });
  it('leaves text that only looks like a tag', () => {
    expect(htmlToText('#include </etc/shadow>')).toBe('#include </etc/shadow>');
    expect(htmlToText('1 < 2 and 3 > 2')).toBe('1 < 2 and 3 > 2');
    expect(htmlToText('Why <Foo> matters')).toBe('Why <Foo> matters');
  });
  it('copes with quotes in attributes, stray quotes and unterminated tags', () => {
    expect(htmlToText('<a title="a > b" href="x">link</a> <a href="http://x/>broken</a>')).toBe('link broken');
    expect(htmlToText('text <a href="x')).toBe('text <a href="x');
  });
  it('reads C1 controls as windows-1252 and removes other controls', () => {
    expect(htmlToText('don\u0092t\u0000 \u0007stop')).toBe('don’t stop');
  });
  it('only looks at the first maxInput characters', () => {
    expect(htmlToText('abc '.repeat(1000), 10)).toBe('abc abc ab');
  });
});

describe('decodeHtmlEntities', () => {
  it('knows the HTML 4 names and numeric references', () => {
    expect(decodeHtmlEntities('&eacute;&Eacute;&yuml;&hellip;&euro;&trade;&Omega;&omega;&#8217;&#x2019;&#150;')).toBe(
      'éÉÿ…€™Ωω’’–',
    );
    expect(namedEntityCodePoint('nbsp')).toBe(160);
    expect(namedEntityCodePoint('yuml')).toBe(255);
    expect(namedEntityCodePoint('Sigma')).toBe(931);
  });
  it('leaves unknown names and refuses invalid code points', () => {
    expect(decodeHtmlEntities('&doesnotexist; &#0; &#xD800; &#x110000;')).toBe('&doesnotexist; \ufffd \ufffd \ufffd');
  });
});

describe('prepareXml', () => {
  it('turns HTML names into numeric references and bare ampersands into &amp;', () => {
    expect(prepareXml('<t>AT&T &eacute; &bogus; &amp; &#233; & more</t>')).toBe(
      '<t>AT&amp;T &#233; &amp;bogus; &amp; &#233; &amp; more</t>',
    );
  });
  it('removes the DOCTYPE with its internal subset, quotes and brackets included', () => {
    expect(prepareXml('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "]>">]><rss>&a;</rss>')).toBe(
      '<?xml version="1.0"?><rss>&amp;a;</rss>',
    );
    expect(prepareXml('<!doctype html PUBLIC "x"><html/>')).toBe('<html/>');
  });
  it('leaves CDATA, comments and processing instructions alone', () => {
    const text = '<?pi a&b?><!-- x & y --><t><![CDATA[a & b &nbsp;]]></t>';
    expect(prepareXml(text)).toBe(text);
  });
  it('returns the very same string when nothing needs fixing', () => {
    const text = '<rss version="2.0"><channel><title>A &amp; B</title></channel></rss>';
    expect(prepareXml(text)).toBe(text);
  });
});

describe('truncateText', () => {
  it('cuts at a word near the limit and marks the cut', () => {
    expect(truncateText('The quick brown fox jumps over the lazy dog', 20)).toBe('The quick brown fox…');
    expect(truncateText('short', 20)).toBe('short');
    expect(truncateText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
