import { describe, expect, it } from 'vitest';
import { ACTIONS, STAGES } from '../../src/domain/classification.js';
import { classifier, classify, hasReason } from './default-classifier.js';

describe('vendor names, aliases and brands in headlines', () => {
  it.each([
    ['EZVIZ cameras banned from UK government buildings', ['Hikvision'], 'brand "EZVIZ"'],
    ['Imou cameras removed from federal agencies', ['Dahua'], 'weak name "Imou"'],
    ['Douyin banned in India', ['TikTok'], 'brand "Douyin"'],
    ['US adds HiLook and Hikmicro to trade blacklist', ['Hikvision'], 'brand "HiLook"'],
    ['Hik-Vision added to entity list', ['Hikvision'], 'alias "Hik-Vision"'],
    ['ByteDance must sell TikTok or face ban, Senate votes', ['TikTok'], 'alias "ByteDance"'],
    ['Sepura radios banned from UK police networks', ['Hytera'], 'brand "Sepura"'],
    ['FCC bans Huawei and ZTE equipment from being sold in US', ['Huawei', 'ZTE'], 'alias "ZTE"'],
  ])('%s', (title, vendors, reason) => {
    const result = classify(title);
    expect(result.relevant).toBe(true);
    expect(result.vendors).toEqual(vendors);
    expect(hasReason(result, reason)).toBe(true);
  });

  it('matches CJK names as substrings of unspaced text', () => {
    expect(classify('美国商务部将海康威视列入实体清单')).toMatchObject({
      relevant: true,
      vendors: ['Hikvision'],
      action: 'restriction',
    });
    expect(classify('华为禁令').vendors).toEqual(['Huawei']);
  });

  it('matches Latin names on whole words only', () => {
    // "Zteam" is not ZTE; named as the target of a ban it is a vendor of its own, new to the catalogue.
    expect(classify('US bans Zteam software').vendors).toEqual(['Zteam']);
    expect(classify('Commerce blacklists DJIs rival').vendors).not.toContain('DJI');
  });

  it('lists each vendor once however often it is named', () => {
    expect(classify('Huawei ban: US adds Huawei and HiSilicon to Entity List').vendors).toEqual(['Huawei']);
  });
});

describe('watch terms (extraVendors)', () => {
  it('counts a watch term as a vendor, listed exactly as given', () => {
    const result = classify('Commerce adds Unitree to Entity List', undefined, { extraVendors: ['Unitree'] });
    expect(result).toMatchObject({
      relevant: true,
      vendors: ['Unitree'],
      action: 'restriction',
      jurisdiction: 'US-federal',
    });
    expect(hasReason(result, 'watch term "Unitree"')).toBe(true);
    // Without the term it is still found from the sentence, as a name new to the catalogue.
    expect(classify('Commerce adds Unitree to Entity List')).toMatchObject({
      vendors: ['Unitree'],
      vendorsNew: ['Unitree'],
    });
  });

  it('matches case-insensitively, on word boundaries', () => {
    expect(classify('UNITREE robots banned by Pentagon', undefined, { extraVendors: ['unitree'] }).vendors).toEqual([
      'unitree',
    ]);
    expect(classify('Unitrees banned by Pentagon', undefined, { extraVendors: ['Unitree'] }).relevant).toBe(false);
    expect(classify('US bans MyUnitree app', undefined, { extraVendors: ['Unitree'] }).vendors).toEqual(['MyUnitree']);
  });

  it('takes terms literally, even with pattern characters in them', () => {
    expect(classify('US bans C++ compilers from China', undefined, { extraVendors: ['C++'] }).vendors).toEqual(['C++']);
    expect(classify('US bans Cxx compilers', undefined, { extraVendors: ['C.+'] }).relevant).toBe(false);
    expect(classify('US bans (foo) devices', undefined, { extraVendors: ['(foo'] }).vendors).toEqual(['(foo']);
    expect(() => classify('US bans [x', undefined, { extraVendors: ['[', '\\', '*'] })).not.toThrow();
  });

  it('matches CJK terms inside CJK text and ignores blank terms', () => {
    expect(classify('美国禁止宇树机器人', undefined, { extraVendors: ['宇树', '  '] }).vendors).toEqual(['宇树']);
  });

  it('does not list a term twice when it is already a catalog name', () => {
    expect(classify('US bans Hikvision cameras', undefined, { extraVendors: ['hikvision'] }).vendors).toEqual([
      'Hikvision',
    ]);
  });

  it('applies the traps to watch terms too', () => {
    expect(classify('Google to ban political advertising', undefined, { extraVendors: ['Google'] }).relevant).toBe(
      false,
    );
  });
});

