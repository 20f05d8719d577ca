/**
 * Vendors outside the catalogue (issue 16): named as the target of a government action, they are
 * reported as written and marked new. Example names are invented, so no catalogue entry helps.
 */
import { describe, expect, it } from 'vitest';
import { alertSubject } from '../../src/domain/alert-text.js';
import type { Alert } from '../../src/domain/alert.js';
import { classify, hasReason } from './default-classifier.js';

describe('a vendor the catalogue has never heard of', () => {
  it.each([
    ['Ohio bans Chinese AI app Zenbot on state devices', ['Zenbot'], 'US-state:OH'],
    ['Treasury sanctions Vantora spyware maker over hacking of journalists', ['Vantora'], 'US-federal'],
    [
      'Commerce adds Quantix Microelectronics and Borealis Labs to the Entity List',
      ['Quantix Microelectronics', 'Borealis Labs'],
      'US-federal',
    ],
    ['Berlin bars network equipment supplier Kestrel Systems from 5G core', ['Kestrel Systems'], 'DE'],
    ['US sanctions maker of Nightjar spyware', ['Nightjar'], 'US-federal'],
    ['US places export controls on Chinese AI chip designer Biren', ['Biren'], 'US-federal'],
    ['Vietnam blocks 40 foreign apps including Chatterly and Lumo', ['Chatterly', 'Lumo'], 'VN'],
    ['Pentagon puts Chinese carmaker Voltaro on its military blacklist', ['Voltaro'], 'US-federal'],
    ['Zenbot, Quantix and Lumo among firms added to US trade blacklist', ['Zenbot', 'Quantix', 'Lumo'], 'US-federal'],
    ['Arizona sues Chinese doorbell camera maker Ringo over data risks', ['Ringo'], 'US-state:AZ'],
    // Firms named after their plural kind, then listed.
    [
      'EU sanctions Chinese electronics firms Rongda and Xinwei for supplying Russian military',
      ['Rongda', 'Xinwei'],
      'EU',
    ],
    ['India bans Chinese apps Zenbot and Lumo', ['Zenbot', 'Lumo'], 'IN'],
    // Affiliates added to a list, a firm that is blacklisted.
    ['U.S. adds dozens of Zentrix affiliates to entity list', ['Zentrix'], 'US-federal'],
    ['Zentrix is blacklisted by Commerce', ['Zentrix'], 'US-federal'],
  ])('%s', (title, vendors, jurisdiction) => {
    const result = classify(title);
    expect(result).toMatchObject({ relevant: true, vendors, vendorsNew: vendors, jurisdiction });
    expect(hasReason(result, `new vendor "${vendors[0] ?? ''}" (not in the catalogue`)).toBe(true);
  });

  it.each([
    ['Commerce removes Quantix Microelectronics from the Entity List', ['Quantix Microelectronics']],
    ['Pentagon drops Voltaro and Lumo from Chinese military companies list', ['Voltaro', 'Lumo']],
    ['Quantix Optics removed from Entity List', ['Quantix Optics']],
    ['US delists Borealis Labs from trade blacklist', ['Borealis Labs']],
  ])('names the vendor a technology list lets go: %s', (title, vendors) => {
    expect(classify(title)).toMatchObject({ relevant: true, action: 'lift', stage: 'lifted', vendorsNew: vendors });
  });

  it('names nobody taken off a sanctions list without a technology word (most are people)', () => {
    expect(classify('Treasury removes Petrov from sanctions list').vendorsNew).toBeUndefined();
  });

  it('reports a new name beside a catalogued one, and only the new one as new', () => {
    expect(classify('Canada blocks DeepSeek and Zenbot on government phones')).toMatchObject({
      relevant: true,
      vendors: ['DeepSeek', 'Zenbot'],
      vendorsNew: ['Zenbot'],
    });
  });

  it('reads names listed "as" an instrument, before a catalogued one', () => {
    expect(classify('Pentagon lists Voltaro, DJI as Chinese military companies')).toMatchObject({
      relevant: true,
      vendors: ['Voltaro', 'DJI'],
      vendorsNew: ['Voltaro'],
    });
  });

  it('leaves vendorsNew out when every vendor is catalogued', () => {
    expect(classify('Canada bans Huawei from 5G networks')).not.toHaveProperty('vendorsNew');
  });
});

