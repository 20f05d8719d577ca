import { describe, expect, it } from 'vitest';
import { feedIndex, type FeedInfo } from '../../src/commands/handlers/feed-index.js';

const runtime = (id: string, url: string, extra: Partial<FeedInfo> = {}): FeedInfo => ({
  id,
  url,
  origin: 'runtime',
  trusted: false,
  ...extra,
});

describe('feed index', () => {
  it('finds a feed by its address whatever tracking parameters or scheme it was given with', () => {
    const index = feedIndex([{ id: 'configured', url: 'https://agency.gov/feed', origin: 'config' }]);
    expect(index.idAt('http://agency.gov/feed?utm_source=x')).toBe('configured');
    expect(index.idAt('https://agency.gov/other')).toBeUndefined();
  });

  it('counts feeds added from chat per workspace or server, not the config file nor the host', () => {
    const index = feedIndex([
      { id: 'configured', url: 'https://a.example/feed', origin: 'config' },
      runtime('t1-a', 'https://b.example/feed', { scope: 'slack:T1' }),
      runtime('t1-b', 'https://c.example/feed', { scope: 'slack:T1' }),
      runtime('global', 'https://d.example/feed'),
      runtime('host', 'https://e.example/feed', { trusted: true }),
    ]);
    expect(index.fromChat('slack:T1')).toBe(2);
    expect(index.fromChat('slack:T2')).toBe(0);
    expect(index.fromChat(undefined)).toBe(1);
  });

  it('keeps up with the feeds added through it: ids stay unique and a repeated address is found', () => {
    const index = feedIndex([]);
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) {
      const id = index.freeId('https://www.news.example/feed');
      ids.push(id);
      index.add({
        id,
        url: `https://www.news.example/feed${n}`,
        intervalMs: 600_000,
        addedBy: 'opml import',
        addedAt: '2026-12-01T00:00:00.000Z',
        trusted: true,
      });
    }
    expect(ids).toEqual(['news-example', 'news-example-2', 'news-example-3']);
    expect(index.idAt('https://www.news.example/feed1')).toBe('news-example-2');
    expect(index.fromChat(undefined)).toBe(0);
  });
});