describe('HTML and entities in titles and summaries', () => {
  it('reads titles with markup and entities', () => {
    const result = classify('<b>U.S.</b> adds <a href="x">Hikvision</a> &amp; Dahua to &#8220;Entity List&#8221;');
    expect(result).toMatchObject({ relevant: true, vendors: ['Hikvision', 'Dahua'], action: 'restriction' });
    expect(hasReason(result, 'instrument "Entity List"')).toBe(true);
  });

  it('quotes the cue words as the text shows them, decoded', () => {
    expect(hasReason(classify('FCC&rsquo;s ban on Huawei gear'), 'ban cue "ban"')).toBe(true);
  });
});

describe('the title decides; the summary only supports', () => {
  const noise = 'Huawei posted record revenue in its annual report, launched new phones in a review-heavy month, '
    .concat('patched a vulnerability and denied claims it was banned. ')
    .repeat(200);

  it('a long unrelated summary does not drown a clear headline', () => {
    const result = classify('FCC adds Hikvision to Covered List', `<p>${noise}</p>`);
    expect(result).toMatchObject({
      relevant: true,
      vendors: ['Hikvision'],
      action: 'ban',
      stage: 'rule',
      jurisdiction: 'US-federal',
    });
  });

  it('a summary full of ban words does not make a product headline relevant', () => {
    const summary = 'The US banned Huawei, added it to the Entity List and sanctioned it. '.repeat(50);
    expect(classify('Huawei P60 Pro: hands-on with the new camera', summary).relevant).toBe(false);
    expect(classify('Huawei opens new flagship store in Paris', summary).relevant).toBe(false);
  });

  it('reads only the start of the summary', () => {
    const late = `${'Officials met on Tuesday to discuss several topics. '.repeat(20)}Named: DJI.`;
    expect(classify('Commerce adds dozens of Chinese firms to Entity List', late).vendors).toEqual([]);
    expect(
      classify('Commerce adds dozens of Chinese firms to Entity List', 'The list includes DJI and SMIC.').vendors,
    ).toEqual(['DJI', 'SMIC']);
  });

  it('names the vendor from the summary when the headline names only a kind of vendor', () => {
    const result = classify(
      'Florida bans Chinese drones for state agencies',
      'The rule hits DJI, which dominates the police drone market.',
    );
    expect(result).toMatchObject({ relevant: true, vendors: ['DJI'] });
    expect(hasReason(result, 'vendor "DJI" named in the summary')).toBe(true);
  });

  it('lets the summary say what a regulator did to a vendor the headline names', () => {
    const summary = 'The commission voted to add Hikvision to the Covered List, citing national security.';
    expect(classify('FCC takes aim at Hikvision', summary)).toMatchObject({
      relevant: true,
      vendors: ['Hikvision'],
      action: 'ban',
    });
    expect(classify('FCC takes aim at Hikvision').relevant).toBe(false);
  });

  it('takes the jurisdiction from the summary only when the title names no place', () => {
    expect(
      classify('Health Department bans Chinese cameras', 'The UK Department of Health and Social Care ordered...')
        .jurisdiction,
    ).toBe('UK');
    expect(classify('Australia bans TikTok on government devices', 'Like the US, ...').jurisdiction).toBe('AU');
  });

  it('uses a summary context word to confirm a weak name', () => {
    expect(classify('US bans Honor over security fears').vendors).toEqual([]);
    expect(
      classify('US bans Honor over security fears', 'The Chinese smartphone maker was spun off from Huawei.').vendors,
    ).toEqual(['Honor']);
  });
});

