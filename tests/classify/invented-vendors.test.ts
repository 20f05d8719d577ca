/**
 * Coverage of vendors outside the catalogue: 1,012 headlines (written blind to the classifier's
 * rules, in eight sets) about a government acting on a technology vendor with a made-up name. Not
 * every shape is read yet, so the test holds the count found so far: a change that finds fewer
 * names, or calls fewer of these headlines relevant, fails here with the headlines it lost.
 *
 * On 2026-12-07 the classifier of the morning named 126 of the first 220 and called 147 relevant;
 * that evening it named 168 and called 175 relevant. With the third set (150 more) it named 264 of
 * 370 and called 286 relevant; the rules added for that set bring this to 278 and 300. The fourth
 * set (120, scored unread) brings the whole to 346 named and 382 relevant of 490, and the rules
 * added for it to 352 and 388. The last resort (open-names-last-resort.ts) brings them to 380 and
 * 408; with the fifth set (100) the whole read 446 named and 484 relevant of 590. A red team
 * (red-team-names.test.ts) then showed the last resort naming speakers, sources and events, so it
 * now takes only the name where the measure's object goes: 429 named and 474 relevant. The sixth
 * set (120, scored unread: 75 named, 99 relevant) and more technology suffixes ("Microsystems",
 * "Lidar", "Battery") bring the whole to 514 named and 574 relevant of 710; names after a list
 * that leads ("Entity List adds ...") and in what a government stops its own from using, to 516
 * and 575; a suffix before trailing words ("Satellite Services"), 517 and 577; what a measure targets
 * ("sanctions package targets X"), 520 and 580. The seventh set (100, scored unread: 63 named,
 * 72 relevant; 60 and 71 by the session's first rules) brings the whole to 583 and 652 of 810;
 * what staff must replace, and a high-risk supplier designated, to 585 and 654; the Australian
 * Defence and a governor, legislature, army or navy acting for their government, and port cranes
 * as products, to 587 and 657. The eighth set (100, scored unread: 57 named, 66 relevant; 53 and
 * 65 by the session's first rules) and the firm after "Moscow-based" bring the whole to 646 and
 * 724 of 910; telecom regulators named by their acronym (BTRC, Nkom, Kominfo ...) to 647 and 725.
 * The ninth set (100 and two lifts, scored unread: 69 named, 71 relevant of the 100), with a
 * firm's licence taken or not renewed, a government's own told to stop buying, a suspension upheld,
 * a city's own buyers, a product grounded inside its measure, licence plate readers, and operators
 * and app stores ordered with no government named, brings the whole to 730 and 813 of 1,012 (after
 * a review took back two looser readings: "withdraws ... licence" and a country's networks).
 * Raise the floors when more are found.
 */
import { describe, expect, it } from 'vitest';
import { classify, fixtureRows } from './default-classifier.js';

const NAMED_AT_LEAST = 730;
const RELEVANT_AT_LEAST = 813;

const rows = fixtureRows('invented-vendors.tsv').map(([title = '', vendor = '']) => ({ title, vendor }));

describe('vendors outside the catalogue, named in made-up headlines', () => {
  it('reads the whole set', () => {
    expect(rows).toHaveLength(1012);
    expect(rows.every((row) => row.vendor !== '' && row.title.includes(row.vendor))).toBe(true);
  });

  it(`finds at least ${NAMED_AT_LEAST} of the vendors and calls at least ${RELEVANT_AT_LEAST} relevant`, () => {
    const results = rows.map((row) => ({ ...row, result: classify(row.title) }));
    const named = results.filter(
      ({ vendor, result }) => result.relevant && result.vendors.some((v) => v.toLowerCase() === vendor.toLowerCase()),
    );
    const relevant = results.filter(({ result }) => result.relevant);
    const missed = results.filter((row) => !named.includes(row)).map(({ title, vendor }) => `${vendor}: ${title}`);
    expect(named.length, `missed:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(NAMED_AT_LEAST);
    expect(relevant.length).toBeGreaterThanOrEqual(RELEVANT_AT_LEAST);
  });
});
