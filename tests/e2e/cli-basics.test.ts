import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/** The CLI as the README documents it: exit 0 done, 1 refused or failed, 2 bad configuration or usage. */
const dir = mkdtempSync(join(tmpdir(), 'banwatch-cli-'));
const config = join(dir, 'config.yaml');
writeFileSync(
  config,
  [`store: sqlite://${join(dir, 's.sqlite')}`, 'channels:', '  - {id: team, type: console}'].join('\n'),
);
const cli = (...args: string[]) => runCli([...args, '--config', config]);

describe('banwatch CLI', () => {
  it('exits 0 for answers, 1 for refusals and 2 for commands typed wrong', async () => {
    expect((await cli('vendor', 'ezviz')).status).toBe(0);
    const misspelt = await cli('vendor', 'hikvsion');
    expect(misspelt.status).toBe(1);
    expect(misspelt.stderr).toMatch(/Did you mean: Hikvision/);
    expect((await cli('vendor')).status).toBe(2);
    expect((await cli('frobnicate')).status).toBe(2);
    expect((await cli('watch', 'add', '--channel', 'team')).status).toBe(2);
    expect((await cli('watch', 'frob', 'x', '--channel', 'team')).status).toBe(2);
    expect((await cli('watch', 'add', 'x', '--channel', 'nope')).status).toBe(1);
    expect((await cli('poll')).status).toBe(2);
    expect((await runCli(['status', '--config', join(dir, 'missing.yaml')])).status).toBe(2);
  });

  it('takes subcommands in any case, flags included', async () => {
    const added = await cli('watch', 'Add', 'Unitree', '--all', '--channel', 'team');
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('"Unitree" alerts on every item that mentions it');
    const listed = await cli('watch', 'LIST', '--channel', 'team', '--json');
    expect(JSON.parse(listed.stdout)).toMatchObject({ channelId: 'team', terms: [{ term: 'Unitree', mode: 'all' }] });
  });

  it('resolves a brand to its vendor and says so', async () => {
    const run = await cli('vendor', 'ezviz');
    expect(run.stdout.split('\n')[0]).toBe('Hikvision — video surveillance, CN (ezviz is a brand of Hikvision)');
    expect(run.stdout).toContain('NDAA FY2019 Section 889');
    expect(run.stdout).toContain('FCC Covered List');
  });
});