describe('official bill and rule titles', () => {
  it.each([
    [
      'To prohibit certain individuals from downloading or using TikTok on any device issued by the United States or a government corporation.',
      ['TikTok'],
      'ban',
      'proposed',
    ],
    ['Addition of Entities to the Entity List', [], 'restriction', 'rule'],
    [
      'Prohibition on Contracting for Certain Telecommunications and Video Surveillance Services or Equipment',
      [],
      'ban',
      'rule',
    ],
    [
      'Protecting Against National Security Threats to the Communications Supply Chain Through FCC Programs',
      [],
      'ban',
      'rule',
    ],
    ['Secure Equipment Act of 2021', [], 'ban', 'rule'],
  ])('%s', (title, vendors, action, stage) => {
    expect(classify(title)).toMatchObject({ relevant: true, vendors, action, stage, jurisdiction: 'US-federal' });
  });
});

describe('action, stage and jurisdiction', () => {
  it.each([
    ['Senate Passes Rip-and-Replace Bill', 'ban', 'passed-chamber', 'US-federal'],
    ['Biden Signs TikTok Sell-or-Ban Bill', 'ban', 'enacted', 'US-federal'],
    [
      "Biden Signs Executive Order Expanding Trump's List Of Chinese Companies Banned From US Investment",
      'sanction',
      'rule',
      'US-federal',
    ],
    ['Supreme Court upholds law banning TikTok in US', 'ban', 'in-effect', 'US-federal'],
    ['TikTok ban kicks in', 'ban', 'in-effect', 'US-federal'],
    ['U.S. court removes Xiaomi from blacklist', 'lift', 'lifted', 'US-federal'],
    ['Trump Delays TikTok Ban with Executive Order', 'lift', 'lifted', 'US-federal'],
    [
      'Attorney General Ken Paxton Investigates Security Camera Company for Potential Ties to the Chinese Communist Party',
      'investigation',
      'proposed',
      'US-state:TX',
    ],
    ['Canada to announce ban on use Huawei and ZTE 5G equipment -source', 'ban', 'proposed', 'CA'],
    ['Abbott orders Texas agencies to ban TikTok from state-issued devices', 'ban', 'rule', 'US-state:TX'],
    ['Lithuania advises consumers to throw away Xiaomi phones', 'restriction', 'proposed', 'LT'],
    ['US Blacklists Hikvision - FCC', 'ban', 'rule', 'US-federal'],
    [
      'US revokes export licenses that allowed Intel and Qualcomm to sell chips to Huawei',
      'restriction',
      'rule',
      'US-federal',
    ],
    ['Treasury sanctions 12 Kaspersky Lab executives', 'sanction', 'rule', 'US-federal'],
    ['Quectel response to FCC about IoT module security', 'ban', 'proposed', 'US-federal'],
    // Sanctions press-release wording, a vendor kicked out, a forced sale.
    ['Treasury Targets Huawei for Enabling Iranian Drone Production', 'sanction', 'rule', 'US-federal'],
    ['Canada kicks Huawei out of 5G network', 'ban', 'rule', 'CA'],
    ['CFIUS orders Huawei to sell stake in US startup', 'restriction', 'rule', 'US-federal'],
    ['Trump orders ByteDance to divest TikTok', 'restriction', 'rule', 'US-federal'],
    ['Florida law requires agencies to replace DJI drones by July', 'ban', 'rule', 'US-state:FL'],
    // A ban a vendor "faces" is coming, not in force.
    ['TikTok faces US ban over national security concerns', 'ban', 'proposed', 'US-federal'],
    ['DJI Facing Possible US Ban', 'ban', 'proposed', 'US-federal'],
    // Provinces and states of allied countries act for their country's jurisdiction.
    ['Ontario bans Hikvision cameras in provincial buildings', 'ban', 'rule', 'CA'],
    ['New South Wales bans Hikvision cameras from government sites', 'ban', 'rule', 'AU'],
    ['Bavaria excludes Huawei from state networks', 'ban', 'rule', 'DE'],
    // A regulator letting a vendor's licence lapse; telecom regulators named by their acronym.
    ['ANSSI refuses to renew Huawei authorisations', 'ban', 'rule', 'FR'],
    ['Ofcom declines to renew China Telecom licence', 'ban', 'rule', 'UK'],
    ['Nkom orders operators to remove Huawei gear', 'ban', 'rule', 'NO'],
    ['BTRC bans Telegram', 'ban', 'rule', 'BD'],
    ['Kominfo blocks DeepSeek', 'ban', 'rule', 'ID'],
  ])('%s -> %s / %s / %s', (title, action, stage, jurisdiction) => {
    expect(classify(title)).toMatchObject({ relevant: true, action, stage, jurisdiction });
  });

  it.each([
    'Huawei refuses to renew contract with Danish supplier',
    'UK carrier declines to renew Huawei maintenance deal',
    'Ofcom renews China Telecom licence',
  ])('a renewal refused outside a licence, or a licence renewed, is not a measure: %s', (title) => {
    expect(classify(title).relevant).toBe(false);
  });

  it('counts a passed or signed bill about a vendor without a separate ban word', () => {
    expect(classify('House passes bill targeting DJI')).toMatchObject({
      relevant: true,
      vendors: ['DJI'],
      stage: 'passed-chamber',
    });
    expect(classify('Senate passes bill on Chinese drones')).toMatchObject({
      relevant: true,
      vendors: [],
      stage: 'passed-chamber',
    });
    expect(classify('Congress passes CHIPS Act').relevant).toBe(false);
  });

  it('gives none for every field of an irrelevant headline', () => {
    expect(classify('Tanzania Bans the Slaughter of Donkeys for their Skins')).toMatchObject({
      relevant: false,
      action: 'none',
      stage: 'none',
      jurisdiction: 'none',
      vendors: [],
    });
  });
});

