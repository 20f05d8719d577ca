import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../fakes/feed-server.js';
import { runCli } from '../../support/run-cli.js';
import { listFixture } from './list-fixtures.js';

/**
 * The lists as a user meets them on the command line: `poll --once` records the three lists
 * served on 127.0.0.1, then `vendor` and `lists` answer from what was recorded.
 */
let server: FeedServer;
let config: string;

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/csl.csv', { body: listFixture('csl-consolidated-2022-05-excerpt.csv'), contentType: 'text/csv' });
  server.route('/sdn.xml', { body: listFixture('ofac-sdn-2019-03-11-excerpt.xml'), contentType: 'application/xml' });
  server.route('/fcc', {
    body: listFixture('fcc-covered-list-2026-08-20-reconstructed.html'),
    contentType: 'text/html',
  });
  server.route('/down.xml', { status: 503 });
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-lists-cli-'));
  config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `store: sqlite://${join(dir, 's.sqlite')}`,
      'sources:',
      `  - {id: csl, type: screening-list, url: "${server.url('/csl.csv')}"}`,
      `  - {id: sdn, type: ofac-sdn, url: "${server.url('/sdn.xml')}"}`,
      `  - {id: fcc, type: fcc-covered-list, url: "${server.url('/fcc')}"}`,
      `  - {id: down, name: SDN mirror, type: ofac-sdn, url: "${server.url('/down.xml')}"}`,
      'channels:',
      '  - {id: team, type: console}',
    ].join('\n'),
  );
});
afterAll(async () => {
  await server.close();
});

const cli = (...args: string[]) => runCli([...args, '--config', config]);

describe('banwatch with the official lists', () => {
  it('records the lists silently, then answers vendor lookups and `lists` from them', async () => {
    const poll = await cli('poll', '--once');
    expect(poll.status).toBe(0);
    expect(poll.stdout).not.toMatch(/added to the/);

    const alias = await cli('vendor', 'SZ DJI Technology Co., Ltd.');
    expect(alias.status).toBe(0);
    // The catalogue knows this legal name as DJI's, so the answer is DJI's, with its listing.
    expect(alias.stdout).toContain('On official lists:\n  Entity List since 2020-12-18, 85 FR 83420 — DJI\n');

    const near = await cli('vendor', 'Banco', 'Nacional', 'de', 'Kuba');
    expect(near.stdout).toMatch(/SDN, CUBA — BANCO NACIONAL DE CUBA \(score 0\.\d\d\)/);

    const known = await cli('vendor', 'hikvision');
    expect(known.stdout).toContain('On official lists');
    expect(known.stdout).toContain('Hangzhou Hikvision Digital Technology Co., Ltd.');

    const lists = await cli('lists');
    expect(lists.status).toBe(0);
    expect(lists.stdout).toContain('Consolidated Screening List (csl)');
    expect(lists.stdout).toContain('Entity List: 601');
    expect(lists.stdout).toContain('SDN: 17');
    expect(lists.stdout).toContain('FCC Covered List: 16');
    // A list that fails to download says so, not "not polled yet".
    expect(lists.stdout).toMatch(/SDN mirror \(down\):\n\s+never downloaded; the last poll failed: .*HTTP 503/);
  });
});
