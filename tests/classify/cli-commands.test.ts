import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyCommand } from '../../src/cli/classify-command.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { evalCommand } from '../../src/cli/eval-command.js';
import { FIXTURES, VENDORS_FILE } from './default-classifier.js';

const dir = mkdtempSync(join(tmpdir(), 'banwatch-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

function fakeIo(input = ''): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  return { io: { stdin: Readable.from([input]), stdout, stderr }, out: collect(stdout), err: collect(stderr) };
}

describe('banwatch classify', () => {
  it('answers each JSON line in order, errors in place, blank lines skipped', async () => {
    const input = [
      JSON.stringify({ title: 'FCC adds Kaspersky to Covered List' }),
      '',
      'not json',
      JSON.stringify({ summary: 'no title' }),
      JSON.stringify({ title: 42 }),
      JSON.stringify({ title: 'Commerce adds Unitree to Entity List', extraVendors: ['Unitree'] }),
      JSON.stringify({ title: 'Huawei P60 review', summary: '<p>Huawei &amp; the US ban</p>' }),
    ].join('\n');
    const { io, out } = fakeIo(input);
    expect(await classifyCommand([], io, { vendorsFile: VENDORS_FILE })).toBe(0);
    const lines = out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({
      relevant: true,
      vendors: ['Kaspersky'],
      action: 'ban',
      stage: 'rule',
      jurisdiction: 'US-federal',
    });
    expect(Object.keys(lines[0] ?? {})).toEqual([
      'relevant',
      'score',
      'vendors',
      'action',
      'stage',
      'jurisdiction',
      'reasons',
    ]);
    expect(lines.slice(1, 4)).toEqual([
      { error: 'not valid JSON' },
      { error: 'missing "title"' },
      { error: '"title" must be a string' },
    ]);
    expect(lines[4]).toMatchObject({ relevant: true, vendors: ['Unitree'] });
    expect(lines[5]).toMatchObject({ relevant: false });
  });

  it('streams: answers a line before the input has ended', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const first = new Promise<string>((resolve) => stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())));
    const done = classifyCommand([], { stdin, stdout, stderr: new PassThrough() }, { vendorsFile: VENDORS_FILE });
    stdin.write(`${JSON.stringify({ title: 'US bans TikTok' })}\n`);
    expect(JSON.parse(await first)).toMatchObject({ relevant: true, vendors: ['TikTok'] });
    stdin.end();
    expect(await done).toBe(0);
  });

  it('stops with status 2 and the problems when the catalog is broken', async () => {
    const bad = join(dir, 'bad-vendors.yaml');
    writeFileSync(bad, 'vendors:\n  - name: "X"\n    match: { strong: "x" }\n');
    const { io, err } = fakeIo('{"title":"x"}\n');
    expect(await classifyCommand([], io, { vendorsFile: bad })).toBe(2);
    expect(err()).toContain('vendors[0].match.strong: expected an array');
  });
});

