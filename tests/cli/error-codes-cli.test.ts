/**
 * Refusals carry the code that says what was wrong (found by a new-user walkthrough): a channel
 * that does not exist, a missing bill, a date that is not one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

let config: string;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-codes-'));
  config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [`store: sqlite://${join(dir, 's.sqlite')}`, 'channels:', '  - {id: team, type: console}'].join('\n'),
  );
});

describe('refusal codes on the command line', () => {
  it.each([
    [['why', 'https://news.example/a', '--channel', 'nope'], 'UNKNOWN_CHANNEL', 1],
    [['track'], 'MISSING_VALUE', 2],
    [['track', 'not-a-bill'], 'BAD_BILL', 1],
    [['feedback', 'export', '--since', 'yesterday'], 'BAD_DATE', 2],
  ])('%j: %s', async (args, code, status) => {
    const run = await runCli([...args, '--config', config]);
    expect(run.stderr).toContain(`code: ${code}`);
    expect(run.status).toBe(status);
  });
});
