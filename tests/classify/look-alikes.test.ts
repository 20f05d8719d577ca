/**
 * Noise: 1,289 headlines that look like a ban on a technology vendor (a government acting, a
 * capitalised name, a regulator, a ban that takes effect) but are about people, banks,
 * broadcasters, other trades or companies' own rules. Each must stay quiet; the open-name rules
 * are where a new shape most easily starts alerting on them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, FIXTURES } from './default-classifier.js';

const headlines = readFileSync(join(FIXTURES, 'look-alikes.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

describe('look-alikes of a ban on a technology vendor', () => {
  it('reads the whole set', () => {
    expect(headlines).toHaveLength(1289);
  });

  it.each(headlines)('stays quiet: %s', (title) => {
    const result = classify(title);
    // The reasons say which rule spoke up when one does.
    expect(result.relevant, result.reasons.join('; ')).toBe(false);
  });
});
