import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../src/domain/delivery-history.js';
import { openStores } from '../../src/store/open-stores.js';
import { configFiles } from '../support/config-files.js';
import { mutableClock } from '../support/mutable-clock.js';
import { runCli } from '../support/run-cli.js';

const files = configFiles('banwatch-history-');
const store = `sqlite://${join(files.dir, 'history.sqlite')}`;
const config = files.file(`store: ${store}\nchannels:\n  - {id: team, type: console}\n`);
const cli = (...args: string[]) => runCli(['history', ...args, '--config', config]);

const row = (overrides: Partial<HistoryRecord>): HistoryRecord => ({
  at: '2026-03-01T08:00:00.000Z',
  channelId: 'sec',
  platform: 'slack',
  target: 'C0SEC',
  messageId: '1700000000.000100',
  via: 'live',
  alertId: 'wire:a',
  sourceId: 'wire',
  title: 'Hikvision banned',
  link: 'https://news.example.com/a',
  vendors: ['Hikvision'],
  action: 'ban',
  stage: 'enacted',
  score: 0.9,
  ...overrides,
});

beforeAll(async () => {
  const stores = await openStores(store, mutableClock());
  await stores.history.record([
    row({ at: '2026-02-01T09:00:00.000Z', alertId: 'wire:old', vendors: ['Dahua'] }),
    row({ at: '2026-03-01T08:00:00.000Z', alertId: 'wire:a', title: '=HYPERLINK("http://evil.example","click")' }),
    row({
      at: '2026-03-02T06:30:00.000Z',
      alertId: 'wire:b',
      channelId: 'ops',
      platform: 'discord-webhook',
      target: undefined,
      via: 'digest',
      digestId: 'digest:daily:2026-03-02',
      vendors: ['DJI', 'Hikvision'],
      title: '@SUM(1+1) and "quotes"',
    }),
  ]);
  await stores.close();
});

describe('banwatch history', () => {
  it('exports every delivery as CSV by default, oldest first, with formulas kept as text', async () => {
    const run = await cli('--csv');
    expect(run.status).toBe(0);
    const lines = run.stdout
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'delivered_at,channel,platform,target,via,digest,message_id,message_url,alert_id,source,vendors,action,stage,score,published,title,link',
    );
    expect(lines.slice(1).map((line) => line.split(',')[8])).toEqual(['"wire:old"', '"wire:a"', '"wire:b"']);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(lines[3]).toContain(`"'@SUM(1+1) and ""quotes"""`);
    expect(lines[3]).toContain('"ops","discord-webhook","","digest","digest:daily:2026-03-02"');
    expect((await cli()).stdout).toBe(run.stdout);
  });

  it('filters by vendor (any of its names), by date and by channel, together', async () => {
    const ids = async (...args: string[]) =>
      (JSON.parse((await cli('--json', ...args)).stdout) as HistoryRecord[]).map((r) => r.alertId);
    expect(await ids()).toEqual(['wire:old', 'wire:a', 'wire:b']);
    expect(await ids('--vendor', 'hikvision')).toEqual(['wire:a', 'wire:b']);
    // A brand resolves to its vendor through the catalogue (EZVIZ is Hikvision's).
    expect(await ids('--vendor', 'ezviz')).toEqual(['wire:a', 'wire:b']);
    expect(await ids('--since', '2026-03-01')).toEqual(['wire:a', 'wire:b']);
    expect(await ids('--since=2026-03-01T09:00:00+01:00')).toEqual(['wire:a', 'wire:b']);
    expect(await ids('--since', '2026-03-01T09:00:00Z')).toEqual(['wire:b']);
    expect(await ids('--channel', 'ops')).toEqual(['wire:b']);
    expect(await ids('--channel', 'sec', '--vendor', 'Dahua', '--since', '2026-01-01')).toEqual(['wire:old']);
    expect(await ids('--vendor', 'Nobody')).toEqual([]);
  });

  it('writes JSON records with where and when each alert went', async () => {
    const [record] = JSON.parse((await cli('--json', '--channel', 'ops')).stdout) as HistoryRecord[];
    expect(record).toMatchObject({
      at: '2026-03-02T06:30:00.000Z',
      channelId: 'ops',
      platform: 'discord-webhook',
      via: 'digest',
      digestId: 'digest:daily:2026-03-02',
    });
  });

  it('refuses dates it cannot read, with a clear error and exit 2', async () => {
    for (const bad of ['yesterday', '2026-02-30', '03/01/2026', '2026-03-01T09:00', '2026-13-01']) {
      const run = await cli('--since', bad);
      expect(run.status, bad).toBe(2);
      expect(run.stderr).toContain(`--since "${bad}" is not a date: use YYYY-MM-DD`);
      expect(run.stderr).toContain('code: BAD_DATE');
    }
    expect((await cli('--since')).stderr).toContain('code: MISSING_VALUE');
    expect((await cli('--csv', '--json')).stderr).toContain('choose one of --csv and --json');
    expect((await cli('--frob')).status).toBe(2);
    expect((await cli('extra')).status).toBe(2);
  });
});
