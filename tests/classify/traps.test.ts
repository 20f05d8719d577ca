/**
 * One table per false-positive trap of the team's lexicon (shared/domain/lexicon.json), with
 * its own examples. Each row names the reason the classifier must give, so a trap that stops
 * firing (or fires for the wrong reason) fails here even when the verdict happens to be right.
 */
import { describe, expect, it } from 'vitest';
import { classify, hasReason } from './default-classifier.js';

type Row = [title: string, reason: string, extraVendors?: string[]];

function notRelevant(rows: Row[]): void {
  it.each(rows)('%s', (title, reason, extraVendors) => {
    const result = classify(title, undefined, extraVendors ? { extraVendors } : undefined);
    expect(result.relevant).toBe(false);
    expect(result.action).toBe('none');
    expect(result.reasons.join('\n')).toContain(reason);
  });
}

describe('trap: vendor is the source of a report, not its target', () => {
  notRelevant([
    [
      'Kaspersky identifies new APT campaign',
      'vendor is the source of a report, not its target ("Kaspersky identifies")',
    ],
    ['MysterySnail: Kaspersky finds zero-day exploit for Windows OS', '("Kaspersky finds")'],
    [
      'Large-Scale Phishing Campaign Targeting Russian Government and Industrial Sectors Uncovered by Kaspersky',
      '("Uncovered by Kaspersky")',
    ],
    ["Kaspersky's researchers uncover spyware aimed at banned apps", 'vendor is the source of a report'],
  ]);

  it('still counts the vendor as a target when a colon separates it from "reports"', () => {
    const result = classify('Trump Admin Planning Blacklist of Chinese Surveillance Firm Hikvision: Reports');
    expect(result).toMatchObject({ relevant: true, vendors: ['Hikvision'] });
  });
});

describe('trap: vendor or platform is the one banning', () => {
  notRelevant([
    ['TikTok bans misgendering, deadnaming trans people', 'vendor is the one banning, not the target ("TikTok bans")'],
    ['TikTok to ban users under 13 from livestreaming', '("TikTok to ban")'],
    [
      'YouTube permanently bans Fox News host Dan Bongino',
      'a company moderating its own platform or shelves ("YouTube permanently bans")',
    ],
    ['Google to ban political advertising ahead of Philippine election', 'platform'],
  ]);

  it('keeps "TikTok ban" (a noun) as a ban on TikTok', () => {
    expect(classify('TikTok Ban on Government Devices Included in Omnibus Bill')).toMatchObject({
      relevant: true,
      vendors: ['TikTok'],
    });
  });

  it('does not treat a platform asked by a government to remove an app as the actor', () => {
    const result = classify('U.S. FCC commissioner wants Apple and Google to remove TikTok from their app stores');
    expect(result).toMatchObject({ relevant: true, vendors: ['TikTok'], stage: 'proposed' });
  });
});

describe('trap: product, review or earnings news about a restricted vendor', () => {
  notRelevant([
    ["Huawei P60 Pro Review: Captures What Others Can't", 'product, launch or review news ("Review")'],
    ['Hikvision earned 14.1 billion yuan in revenue last year', 'earnings or business news'],
    ['Huawei revenue falls as US sanctions bite', 'earnings or business news ("revenue")'],
    ['DJI Mini 4 Pro : The Science Inside a 249-Gram Flying Robot', 'no government action cue'],
  ]);
});

describe('trap: vulnerability or security research, and directives about vulnerable products', () => {
  notRelevant([
    [
      'Report: Cybersecurity vulnerability could affect millions of Hikvision cameras',
      'vulnerability or security research, no ban named ("vulnerability")',
    ],
    ['CISA Issues Emergency Directive 24-01 on Ivanti Exploitation — January 19, 2024', '("Exploitation")', ['Ivanti']],
    ['CISA orders federal agencies to remove Ivanti appliances after exploitation', '("exploitation")', ['Ivanti']],
    ['CISA orders federal agencies to remove Ivanti appliances over exploitation', '("exploitation")', ['Ivanti']],
  ]);

  it('lets an order through that cites the flaws as its reason', () => {
    expect(classify('Army orders units to stop using DJI drones, citing cyber vulnerabilities')).toMatchObject({
      relevant: true,
      action: 'ban',
      vendors: ['DJI'],
    });
  });

  it('lets an outright ban through even when a flaw is the reason', () => {
    expect(classify('US bans Hikvision cameras over backdoor vulnerability fears')).toMatchObject({
      relevant: true,
      vendors: ['Hikvision'],
    });
  });
});

