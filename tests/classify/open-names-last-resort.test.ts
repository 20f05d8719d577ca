/**
 * The last resort for a vendor outside the catalogue: a government's ban or restriction in a
 * sentence-case headline about technology, and a name English does not have where its object
 * goes, when no shape of the sentence placed one. The names are invented; the look-alikes are
 * what the guards exist for (tests/classify/red-team-names.test.ts holds a larger set).
 */
import { describe, expect, it } from 'vitest';
import { classify, hasReason } from './default-classifier.js';

describe('the last resort names a plainly written vendor', () => {
  it.each([
    ['Kazakhstan restricts use of Rimsoft antivirus in state agencies', ['Rimsoft']],
    ['India excludes Dongrui, Tianbo from 5G trials', ['Dongrui', 'Tianbo']],
    ['Lithuania bans remote access to Dravon Power solar inverters', ['Dravon Power']],
    ['Brussels restricts Teravox in EU institutions over spyware fears', ['Teravox']],
    ['Philippines bars Lianyou from power grid over spyware fears', ['Lianyou']],
  ])('%s', (title, vendors) => {
    const result = classify(title);
    expect(result).toMatchObject({ relevant: true, vendors, vendorsNew: vendors });
    expect(hasReason(result, `new vendor "${vendors[0] ?? ''}" (not in the catalogue`)).toBe(true);
  });
});

describe('the last resort names nobody', () => {
  it.each([
    // A person, a dateline, a quoted group, a chip's model number, a place.
    ["Health department bans Chinese cameras that caught Matt Hancock's affair"],
    ['Liberia: government bans Chinese drones over security fears'],
    ["Kenya bans 'Fula Vanguard' rallies after drone footage leak"],
    ['US restricts H20 chip exports to China'],
    ['EU extends drone ban to Marlowe Park'],
    // A deal a competition regulator blocks; a sanction (people are sanctioned); another trade.
    ['EU blocks Zentrix merger with chip rival'],
    ['US sanctions Petrovsky over drone parts'],
    ['EU bans Kalvanis oil refinery from tech exports'],
    // A leader who acts or a leader's government; "security" alone does not make a headline about technology.
    ['Starmer government bans Chinese cameras from sensitive sites'],
    ["Turkey's Erdogan restricts Chinese drones at army bases"],
    ['Israel restricts Zeitouna over security fears'],
    // An exporter hurt by a measure on exports; a place after "over".
    ['US restricts AI chip exports to China, hurting Nvidia'],
    ['US curbs AI chip sales to China, a blow to Nvidia'],
    ['Police ban drones over Wimbledon during tennis tournament'],
    // Title case: every word has a capital.
    ['Florida Bans Chinese Drones, Causing Frustration Among First Responders'],
  ])('%s', (title) => {
    expect(classify(title).vendorsNew).toBeUndefined();
  });
});
