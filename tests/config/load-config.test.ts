import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../../src/config/load-config.js';
import { configFiles } from '../support/config-files.js';

const { dir, file, problems } = configFiles('banwatch-config-');

describe('loadConfig', () => {
  it('loads the shipped default config: real feeds and a console channel', () => {
    const config = loadConfig({ file: DEFAULT_CONFIG_FILE, env: {} });
    expect(config.sources.length).toBeGreaterThanOrEqual(8);
    expect(config.sources.every((s) => s.url.startsWith('https://'))).toBe(true);
    expect(config.channels).toEqual([expect.objectContaining({ id: 'console', type: 'console', origin: 'config' })]);
    expect(config.store).toBe('sqlite://data/banwatch.sqlite');
  });

  it('parses durations, defaults and the BANWATCH_STORE override', () => {
    const config = loadConfig({
      file: file(
        'sources:\n  - {id: a, type: rss, url: "https://x.org/f", interval: 30s}\n  - {id: b, type: rss, url: "https://x.org/g", interval: 1h, backfill: 3}\n',
      ),
      env: { BANWATCH_STORE: 'sqlite:///tmp/other.sqlite' },
    });
    expect(config.sources.map((s) => [s.interval, s.backfill])).toEqual([
      [30_000, 0],
      [3_600_000, 3],
    ]);
    expect(config.store).toBe('sqlite:///tmp/other.sqlite');
    expect(config.maxAgeDays).toBe(14);
  });

  it('states each section default once: an absent section and an empty one load the same defaults', () => {
    const absent = loadConfig({ file: file('sources: []\n'), env: {} });
    const empty = loadConfig({ file: file('delivery: {}\nfeeds: {}\nadmins: {}\n'), env: {} });
    expect(absent.delivery).toEqual({ intervalMs: 5_000, maxAttempts: 50, channelGapMs: 1_000 });
    expect(absent.feeds).toEqual({ pauseAfter: 10, allowPrivateNetworks: false, intervalMs: 900_000 });
    expect(absent.admins).toEqual({ slack: [], discord: [] });
    expect(empty.delivery).toEqual(absent.delivery);
    expect(empty.feeds).toEqual(absent.feeds);
    expect(empty.admins).toEqual(absent.admins);
  });

  it('reads the channel gap with the duration parser, where 0s turns the pause off', () => {
    const gap = (text: string) => loadConfig({ file: file(`delivery: {channelGap: ${text}}\n`), env: {} }).delivery;
    expect(gap('0s').channelGapMs).toBe(0);
    expect(gap('250ms').channelGapMs).toBe(250);
    expect(gap('2m').channelGapMs).toBe(120_000);
    expect(problems('delivery: {channelGap: soon}\n')).toEqual([
      'delivery.channelGap: expected a duration like 1s (0s for none)',
    ]);
    expect(problems('delivery: {interval: 0s}\n')).toEqual(['delivery.interval: expected a duration like 10m']);
  });

  it('hints at the keys a section really has, from the schema itself', () => {
    expect(problems('delivery: {chanelGap: 1s}\n').join('\n')).toContain('channelGap');
    expect(problems('feeds: {parserThread: 2}\n').join('\n')).toContain('parserThreads');
    expect(problems('store: mysql://x\n')).toEqual([
      'store: expected sqlite://PATH, redis://HOST:PORT or postgres://...',
    ]);
    expect(() => loadConfig({ file: file('sources: []\n'), env: { BANWATCH_STORE: 'mysql://x' } })).toThrow(
      /BANWATCH_STORE: expected sqlite:\/\/PATH/,
    );
  });

  it('replaces ${VAR} from the environment and treats the value as a secret', () => {
    const config = loadConfig({
      file: file(
        'channels:\n  - {id: sec, type: slack-webhook, url: "${HOOK}", vendors: [Hikvision], minScore: 0.5}\n',
      ),
      env: { HOOK: 'https://hooks.example.test/services/T000/B000/SECRETSECRET' },
    });
    expect(config.channels[0]?.url).toBe('https://hooks.example.test/services/T000/B000/SECRETSECRET');
    expect(config.secrets).toContain('https://hooks.example.test/services/T000/B000/SECRETSECRET');
  });

  it('reads ${VAR} from VAR_FILE when VAR is not set, and names a file it cannot read', () => {
    const secretFile = join(dir, 'hook-url');
    writeFileSync(secretFile, 'https://hooks.example.test/services/T000/B000/FROMFILE\n');
    const yaml = 'channels:\n  - {id: sec, type: slack-webhook, url: "${HOOK}"}\n';
    const config = loadConfig({ file: file(yaml), env: { HOOK_FILE: secretFile } });
    expect(config.channels[0]?.url).toBe('https://hooks.example.test/services/T000/B000/FROMFILE');
    expect(config.secrets).toContain('https://hooks.example.test/services/T000/B000/FROMFILE');
    expect(problems(yaml, { HOOK_FILE: join(dir, 'missing') })).toEqual([
      `channels[0].url: HOOK_FILE: cannot read ${join(dir, 'missing')} (ENOENT)`,
    ]);
  });

  it('reports every problem at once, each with its path', () => {
    const found = problems(
      [
        'sources:',
        '  - {id: a, type: rss, url: "https://x.org/f"}',
        '  - {id: b, type: rss, url: "https://x.org/g"}',
        '  - {id: c, type: rss, url: "ftp://x.org/h", interval: soon}',
        'channels:',
        '  - {id: s, type: slack-webhook, url: "${MISSING_HOOK}", minScore: 3}',
        '  - {id: t, type: pager}',
      ].join('\n'),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'sources[2].interval: expected a duration like 10m',
        'sources[2].url: expected an http(s) URL',
        'channels[0].url: environment variable MISSING_HOOK is not set',
        expect.stringMatching(/^channels\[0\]\.minScore: /),
        expect.stringMatching(/^channels\[1\]\.type: expected one of console/),
      ]),
    );
  });

  it('remembers items maxAgeDays and a margin by default, and refuses to forget them sooner than maxAgeDays', () => {
    const load = (text: string) => loadConfig({ file: file(text), env: {} });
    expect(load('sources: []\n').items).toEqual({ rememberDays: 16 });
    expect(load('maxAgeDays: 30\n').items).toEqual({ rememberDays: 32 });
    expect(load('maxAgeDays: 30\nitems: {rememberDays: 30}\n').items).toEqual({ rememberDays: 30 });
    expect(problems('maxAgeDays: 30\nitems: {rememberDays: 29}\n')).toEqual([
      'items.rememberDays: must be at least maxAgeDays (30): an item forgotten while it is young enough to alert would be alerted again',
    ]);
    expect(problems('items: {rememberDay: 20}\n')).toEqual([
      'items.rememberDay: unknown key (did you mean `rememberDays`?)',
    ]);
  });

  it('keeps stories, traces and delivery records for the retention durations, with defaults', () => {
    const load = (text: string) => loadConfig({ file: file(text), env: {} }).retention;
    expect(load('sources: []\n')).toEqual({
      storiesMs: 30 * 86_400_000,
      tracesMs: 30 * 86_400_000,
      deliveriesMs: 90 * 86_400_000,
    });
    expect(load('retention: {stories: 90d, traces: 7d}\n')).toEqual({
      storiesMs: 90 * 86_400_000,
      tracesMs: 7 * 86_400_000,
      deliveriesMs: 90 * 86_400_000,
    });
    expect(problems('retention: {traces: 1h}\n')).toEqual(['retention.traces: expected at least 1d']);
    expect(problems('retention: {deliveries: forever}\n')).toEqual([
      'retention.deliveries: expected a duration like 10m',
    ]);
  });

  it('takes the number of parser threads, leaves it unset by default and refuses nonsense', () => {
    expect(loadConfig({ file: file('feeds: {parserThreads: 1}\n'), env: {} }).feeds.parserThreads).toBe(1);
    expect(loadConfig({ file: file('feeds: {pauseAfter: 3}\n'), env: {} }).feeds.parserThreads).toBeUndefined();
    expect(problems('feeds: {parserThreads: 0}\n')).toEqual([expect.stringMatching(/^feeds\.parserThreads: /)]);
    expect(problems('feeds: {parserThreads: many}\n')).toEqual(['feeds.parserThreads: expected a number of threads']);
    expect(problems('feeds: {parserThread: 2}\n')).toEqual([
      'feeds.parserThread: unknown key (did you mean `parserThreads`?)',
    ]);
  });

  it('names unknown keys with a suggestion', () => {
    expect(problems('sources:\n  - {id: a, type: rss, url: "https://x.org/f", intervall: 10m}\n')).toEqual([
      'sources[0].intervall: unknown key (did you mean `interval`?)',
    ]);
    expect(problems('stroe: sqlite://x\n')).toEqual(['stroe: unknown key (did you mean `store`?)']);
  });

  it('refuses duplicate ids and unknown source references', () => {
    const found = problems(
      'sources:\n  - {id: a, type: rss, url: "https://x.org/f"}\n  - {id: a, type: rss, url: "https://x.org/g"}\nchannels:\n  - {id: c, type: console, sources: [zz]}\n',
    );
    expect(found).toEqual([
      'sources[1].id: duplicate id "a" (also sources[0])',
      'channels[0].sources[0]: no source with id "zz"',
    ]);
  });

  it('reports YAML syntax errors and a missing file', () => {
    expect(problems('sources: [\n')[0]).toMatch(/c\d+\.yaml: not valid YAML at line 2, column 1: unexpected end/);
    expect(problems('sources: []\nsources: []\n')).toEqual([
      expect.stringMatching(/c\d+\.yaml: not valid YAML at line 2, column 1: duplicated mapping key$/),
    ]);
    // The 1.2 core schema: an unquoted date is the text it reads, not a Date.
    const dated = loadConfig({
      file: file('sources: [{id: 2026-12-01, type: rss, url: "https://a.example/f"}]\n'),
      env: {},
    });
    expect(dated.sources[0]?.id).toBe('2026-12-01');
    expect(() => loadConfig({ file: join(dir, 'nope.yaml'), env: {} })).toThrow(/config file not found/);
  });

  it('validates environment settings too', () => {
    expect(problems('sources: []\n', { LOG_LEVEL: 'loud', PORT: 'eighty' })).toEqual([
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent',
      'PORT: expected a port number from 0 to 65535',
    ]);
  });
});