describe('names that are not new vendors', () => {
  it.each([
    ['US sanctions oil company Petrova over Iran shipments'],
    ['Norway bans fishing company Nordfisk from quota auction'],
    ['Zenbot app launches a new chat feature'],
    ['Quantix Microelectronics reports record quarterly revenue'],
    // A sanction makes "group" or "firm" a technology firm only with a technology word nearby.
    ['US sanctions Wagner Group over Africa operations'],
    ['US sanctions Adani Group executives'],
    ['Treasury sanctions Sinaloa firm laundering cash'],
    // A plural kind before names of a trade banwatch does not watch, or of no trade at all.
    ['US sanctions oil firms Petrova and Nordoil'],
    ['Treasury sanctions Russian companies Alfa and Beta'],
    // Blacklisted, but a group of any trade in a headline with no technology, or a person.
    ['Wagner Group blacklisted by EU'],
    ['Wagner Group is blacklisted by EU'],
    ['Smith is blacklisted by his party'],
    // Members of another trade's kind; a firm of another trade; the people or ships a measure names.
    ['New York bans flavored e-cigarettes including Vaporix line'],
    ['Canada bans assault-style rifles including Ruger Mini-14'],
    ['US Blacklists Zamora Fisheries Over Forced Labour On Vessels'],
    ['EU adds Norilsk Nickel executives to sanctions list'],
    ['US adds Sovcomflot vessels to sanctions list'],
    ['Japan sanctions Russian LNG carrier operator'],
    ['Thailand bans imports of Verdana Poultry products over bird flu fears'],
    ['Treasury blacklists Hezbollah financier and two currency exchange houses'],
    ['Switzerland Adds Ardent Maritime Ships to Iran Sanctions List'],
  ])('%s', (title) => {
    expect(classify(title).relevant).toBe(false);
  });

  it('reads a technology suffix as a technology firm, also before trailing words', () => {
    expect(
      classify('Treasury sanctions Belavin Microsystems for role in Russian military supply chain').vendorsNew,
    ).toEqual(['Belavin Microsystems']);
    expect(classify('Treasury targets Morvanta Satellite Services in new sanctions round').vendorsNew).toEqual([
      'Morvanta Satellite Services',
    ]);
    expect(classify('US sanctions Petrov Trading Co. over oil sales').relevant).toBe(false);
  });

  it('still reads a sanctioned group as a vendor when technology is named', () => {
    expect(classify('US sanctions Zentrix spyware group').vendorsNew).toEqual(['Zentrix']);
  });

  it.each([
    ['State bans foreign drones in police fleets in win for domestic maker Skyvane', 'Skyvane'],
    ['Regulator blocks Chinese EV imports in boost for local maker Korvel', 'Korvel'],
    ['Commerce department restricts chip exports to Penang-based distributors', 'Penang'],
  ])('names no firm the measure favours, nor a place before "-based": %s', (title, name) => {
    expect(classify(title).vendorsNew ?? []).not.toContain(name);
  });

  it.each([
    ['Treasury sanctions Moscow-based Kresttek Systems for helping Russia evade export controls', 'Kresttek Systems'],
    ['UK Adds Minsk-Based Belavtek Systems to Russia Sanctions List', 'Belavtek Systems'],
    ['Commerce adds Shenzhen-based Zentrix Technologies to Entity List', 'Zentrix Technologies'],
    ['US bans Shenzhen-based drone maker Zentrix', 'Zentrix'],
    ['Shenzhen-based Zentrix added to Entity List', 'Zentrix'],
    ['FCC bans Zentrix routers in win for rivals', 'Zentrix'],
  ])('still names the target beside them: %s', (title, name) => {
    expect(classify(title).vendorsNew).toEqual([name]);
  });

  it('takes no title-case filler for a name', () => {
    const result = classify('Apple Removes Zenbot App From Its Store After State Ban');
    expect(result.vendors).not.toContain('Store');
    expect(result.vendors).not.toContain('From');
  });
});

describe('an alert on a new vendor', () => {
  it('says the vendor is not in the catalogue, and only for the new one', () => {
    const classification = classify('Canada blocks DeepSeek and Zenbot on government phones');
    const alert = {
      id: 'a',
      sourceId: 's',
      sourceName: 'feed',
      itemKey: 'k',
      title: 'Canada blocks DeepSeek and Zenbot on government phones',
      classification,
      createdAt: '2026-01-01T00:00:00Z',
      channelId: 'c',
      why: 'relevant',
    } as unknown as Alert;
    expect(alertSubject(alert)).toBe('DeepSeek, Zenbot (not in the catalogue) · Ban');
  });
});