describe('trap: TikTok trend, challenge and data-access stories', () => {
  notRelevant([
    ['TikTok trend leaves giant holes on beaches', 'vendor name describes a person or content ("TikTok trend")'],
    ['TikTok star banned from flying after airport prank', '("TikTok star")'],
    [
      'Leaked Audio From 80 Internal TikTok Meetings Shows That US User Data Has Been Repeatedly Accessed From China',
      'no government action cue',
    ],
  ]);
});

describe("trap: 'ban' about things that are not technology vendors", () => {
  notRelevant([
    ['Canada Bans Single-Use Plastics', 'no vendor or vendor class named'],
    [
      'FDA bans Juul e-cigarettes as government pursues broader crackdown on nicotine products',
      'no vendor or vendor class named',
    ],
    ['Cinemas ban teens in suits after Minions mayhem', 'teens'],
  ]);
});

describe('trap: government action against a tech company for non-security reasons', () => {
  notRelevant([
    ['Apple Watch may be banned from entry into the U.S.', 'no vendor or vendor class named'],
    ['Meta ordered to sell Giphy by UK regulator', 'no government action cue', ['Meta']],
    [
      "UK watchdog opens investigation into Amazon's marketplace practices",
      'government action for non-security reasons ("marketplace practices")',
      ['Amazon'],
    ],
    ["EU fines TikTok €345m over children's data", 'government action for non-security reasons'],
    ['Germany bans Hikvision smartwatches for children', 'government action for non-security reasons ("children")'],
    // A security reason beside it does not make a suit a ban.
    ["FTC sues TikTok over children's privacy and data security", 'government action for non-security reasons'],
  ]);

  it('yields to a security reason named beside it', () => {
    expect(classify('Germany bans Hikvision smartwatches for children over spying fears')).toMatchObject({
      relevant: true,
      vendors: ['Hikvision'],
      action: 'ban',
    });
  });
});

describe('trap: country-level sanctions or export controls without a named vendor', () => {
  notRelevant([
    ['G-7 nations to announce import ban on Russian gold', 'no vendor or vendor class named'],
    ['Chip exports to Russia plunged by 90% after curbs-U.S. official', 'no vendor or vendor class named'],
    ['Biden bans Russian ships from U.S. ports over Ukraine invasion', 'no vendor or vendor class named'],
  ]);
});

describe('trap: a ban mentioned only as background', () => {
  notRelevant([
    [
      "Police Force That Protects The UK's Nuclear Power Plants Use Cameras From Sanctioned Chinese Firm Hikvision",
      'ban mentioned only as background ("From Sanctioned Chinese")',
    ],
    [
      'US government agencies bought Chinese surveillance tech despite federal ban',
      'ban mentioned only as background ("despite federal ban")',
    ],
    ['Chinese-made cameras banned by the US are still being used in Whitehall', 'still in use'],
    ['Hospital buys cameras from US-sanctioned Hikvision', 'ban mentioned only as background'],
  ]);

  it('keeps a participle that is the news: "DJI Is Blacklisted"', () => {
    expect(classify('DJI Is Blacklisted: Whopper or Nothing Burger?')).toMatchObject({
      relevant: true,
      action: 'restriction',
    });
  });
});