describe('banwatch eval', () => {
  const options = { vendorsFile: VENDORS_FILE, defaultEvalFiles: [join(FIXTURES, 'dev-headlines.jsonl')] };

  it('prints precision, recall, F1, field accuracy and every miss with reasons', async () => {
    const file = join(dir, 'small.jsonl');
    const rows = [
      {
        title: 'FCC adds Kaspersky to Covered List',
        relevant: true,
        vendors: ['Kaspersky'],
        action: 'ban',
        jurisdiction: 'US-federal',
        stage: 'rule',
      },
      {
        title: 'US bans TikTok on government devices',
        relevant: true,
        vendors: ['TikTok'],
        action: 'ban',
        jurisdiction: 'UK',
        stage: 'rule',
      },
      {
        title: 'Kaspersky identifies new APT campaign',
        relevant: true,
        vendors: ['Kaspersky'],
        action: 'ban',
        jurisdiction: 'US-federal',
        stage: 'rule',
      },
      {
        title: 'Canada bans single-use plastics',
        relevant: false,
        vendors: [],
        action: 'none',
        jurisdiction: 'none',
        stage: 'none',
      },
    ];
    writeFileSync(file, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const { io, out } = fakeIo();
    expect(await evalCommand([file], io, options)).toBe(0);
    const text = out();
    expect(text).toContain('relevant: precision 1.000  recall 0.667  F1 0.800');
    expect(text).toContain('jurisdiction  0.500  (1/2)');
    expect(text).toContain('- wrong field: US bans TikTok on government devices');
    expect(text).toContain('    jurisdiction: expected UK, got US-federal');
    expect(text).toContain('- false negative: Kaspersky identifies new APT campaign');
    expect(text).toContain('reason: trap: vendor is the source of a report');
  });

  it('scores several files, each and pooled, with misses grouped by what was lacking', async () => {
    const row = (title: string, relevant: boolean, vendors: string[] = []): string =>
      JSON.stringify({
        title,
        relevant,
        vendors,
        action: relevant ? 'ban' : 'none',
        jurisdiction: relevant ? 'US-federal' : 'none',
        stage: relevant ? 'rule' : 'none',
      });
    const first = join(dir, 'first.jsonl');
    const second = join(dir, 'second.jsonl');
    writeFileSync(first, `${row('FCC adds Kaspersky to Covered List', true, ['Kaspersky'])}\n`);
    writeFileSync(
      second,
      [
        row('Kaspersky identifies new APT campaign', true, ['Kaspersky']),
        row('Glorbland frowns upon Huawei', true, ['Huawei']),
      ].join('\n'),
    );
    const { io, out } = fakeIo();
    expect(await evalCommand([first, second], io, options)).toBe(0);
    const text = out();
    expect(text).toContain(`1 labelled headlines from ${first}`);
    expect(text).toContain(`2 labelled headlines from ${second}`);
    expect(text).toContain('3 labelled headlines from 2 files, pooled');
    expect(text).toContain('relevant: precision 1.000  recall 0.333');
    expect(text).toMatch(/trap \(1\):\n- false negative: Kaspersky identifies new APT campaign/);
    expect(text).toMatch(/paraphrase \(1\):\n- false negative: Glorbland frowns upon Huawei/);
    expect(text).toContain('misses by kind: paraphrase 1, trap 1');

    const json = fakeIo();
    expect(await evalCommand([first, second, '--json'], json.io, options)).toBe(0);
    const parsed = JSON.parse(json.out()) as { files: unknown[]; pooled: { rows: number } };
    expect(parsed.files).toHaveLength(2);
    expect(parsed.pooled.rows).toBe(3);
  });

  it('uses the default file without an argument, and offers JSON', async () => {
    const { io, out } = fakeIo();
    expect(await evalCommand(['--json'], io, options)).toBe(0);
    const report = JSON.parse(out()) as { rows: number; precision: number };
    expect(report.rows).toBe(157);
    expect(report.precision).toBeGreaterThan(0.9);
  });

  it('fails clearly on an unreadable file or a bad line', async () => {
    const missing = fakeIo();
    expect(await evalCommand([join(dir, 'nope.jsonl')], missing.io, options)).toBe(1);
    expect(missing.err()).toMatch(/cannot read .*nope\.jsonl/);

    const file = join(dir, 'bad.jsonl');
    writeFileSync(
      file,
      '{"title":"a","relevant":true,"vendors":[],"action":"ban","stage":"rule","jurisdiction":"US-federal"}\n{"title":\n',
    );
    const bad = fakeIo();
    expect(await evalCommand([file], bad.io, options)).toBe(1);
    expect(bad.err()).toContain('bad.jsonl: line 2: not valid JSON');
  });

  it('measures the headlines with their vendor unknown (--unknown-vendors)', async () => {
    const file = join(dir, 'unknown.jsonl');
    writeFileSync(
      file,
      ['Pentagon bans Hikvision cameras', 'Montana becomes first state to ban TikTok outright']
        .map((title, i) =>
          JSON.stringify({
            title,
            relevant: true,
            vendors: [i ? 'TikTok' : 'Hikvision'],
            action: 'ban',
            stage: 'rule',
            jurisdiction: 'US-federal',
          }),
        )
        .join('\n'),
    );
    const { io, out } = fakeIo();
    expect(await evalCommand([file, '--unknown-vendors'], io, options)).toBe(0);
    const text = out();
    expect(text).toContain('unknown vendors: 2 relevant headlines naming one catalogued vendor');
    expect(text).toContain('named          1  (recall 0.500)');
    expect(text).toContain('- not relevant: Montana becomes first state to ban Zentrix outright');

    const json = fakeIo();
    expect(await evalCommand([file, '--unknown-vendors', '--json'], json.io, options)).toBe(0);
    const parsed = JSON.parse(json.out()) as { unknownVendors: { headlines: number; found: number } };
    expect(parsed.unknownVendors).toMatchObject({ headlines: 2, found: 1 });
  });

  it('refuses unknown options with the usage', async () => {
    const { io, err } = fakeIo();
    expect(await evalCommand(['--frobnicate'], io, options)).toBe(2);
    expect(err()).toContain('usage: banwatch eval');
  });
});
