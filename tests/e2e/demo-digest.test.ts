import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDigestDemo, type DigestDemoResult } from '../../scripts/demo/demo-digest.js';

/** The digest part of `npm run demo` (issue 21): what the digest channel printed, and when. */
let result: DigestDemoResult;
let output = '';

beforeAll(async () => {
  const out = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  result = await runDigestDemo({ out });
});

describe('npm run demo: the digest', () => {
  it('collects the ban news instead of posting it live, then posts one digest at 08:30 Berlin, once', () => {
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.live).toBe('');
    expect(result.again).toBe('');
    expect(output).toContain('4 alerts collected for the digest, none posted live');
    expect(output).toMatch(/The clock moves to \d{4}-\d{2}-\d{2}T0[67]:30:00\.000Z \(08:30 in Berlin\)/);
  });

  it('groups the digest by vendor and stage, with counts', () => {
    const lines = result.digest.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^── DIGEST · Daily digest, \d{4}-\d{2}-\d{2}: 4 alerts · to morning-briefing$/);
    expect(lines.filter((line) => /^ {3}\S/.test(line))).toEqual([
      '   DJI — 1 alert',
      '   Inspur — 1 alert',
      '   TikTok — 1 alert',
      '   Vendor class (none named) — 1 alert',
    ]);
    expect(result.digest).toContain(
      '     rule or order (1)\n       • FCC adds DJI and Autel Robotics drones to the Covered List (also Autel)',
    );
    expect(result.digest).toContain(
      '     enacted (1)\n       • Governor signs law banning TikTok on state-issued devices',
    );
  });
});