describe('not a ban: an approval, an allow-list, a contract cut for delays, sanctioned vessels', () => {
  notRelevant([
    [
      "FCC grants equipment authorization to Tavix's Wi-Fi 7 router",
      'an approval granted, not a ban ("grants equipment authorization")',
    ],
    ['Pentagon adds Skyvane to Blue UAS list of approved drones', 'no government action cue'],
    ['Air Force cancels Xelor satellite contract over repeated delays', 'trap: government action for'],
    ['US sanctions 35 vessels including Marisol Star in Iran oil action', 'trap: a restriction on a firm outside'],
  ]);

  it('reads a firm that opens the headline and bans, with no government named, as setting its own rules', () => {
    const result = classify('Orlix to phase out Chinese suppliers from its supply chain by 2027');
    expect(result.relevant).toBe(false);
    expect(hasReason(result, 'trap: a firm setting its own rules, not a government ("Orlix to phase out")')).toBe(true);
    expect(classify('Zentrix banned by Pentagon over spying fears')).toMatchObject({ relevant: true });
    expect(classify('Lawmakers to ban Chinese drones')).toMatchObject({ relevant: true });
  });

  it('reads such a firm as setting its own rules whatever vendor it bans, but not a vendor that opens the headline', () => {
    const result = classify('Accenture bans employees from installing TikTok on work phones');
    expect(result.relevant).toBe(false);
    expect(hasReason(result, 'trap: a firm setting its own rules, not a government ("Accenture bans")')).toBe(true);
    expect(classify('Huawei banned by Pentagon over spying fears')).toMatchObject({ relevant: true });
  });

  it.each([
    ['Hikvision, blacklisted since 2019, posts record overseas sales'],
    ['ZTE, once barred from buying US parts, bets on 5G-Advanced'],
    ['Kaspersky, Barred From US Market Last Year, Expands In Latin America'],
    ['ZTE, hit by a US export ban in 2018, unveils foldable phone'],
    ['DJI, Placed on US Entity List in 2020, Launches Compact Drone'],
    ['Years after sanctions, DJI drones still dominate hobby market'],
    ['Government Denies Report It Will Restrict Nuvexa Cameras'],
    ["Court rejects rival's bid to halt sales of Pellucid smartwatches"],
  ])("reads a past measure in an aside, a denial or a rival's suit as no news of a ban: %s", (title) => {
    expect(classify(title).relevant).toBe(false);
  });

  it.each([
    ['ZTE, already on the Entity List, hit with new sanctions'],
    ['TikTok, banned in India since 2020, faces US ban too'],
    ['Hikvision, Dahua barred from federal contracts, FCC says'],
    // A measure in an aside that no time puts in the past may be the news.
    ['Hikvision, added to Entity List on Tuesday, vows to fight'],
  ])('still reads the news beside such an aside: %s', (title) => {
    expect(classify(title).relevant).toBe(true);
  });

  it('reads an explainer of a restriction list as no news of its use', () => {
    expect(classify('Explainer: how the Entity List works').relevant).toBe(false);
    expect(classify('Entity List Adds Vortrane Microsystems, Hollix AI and Parrowen Labs').relevant).toBe(true);
    expect(classify('How the Commerce Department uses the Entity List against Chinese chipmakers').relevant).toBe(true);
  });

  it('still reads a bar on authorizations and a list of banned drones', () => {
    expect(classify('FCC moves to bar new equipment authorizations for Harlow Networks')).toMatchObject({
      relevant: true,
      vendors: ['Harlow Networks'],
    });
    expect(classify('Pentagon adds Skyvane to list of Chinese military companies')).toMatchObject({ relevant: true });
    expect(classify('Navy orders removal of Ridgecairn Optics thermal cameras from ships')).toMatchObject({
      relevant: true,
    });
  });
});

describe('trap: false claims of a ban', () => {
  notRelevant([
    ['Renesas told to stop saying US has banned Quectel IoT modules', 'a claim of a ban, not a ban ("stop saying")'],
    ['Chip rival falsely claimed US had banned Quectel modules', '("falsely")'],
  ]);

  it('is not fooled by a regulator rejecting a vendor claim', () => {
    expect(classify('FCC Denies Dahua and Hikvision False Claim, FCC Can Still Revoke')).toMatchObject({
      relevant: true,
      stage: 'proposed',
    });
  });
});

describe('trap: criminal and IP cases against a restricted vendor', () => {
  notRelevant([
    [
      'Updated: DoJ indicts Hytera for criminal conspiracy to steal Motorola trade secrets',
      'criminal or IP case, not a ban ("indicts")',
    ],
    ['Blacklisted China-based telecoms company charged with conspiring to steal Motorola technology', '("charged")'],
  ]);
});