describe('the Classification contract', () => {
  const titles = [
    'FCC adds Kaspersky, China Mobile, China Telecom to Covered List',
    'Kaspersky identifies new APT campaign',
    '',
    '   ',
    '🚫🚫🚫',
    'Tanzania Bans the Slaughter of Donkeys',
  ];

  it.each(titles)('returns valid values for %j', (title) => {
    const result = classify(title);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(ACTIONS).toContain(result.action);
    expect(STAGES).toContain(result.stage);
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(result.relevant ? result.score >= 0.5 : result.score < 0.5).toBe(true);
  });

  it('is deterministic and keeps no state between calls', () => {
    const first = classify('FCC adds Kaspersky, China Mobile, China Telecom to Covered List');
    classify('Commerce adds Unitree to Entity List', undefined, { extraVendors: ['Unitree'] });
    expect(classify('FCC adds Kaspersky, China Mobile, China Telecom to Covered List')).toEqual(first);
  });

  it('explains a relevant verdict with the cues that decided it', () => {
    expect(classify('FCC adds Kaspersky, China Mobile, China Telecom to Covered List').reasons).toEqual(
      expect.arrayContaining([
        'vendor "Kaspersky" (alias "Kaspersky")',
        'vendor "China Mobile" (weak name "China Mobile")',
        'instrument "Covered List"',
        'government actor "FCC"',
        'action ban: "Covered List"',
        'jurisdiction US-federal: "FCC"',
      ]),
    );
  });

  it('explains an irrelevant verdict', () => {
    expect(classify('Huawei opens a new store').reasons).toEqual([
      'vendor "Huawei" (alias "Huawei")',
      'no government actor named',
      'no government action cue',
    ]);
    expect(classifier.classify({ title: 'Canada Bans Single-Use Plastics' }).reasons).toContain(
      'no vendor or vendor class named',
    );
  });
});

describe('pathological input', () => {
  it('reads only the start of an absurdly long title, quickly', () => {
    const started = Date.now();
    const result = classify(`US bans Huawei ${'lorem ipsum '.repeat(200_000)} Kaspersky`);
    expect(Date.now() - started).toBeLessThan(500);
    expect(result).toMatchObject({ relevant: true, vendors: ['Huawei'] });
  });

  it('matches a watch term next to a letter whose lower case is longer', () => {
    expect(classify('İstanbul court: US bans Unitree', undefined, { extraVendors: ['unitree'] }).vendors).toEqual([
      'unitree',
    ]);
  });
});
