import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/**
 * GIVEN a config with a channel (and `watch.maxTermsPerChannel: 3`) and a supplier list on disk
 * WHEN an operator runs `banwatch watch import FILE.csv --channel ID`, then `watch export --csv`
 * THEN the import reports its counts (and the cap), exits 0, and the export prints the rows back.
 */
const dir = mkdtempSync(join(tmpdir(), 'banwatch-inventory-'));
const config = join(dir, 'config.yaml');
writeFileSync(
  config,
  [
    `store: sqlite://${join(dir, 's.sqlite')}`,
    'channels:',
    '  - {id: team, type: console}',
    'watch:',
    '  maxTermsPerChannel: 3',
  ].join('\n'),
);
const cli = (...args: string[]) => runCli([...args, '--config', config]);

describe('banwatch watch import / export', () => {
  it('imports a supplier list up to the configured cap and exports it as CSV', async () => {
    const file = join(dir, 'suppliers.csv');
    writeFileSync(file, 'name,aliases\nHikvision,EZVIZ\nHikvison,\n\nAcme Widgets,"Acme; AcmeCo"\nZeta Parts,\n');
    const run = await cli('watch', 'import', file, '--channel', 'team');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Imported suppliers.csv into team: 3 new watch terms');
    expect(run.stdout).toContain('5 rows read: 1 in the vendor catalogue, 0 on official lists, 1 near misses, 2 new');
    expect(run.stdout).toContain('line 3: Hikvison — did you mean Hikvision?');
    expect(run.stdout).toContain('1 left out: the channel reached its cap of 3 terms (watch.maxTermsPerChannel)');
    const exported = await cli('watch', 'export', '--csv', '--channel', 'team');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toBe(
      '\uFEFFname,aliases\r\n"Hikvision","EZVIZ"\r\n"Hikvison",""\r\n"Acme Widgets","Acme; AcmeCo"\r\n',
    );
  });

  it('refuses a malformed file with its line and exit status 1, and a missing file with 2', async () => {
    const file = join(dir, 'broken.csv');
    writeFileSync(file, 'name\n"Unclosed, Inc\n');
    const run = await cli('watch', 'import', file, '--channel', 'team');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('broken.csv line 2: a quoted field is never closed. Nothing was imported.');
    expect(run.stderr).toContain('code: BAD_CSV');
    expect((await cli('watch', 'import', join(dir, 'missing.csv'), '--channel', 'team')).status).toBe(2);
  });
});
