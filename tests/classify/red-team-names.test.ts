/**
 * The red team of the classifier's last resort (tests/fixtures/classify/red-team-names.tsv): 120
 * headlines whose uncommon name is not the vendor, written to break the rule, and 40 where it is.
 * When the last resort took any uncommon name in the headline, 38 of the 120 named a speaker,
 * source, event, regulator or beneficiary; taking only the name where the measure's object goes,
 * none does. The last three, named by older shapes, went once a name the measure favours ("in win
 * for domestic maker Skyvane") or a place before "-based" stopped being a target: none is left.
 */
import { describe, expect, it } from 'vitest';
import { classify, fixtureRows } from './default-classifier.js';

const MISNAMED_AT_MOST = 0;
const NAMED_AT_LEAST = 37;

const rows = fixtureRows('red-team-names.tsv').map(([label = '', name = '', title = '']) => ({ label, name, title }));
const names = (title: string) => (classify(title).vendorsNew ?? []).map((v) => v.toLowerCase());

describe('the red team of the last resort', () => {
  it('reads the whole set', () => {
    expect(rows.filter((row) => row.label === 'not')).toHaveLength(120);
    expect(rows.filter((row) => row.label === 'vendor')).toHaveLength(40);
    expect(rows.every((row) => row.name !== '' && row.title.includes(row.name))).toBe(true);
  });

  it(`names a speaker, source, event or beneficiary as the vendor in at most ${MISNAMED_AT_MOST} headlines`, () => {
    const misnamed = rows
      .filter((row) => row.label === 'not' && names(row.title).includes(row.name.toLowerCase()))
      .map((row) => `${row.name}: ${row.title}`);
    expect(misnamed.length, misnamed.join('\n')).toBeLessThanOrEqual(MISNAMED_AT_MOST);
  });

  it(`names the vendor in at least ${NAMED_AT_LEAST} of the plain ones`, () => {
    const named = rows.filter((row) => row.label === 'vendor' && names(row.title).includes(row.name.toLowerCase()));
    expect(named.length).toBeGreaterThanOrEqual(NAMED_AT_LEAST);
  });
});
