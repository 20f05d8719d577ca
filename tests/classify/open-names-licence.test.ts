/**
 * A vendor outside the catalogue whose licence a government takes or will not renew, named after
 * the licence or before it (src/classify/open-names-licence.ts). The names are invented.
 */
import { describe, expect, it } from 'vitest';
import { classify } from './default-classifier.js';

describe('a new vendor whose licence a government takes', () => {
  it.each([
    // After the licence and "of" or "for": a technology licence, or the firm's product after it.
    ['ICASA revokes spectrum licence of Nembatel', ['Nembatel'], 'ZA'],
    ['FCC revokes operating licence of Kavaro Telecom', ['Kavaro Telecom'], 'US-federal'],
    ['Anatel revokes certification for Trevalux modems', ['Trevalux'], 'BR'],
    ['France refuses to renew licences for Calverine antennas', ['Calverine'], 'FR'],
    ['Greek regulator refuses to renew spectrum licence for Heliante Wireless', ['Heliante Wireless'], 'GR'],
    // Before the licence taken; a capitalised suffix ends the name.
    ['Stellarune satellite licence revoked in South Africa', ['Stellarune'], 'ZA'],
    ['Kavaro Telecom licence revoked by Nigerian regulator', ['Kavaro Telecom'], 'NG'],
  ])('%s names %j', (title, names, jurisdiction) => {
    expect(classify(title)).toMatchObject({
      relevant: true,
      action: 'ban',
      vendors: names,
      vendorsNew: names,
      jurisdiction,
    });
  });

  it.each([
    // People, bars and broadcasters hold licences too; a licence of no technology kind.
    ['Ofcom revokes licence of Smith'],
    ['Ofcom revokes the broadcasting licence of Zentrix TV'],
    ['Texas board revokes licence of Dr Vorhees'],
    ['City revokes liquor licence of Zanzibar Lounge'],
    ['Zanzibar Lounge licence revoked by council'],
    ['Marlowe fishing licence suspended in Norway'],
    // Found by review: people, an airline, broadcasters; an operating licence is any trade's.
    ['Kenya revokes operating licence of Marcus Hale'],
    ['Regulator revokes satellite licence of Elon Musk'],
    ['Regulator revokes operating licence of Zelora Airways'],
    ['Nigeria revokes frequency licence of Zuma FM'],
    ['Kestrel FM radio licence suspended in Nigeria'],
  ])('names nobody when the licence is not a technology firm’s: %s', (title) => {
    expect(classify(title).vendorsNew).toBeUndefined();
  });

  it('a firm withdrawing its own appeal or bid is no measure ("withdraws" is no cue)', () => {
    expect(classify('ZTE withdraws licence appeal').relevant).toBe(false);
    expect(classify('Huawei withdraws from 5G licence auction in India').relevant).toBe(false);
  });
});
