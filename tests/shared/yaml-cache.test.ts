import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { load as parse } from 'js-yaml';
import { cachedYamlParse } from '../../src/shared/yaml-cache.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-yaml-cache-'));
  dirs.push(dir);
  return join(dir, 'cache');
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A YAML text over the size worth caching. */
const bigYaml = (word: string) => `words:\n${Array.from({ length: 800 }, (_, i) => `  - ${word}-${i}`).join('\n')}\n`;

function counting() {
  let calls = 0;
  return {
    parse: (text: string) => {
      calls++;
      return parse(text);
    },
    calls: () => calls,
  };
}

describe('cachedYamlParse (issue 24: a cold poll --once parsed every YAML file again)', () => {
  it('parses a text once and reads the same value back afterwards; an edited text is parsed again', () => {
    const dir = freshDir();
    const counter = counting();
    const first = cachedYamlParse(bigYaml('a'), counter.parse, dir);
    const second = cachedYamlParse(bigYaml('a'), counter.parse, dir);
    expect(second).toEqual(first);
    expect(counter.calls()).toBe(1);
    expect(cachedYamlParse(bigYaml('b'), counter.parse, dir)).toEqual(parse(bigYaml('b')));
    expect(counter.calls()).toBe(2);
  });

  it('does not cache small texts, values JSON cannot hold, or a parse that throws', () => {
    const dir = freshDir();
    const counter = counting();
    cachedYamlParse('a: 1\n', counter.parse, dir);
    cachedYamlParse('a: 1\n', counter.parse, dir);
    expect(counter.calls()).toBe(2);
    const infinite = `${bigYaml('c')}limit: .inf\n`;
    expect((cachedYamlParse(infinite, counter.parse, dir) as { limit: number }).limit).toBe(Infinity);
    expect((cachedYamlParse(infinite, counter.parse, dir) as { limit: number }).limit).toBe(Infinity);
    expect(counter.calls()).toBe(4);
    const broken = () =>
      cachedYamlParse(
        bigYaml('d'),
        () => {
          throw new Error('bad file');
        },
        dir,
      );
    expect(broken).toThrow('bad file');
    // Nothing was written for the small, the infinite or the broken text.
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('parses as before when the cache directory cannot be written', () => {
    const blocker = join(freshDir(), '..', 'not-a-dir');
    writeFileSync(blocker, 'a file where the directory would go');
    const counter = counting();
    expect(cachedYamlParse(bigYaml('e'), counter.parse, join(blocker, 'cache'))).toEqual(parse(bigYaml('e')));
    expect(cachedYamlParse(bigYaml('e'), counter.parse, join(blocker, 'cache'))).toEqual(parse(bigYaml('e')));
    expect(counter.calls()).toBe(2);
  });
});