describe('trap: name collisions', () => {
  it.each([
    ['Lawmakers honor veterans, vote to ban TikTok on state phones', ['TikTok'], 'weak name "honor" not counted'],
    ['Axon Enterprise body cameras banned in city', [], 'no vendor or vendor class named'],
    ['Autel MaxiSys diagnostic scanners banned at trade show', [], 'no vendor or vendor class named'],
    ['US ban on Chinese apps rattles China mobile market', [], 'vendor class "Chinese apps"'],
    ['Mi 11 banned from sale in Vietnam', [], 'no vendor or vendor class named'],
    ['PacNet wins regional award', [], 'weak name "PacNet" not counted: no ban cue'],
  ])('%s', (title, vendors, reason) => {
    const result = classify(title);
    expect(result.vendors).toEqual(vendors);
    expect(hasReason(result, reason)).toBe(true);
  });

  it.each([
    ['US bans Honor phones over security fears', 'Honor'],
    ['Autel Robotics added to Entity List', 'Autel'],
    ['Autel Blacklist: Lawmakers Issue Statement', 'Autel'],
    ['FCC denies China Mobile application to provide US service', 'China Mobile'],
  ])('still finds the vendor when it is meant: %s', (title, vendor) => {
    expect(classify(title)).toMatchObject({ relevant: true, vendors: [vendor] });
  });
});

describe('trap: a vendor class instead of a vendor (relevant, no vendor listed)', () => {
  it.each([
    ['Feds order Chinese tech firm to close Canadian operations over national security', 'ban', 'CA'],
    ['Florida Bans Chinese Drones, Causing Frustration Among First Responders', 'ban', 'US-state:FL'],
    ['UK to ban Chinese surveillance tech from sensitive sites', 'ban', 'UK'],
    ['FCC Adds All Foreign Drones to Covered List', 'ban', 'US-federal'],
    ['US Blacklists 2 More Chinese Telecoms Firms Over National Security Concerns - FCC', 'ban', 'US-federal'],
  ])('%s', (title, action, jurisdiction) => {
    expect(classify(title)).toMatchObject({ relevant: true, vendors: [], action, jurisdiction });
  });
});

describe('trap: a Chinese or Russian government acting', () => {
  notRelevant([
    [
      'Russia orders Apple, Meta, Google, Twitch, Discord and others to open offices in Russia or risk getting banned.',
      'a Chinese or Russian government acting',
    ],
    ['China bans government use of Apple iPhones', '("China bans")', ['Apple']],
    ['Russia threatens to block TikTok over illegal content', '("Russia threatens")'],
  ]);

  it('does not take a measure named after Russia for Russia acting', () => {
    expect(classify('EU adds Hikvision to Russia sanctions package')).toMatchObject({
      relevant: true,
      vendors: ['Hikvision'],
      action: 'sanction',
    });
    expect(classify('Switzerland adds Krasnet Electronics to Russia sanctions list').vendorsNew).toEqual([
      'Krasnet Electronics',
    ]);
  });
});

describe('not news of a measure: an opinion on a kind of vendor or a list, with no government acting', () => {
  notRelevant([
    ['Opinion: The Entity List has become a blunt instrument', 'an opinion piece that names no vendor ("Opinion")'],
    [
      'Editorial: Stop treating every foreign app as a national security threat',
      'an opinion piece that names no vendor ("Editorial")',
    ],
  ]);

  it.each([
    // A named vendor's ban, or a government's measure, is still referred to.
    ['Opinion: Banning TikTok would be a mistake'],
    ['Column: Why the FCC ban on Chinese routers matters'],
    ['View: Ban on Chinese connected cars is overdue'],
    ['Letters: Stop the ban on foreign apps'],
    // A label without its colon is no label.
    ['Opinion polls show support for Entity List curbs on Chinese chipmakers'],
  ])('still alerts: %s', (title) => {
    expect(classify(title).relevant).toBe(true);
  });
});
