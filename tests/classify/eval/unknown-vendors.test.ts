/**
 * `banwatch eval --unknown-vendors`: each relevant single-vendor headline is classified again with
 * the vendor's name replaced by an invented one, as the first ban on a new vendor would read.
 */
import { describe, expect, it } from 'vitest';
import type { EvalRow } from '../../../src/classify/eval/eval-rows.js';
import { evaluateUnknownVendors, replaceVendor } from '../../../src/classify/eval/unknown-vendors.js';
import { catalog, classifier } from '../default-classifier.js';

function relevant(title: string, vendor: string): EvalRow {
  return { title, relevant: true, vendors: [vendor], action: 'ban', stage: 'rule', jurisdiction: 'US-federal' };
}

describe('replaceVendor', () => {
  it('replaces the first whole-word spelling, longest name first, in any case', () => {
    expect(replaceVendor('Pentagon bans HIKVISION cameras', ['Hikvision'])).toBe('Pentagon bans Zentrix cameras');
    expect(replaceVendor("Huawei Cloud's ban", ['Huawei Cloud', 'Huawei'])).toBe("Zentrix's ban");
    expect(replaceVendor('ZTE-made phones', ['ZTE'])).toBe('Zentrix-made phones');
  });

  it('leaves a name inside another word alone, and says when none is found', () => {
    expect(replaceVendor('Zoom-Hikvisions deal', ['Hikvision'])).toBeUndefined();
    expect(replaceVendor('Pre-DJI era ends', ['DJI'])).toBeUndefined();
    expect(replaceVendor('Chinese drones banned', ['DJI'])).toBeUndefined();
  });
});

describe('evaluateUnknownVendors', () => {
  const rows: EvalRow[] = [
    // Found from the sentence alone: the object of a ban, before a product noun; a longer name counts.
    relevant('Pentagon bans Hikvision cameras', 'Hikvision'),
    relevant('FCC revokes Huawei Americas authorization to operate in US', 'Huawei'),
    // Still relevant (the list is named), but the name not read as the vendor.
    relevant("Huawei: FCC Covered List listing 'not based on evidence'", 'Huawei'),
    // Caught only because the catalogue knows the name.
    relevant('Montana becomes first state to ban TikTok outright', 'TikTok'),
    // Not counted: not relevant, two vendors, or the name is not in the title.
    { ...relevant('Hikvision earnings rise', 'Hikvision'), relevant: false },
    { ...relevant('US bans Huawei and ZTE gear', 'Huawei'), vendors: ['Huawei', 'ZTE'] },
    relevant('Chinese cameras banned', 'Hikvision'),
  ];
  const report = evaluateUnknownVendors(rows, classifier, catalog);

  it('counts the headlines it could rewrite and how each fares', () => {
    expect(report).toMatchObject({ headlines: 4, found: 2, relevantWithoutName: 1, notRelevant: 1 });
    expect(report.recall).toBeCloseTo(1 / 2);
  });

  it('lists each loss with the rewritten title and the reasons', () => {
    expect(report.misses.map((m) => [m.outcome, m.title])).toEqual([
      ['no name', "Zentrix: FCC Covered List listing 'not based on evidence'"],
      ['not relevant', 'Montana becomes first state to ban Zentrix outright'],
    ]);
    expect(report.misses[1]?.reasons.length).toBeGreaterThan(0);
  });
});
