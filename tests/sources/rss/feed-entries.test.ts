import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/sources/rss/feed-parse.js';

async function entries(xml: string, base = 'https://site.example/feeds/main.xml') {
  const parsed = await parseFeed(xml, base);
  if (!parsed.ok) throw new Error(parsed.failure.message);
  return parsed.entries;
}

describe('links', () => {
  it('resolves relative links against xml:base and then the document URL', async () => {
    const rss = await entries(`<rss version="2.0" xml:base="https://base.example/news/"><channel>
      <item><link>a.html</link></item>
      <item xml:base="/other/"><link>b.html</link></item>
      <item><link>  https://abs.example/c  </link></item></channel></rss>`);
    expect(rss.map((e) => e.link)).toEqual([
      'https://base.example/news/a.html',
      'https://base.example/other/b.html',
      'https://abs.example/c',
    ]);
    const plain = await entries('<rss version="2.0"><channel><item><link>../x.html</link></item></channel></rss>');
    expect(plain[0]?.link).toBe('https://site.example/x.html');
  });

  it('keeps only http(s) links', async () => {
    const rss = await entries(`<rss version="2.0"><channel>
      <item><title>a</title><link>javascript:alert(1)</link></item>
      <item><title>b</title><link>mailto:x@y.z</link></item>
      <item><title>c</title><link>data:text/html,hi</link></item></channel></rss>`);
    expect(rss.map((e) => e.link)).toEqual([undefined, undefined, undefined]);
  });

  it('uses a permalink guid as the link, but not one marked isPermaLink="false"', async () => {
    const rss = await entries(`<rss version="2.0"><channel>
      <item><guid>https://g.example/1</guid></item>
      <item><guid isPermaLink="false">https://g.example/2</guid></item>
      <item><guid>not-a-url</guid></item></channel></rss>`);
    expect(rss.map((e) => [e.guid, e.link])).toEqual([
      ['https://g.example/1', 'https://g.example/1'],
      ['https://g.example/2', undefined],
      ['not-a-url', undefined],
    ]);
  });

  it('picks the Atom alternate HTML link over self, enclosure and other types', async () => {
    const atom = await entries(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/blog/">
      <entry><id>1</id>
        <link rel="self" href="https://atom.example/self"/>
        <link rel="alternate" type="application/json" href="post.json"/>
        <link href="post.html"/>
        <link rel="enclosure" href="a.mp3"/>
      </entry>
      <entry><id>2</id><link rel="replies" href="c.atom"/><link rel="edit" href="e"/></entry>
      <entry><id>3</id><link>https://atom.example/text-link</link></entry>
    </feed>`);
    expect(atom.map((e) => e.link)).toEqual([
      'https://atom.example/blog/post.html',
      undefined,
      'https://atom.example/text-link',
    ]);
  });
});

describe('identity and text', () => {
  it('names RSS 1.0 items by rdf:about', async () => {
    const rdf =
      await entries(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel rdf:about="https://r.example/"><title>R</title></channel>
      <item rdf:about="https://r.example/1"><title>One</title><dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">2026-01-01T00:00:00Z</dc:date></item>
    </rdf:RDF>`);
    expect(rdf[0]).toEqual({
      title: { value: 'One', html: true },
      guid: 'https://r.example/1',
      link: 'https://r.example/1',
      dates: ['2026-01-01T00:00:00Z'],
    });
  });

  it('marks Atom text constructs as HTML only when they are', async () => {
    const atom = await entries(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id>
      <title type="html">A &lt;b&gt;bold&lt;/b&gt; move</title>
      <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">The <code>x</code> flag<script>evil()</script></div></summary>
      <published>2026-01-02T00:00:00Z</published><updated>2026-01-03T00:00:00Z</updated>
    </entry></feed>`);
    expect(atom[0]).toMatchObject({
      title: { value: 'A <b>bold</b> move', html: true },
      summary: { value: 'The x flag', html: false },
      dates: ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z'],
    });
  });

  it('reads RSS dates in order of authority', async () => {
    const rss =
      await entries(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><guid>1</guid>
      <dc:date>2026-01-05T00:00:00Z</dc:date><pubDate>Sun, 04 Jan 2026 00:00:00 GMT</pubDate></item></channel></rss>`);
    expect(rss[0]?.dates).toEqual(['Sun, 04 Jan 2026 00:00:00 GMT', '2026-01-05T00:00:00Z']);
  });
});
