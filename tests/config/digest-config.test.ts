import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { configFiles } from '../support/config-files.js';

const { file, problems } = configFiles('banwatch-digest-config-');
const channel = (digest: string) => `channels:\n  - {id: morning, type: console, digest: ${digest}}\n`;

describe('digest and history settings', () => {
  it('reads a digest with its defaults: weekly on monday, instead of live alerts, UTC', () => {
    const config = loadConfig({
      file: file(
        'channels:\n  - {id: a, type: console, digest: {every: daily, at: "08:30", timezone: Europe/Berlin}}\n  - {id: b, type: console, digest: {every: weekly, mode: besides}}\n  - {id: c, type: console}\n',
      ),
      env: {},
    });
    expect(config.channels.map((c) => c.digest)).toEqual([
      { every: 'daily', at: '08:30', timezone: 'Europe/Berlin', day: 'monday', mode: 'instead' },
      { every: 'weekly', at: '08:00', timezone: 'UTC', day: 'monday', mode: 'besides' },
      undefined,
    ]);
    expect(config.history).toEqual({ retainDays: 730 });
    expect(loadConfig({ file: file('history: {retainDays: 90}\n'), env: {} }).history).toEqual({ retainDays: 90 });
  });

  it('says what is wrong with a digest or the retention', () => {
    expect(problems(channel('{every: hourly}'))).toEqual([
      expect.stringMatching(/channels\[0\]\.digest\.every.*expected daily or weekly/),
    ]);
    expect(problems(channel('{every: daily, at: "8:30pm"}'))).toEqual([
      expect.stringMatching(/digest\.at.*expected a local time like "08:30"/),
    ]);
    expect(problems(channel('{every: daily, timezone: Mars/Olympus}'))).toEqual([
      expect.stringMatching(/digest\.timezone.*IANA time zone/),
    ]);
    expect(problems(channel('{every: weekly, day: someday}'))).toEqual([
      expect.stringMatching(/digest\.day.*expected a weekday/),
    ]);
    expect(problems(channel('{every: daily, evrey: x}'))[0]).toMatch(/evrey/);
    expect(problems('history: {retainDays: 0}\n')[0]).toMatch(/history\.retainDays/);
  });
});
