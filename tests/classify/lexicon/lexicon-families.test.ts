/**
 * Each lexicon family added for issue 16, held to examples of its own (written for these tests,
 * not taken from the dev sets): lists and instruments, paraphrased actions, places, agencies,
 * demonyms and capitals, stages, and the traps that keep the bot quiet.
 */
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../../src/domain/classification.js';
import { classify } from '../default-classifier.js';

type Expect = Partial<Pick<Classification, 'action' | 'stage' | 'jurisdiction' | 'vendors'>>;

function relevant(rows: ReadonlyArray<[string, Expect]>): void {
  it.each(rows)('%s', (title, expected) => {
    expect(classify(title)).toMatchObject({ relevant: true, ...expected });
  });
}

function notRelevant(titles: readonly string[]): void {
  it.each(titles.map((t) => [t]))('not: %s', (title) => {
    expect(classify(title).relevant).toBe(false);
  });
}

describe('lists and instruments', () => {
  relevant([
    ['Pentagon puts Hesai on its Chinese military companies list', { action: 'restriction', vendors: ['Hesai'] }],
    ['Commerce moves Inspur to the unverified list', { action: 'restriction' }],
    ['Senate passes BIOSECURE Act targeting Chinese genomics firms', { stage: 'passed-chamber' }],
    ['Treasury puts Megvii on investment blacklist', { action: 'restriction', vendors: ['Megvii'] }],
    ['US names more firms tied to the Chinese military', { action: 'restriction', vendors: [] }],
    // Firms named by their trade in surveillance, when a government acts on them.
    ['US sanctions firms tied to commercial spyware', { action: 'sanction', vendors: [] }],
    ['US adds companies selling spyware to Entity List', { action: 'restriction', jurisdiction: 'US-federal' }],
    // Federal Register and bill titles: the ICTS program spelled out, bill language for named vendors.
    ['Securing the Information and Communications Technology and Services Supply Chain: Drones', { action: 'ban' }],
    ['Bill would bar the Pentagon from buying batteries made by certain entities', { stage: 'proposed' }],
    ['Prohibiting state procurement of video surveillance equipment from covered companies', { action: 'ban' }],
    // A kind of app banned on the government's own devices, as state bill titles put it.
    [
      'Relating to prohibiting the use of certain messaging applications on devices owned or leased by state agencies',
      { action: 'ban' },
    ],
    ['Agency bans messaging apps on government phones', { action: 'ban' }],
    // A long legal name between "Removal of" and the list.
    [
      'Removal of Hangzhou Hikvision Digital Technology Co., Ltd. from the Entity List',
      { action: 'lift', stage: 'lifted', vendors: ['Hikvision'] },
    ],
  ]);
  notRelevant(['Researchers find firms linked to spyware in app stores']);
});

describe('paraphrased actions', () => {
  relevant([
    // A takeover blocked is a restriction (the eval README's convention); a supply deal vetoed, a ban.
    ['Rome vetoes takeover of chipmaker by Chinese investor', { action: 'restriction', jurisdiction: 'IT' }],
    ['Italian government blocks Fastweb-Huawei 5G deal', { action: 'ban', vendors: ['Huawei'] }],
    ['Japan suspends new downloads of DeepSeek on privacy worries', { action: 'restriction', jurisdiction: 'JP' }],
    ['FCC terminates operating authority of China Unicom Americas', { action: 'ban', vendors: ['China Unicom'] }],
    ['Appeals court affirms termination of China Mobile licence', { action: 'ban', stage: 'in-effect' }],
    ['Appeals court will not block Huawei ban', { action: 'ban', stage: 'in-effect' }],
    // A forced sale is a restriction (the eval README's convention), whoever is told to sell.
    ['Canada orders Chinese drone maker to divest its local unit', { action: 'restriction', jurisdiction: 'CA' }],
    ['Germany forces Chinese owner to sell chip plant', { action: 'restriction', jurisdiction: 'DE' }],
    ['Dutch cyber agency warns against using Kaspersky software', { stage: 'proposed', jurisdiction: 'NL' }],
    ['Finnish ministry warns agencies against installing Telegram', { action: 'restriction', jurisdiction: 'FI' }],
    ['Belgian government takes control of Chinese-owned chip designer', { action: 'restriction', jurisdiction: 'BE' }],
    ['FCC bars Chinese test labs from certifying routers', { action: 'ban', jurisdiction: 'US-federal' }],
    // A lawsuit by a state's attorney general, named by its short title.
    ['Indiana AG sues TikTok over China data risks', { action: 'investigation', jurisdiction: 'US-state:IN' }],
    // A government that stops buying: a ban, also of a kind of product.
    ['Pentagon to stop buying Hikvision cameras', { action: 'ban', vendors: ['Hikvision'] }],
    ['Pentagon to stop buying Chinese-made displays', { action: 'ban', jurisdiction: 'US-federal' }],
    // Staff told to delete an app, a firm's local business ordered dissolved.
    [
      'Australia tells officials to delete Chinese AI app DeepSeek',
      { action: 'ban', stage: 'rule', vendors: ['DeepSeek'] },
    ],
    ['Taiwan orders civil servants to uninstall DeepSeek', { action: 'ban', jurisdiction: 'TW' }],
    ["Canada orders TikTok's Canadian business dissolved", { action: 'ban', jurisdiction: 'CA' }],
    // A measure eased, a license or waiver granted under it: lifts. A license demanded is a restriction.
    ['US eases restrictions on Huawei suppliers', { action: 'lift', stage: 'lifted' }],
    ['US grants Huawei license to buy chips', { action: 'lift', vendors: ['Huawei'] }],
    // A licence to trade stays a lift whatever else is said; a measure after what "lifts" raises.
    ['US grants Huawei licence to provide software updates', { action: 'lift', vendors: ['Huawei'] }],
    ['Commerce grants Huawei licenses to buy satellite components', { action: 'lift', vendors: ['Huawei'] }],
    ['US lifts Huawei sales ban', { action: 'lift', vendors: ['Huawei'] }],
    ['Pentagon lifts Xiaomi investment ban', { action: 'lift', vendors: ['Xiaomi'] }],
    ['US issues waiver allowing Huawei chip sales', { action: 'lift' }],
    ['US issues new license requirements for Huawei', { action: 'restriction' }],
    ['Commerce issues rule requiring licenses for Huawei sales', { action: 'restriction', stage: 'rule' }],
    // A law in the making aimed at a kind of vendor; origins by their backers.
    ['Lawmakers target Chinese lidar makers in new bill', { action: 'restriction', stage: 'proposed' }],
    ['US bars Beijing-backed chipmakers from getting American tools', { action: 'ban' }],
    ['US to ban Chinese and Russian connected car software', { action: 'ban', stage: 'proposed' }],
    ['House bill bans Chinese PCBs in defense systems', { action: 'ban', stage: 'proposed' }],
    // Pulled or suspended by a government; assets frozen.
    ['Texas pulls TikTok from state phones', { action: 'ban', jurisdiction: 'US-state:TX' }],
    ['India suspends 59 Chinese apps including TikTok', { action: 'ban', stage: 'rule', vendors: ['TikTok'] }],
    ['Judge suspends Montana TikTok ban', { action: 'lift' }],
    // Suspended, then un-suspended or reinstated: the lift is the news.
    ['Indonesia reinstates TikTok license', { action: 'lift', stage: 'lifted', jurisdiction: 'ID' }],
    ['US freezes assets of Chinese drone maker Zentrix Aero', { action: 'sanction', vendors: ['Zentrix Aero'] }],
    // Ditched, ripped out, cut from networks, a contract called off: by a government.
    ["Canada's military ditches Chinese drones", { action: 'ban', jurisdiction: 'CA' }],
    ['Australia to rip Chinese cameras out of defence buildings', { action: 'ban', jurisdiction: 'AU' }],
    ['EU urges members to cut Huawei from 5G networks', { action: 'ban', stage: 'proposed', vendors: ['Huawei'] }],
    ['Police force scraps contract with Hikvision', { action: 'ban', vendors: ['Hikvision'] }],
    // A phrasal verb split by its object.
    ['Germany agrees deal to phase Huawei out of 5G core by 2026', { action: 'ban', vendors: ['Huawei'] }],
    // Off a list of what may be bought: a ban, where off a list of the restricted is a lift.
    ['EU removes Huawei from list of approved 5G vendors', { action: 'ban', stage: 'rule', vendors: ['Huawei'] }],
    ['Pentagon removes DJI drones from approved list', { action: 'ban', vendors: ['DJI'] }],
    ['Commerce removes Huawei from the Entity List', { action: 'lift', stage: 'lifted', vendors: ['Huawei'] }],
  ]);
  notRelevant([
    'Meta ordered to sell Giphy by UK regulator',
    'Board vetoes merger of two regional grocers',
    // A sale ordered by a court or forced by losses: no government measure on a vendor.
    'Court orders Apple to sell music unit',
    'Toshiba forced to sell memory unit after losses',
    'Investor group urges Intel to sell foundry business',
  ]);
});

describe('places, agencies, demonyms and capitals', () => {
  relevant([
    ['Bundesnetzagentur orders Huawei parts out of German 5G core', { jurisdiction: 'DE' }],
    ['ACMA blocks TikTok on government phones', { jurisdiction: 'AU' }],
    ['CFIUS blocks Chinese purchase of chipmaker over security', { jurisdiction: 'US-federal' }],
    ['Warsaw moves to ban Huawei from 5G networks', { jurisdiction: 'PL', stage: 'proposed' }],
    ['Spanish government bans DeepSeek on official devices', { jurisdiction: 'ES' }],
    ['Hanoi bans Telegram over security concerns', { jurisdiction: 'VN', vendors: ['Telegram'] }],
    ['ARCEP restricts Huawei in French 5G', { jurisdiction: 'FR', action: 'restriction' }],
    ['TRAI restricts Chinese equipment in Indian telecom', { jurisdiction: 'IN' }],
    ['Anatel bans uncertified Chinese drones', { jurisdiction: 'BR' }],
  ]);
});

describe('stages', () => {
  relevant([
    ['Utah becomes the first state to ban Manus AI on state devices', { stage: 'rule', jurisdiction: 'US-state:UT' }],
    ['House moved to ban Chinese robots from federal buildings', { stage: 'proposed' }],
    // A measure expected or being readied is not yet taken.
    ['Commerce poised to add Zentrix Optics to Entity List', { stage: 'proposed', action: 'restriction' }],
    ['White House readies order banning TP-Link routers', { stage: 'proposed', vendors: ['TP-Link'] }],
    ['Will the US ban TP-Link routers?', { stage: 'proposed', vendors: ['TP-Link'] }],
  ]);
});

describe('traps', () => {
  notRelevant([
    'Cowed by Chinese regulators, Zenbot plans Hong Kong listing',
    'Beijing asks Tencent to delist from US exchanges',
    'Regulator probes Temu over data privacy breaches',
    'Italy to investigate big tech over child abuse imagery',
    'Hesai shares jump after IPO',
    'Commerce adds Chinese shipping firms to the Entity List over Iran oil',
    'Ohio bans TikTok-style dares at public schools',
    // A shop or its customers stopping their purchases is not a ban; "AG" is also a German company form.
    'Walmart stops buying Hikvision cameras',
    'Consumers stop buying Xiaomi phones amid slump',
    'Siemens AG sues Hikvision',
    // Data deleted on a regulator's order, an app deleted on a company's, a fraudster's firm dissolved.
    'Italy orders Zentrix to delete user data',
    'Apple tells employees to delete TikTok',
    'Court orders company dissolved after fraud',
    // A shop pulling a product, a market suspending a share.
    'Amazon pulls Hikvision cameras from its store',
    'Trading in Hikvision shares suspended',
    // Ditched, cut or called off by a company.
    'Apple ditches Intel chips for its own',
    'Company scraps contract with Hikvision',
    'Huawei cuts prices of phones in Europe',
    'Company reinstates fired engineer',
    // "covered" as bill language, not as reporting.
    'Media covered drones at the parade despite ban',
    // Devices that are not the government's.
    'Schools ban social media apps on devices owned by students',
    'Hackers target government devices with new malware',
    // Targeted by hackers, or by anyone but a lawmaker.
    'Senators targeted by Chinese spyware campaign',
    'FBI targets Chinese hacking group behind telecom breaches',
    'Apple targets Chinese market with cheaper iPhone',
    // Loosened or granted, but nothing banwatch watches.
    'Treasury eases Venezuela oil sanctions',
    'FCC grants SpaceX license for satellite service',
    // A licence to operate granted to a catalogued vendor: entry to a market, not a lift.
    'Regulator grants Starlink licence',
    'India grants Starlink licence to launch satellite internet',
    'FCC grants Starlink license for satellite service',
    'Ofcom grants Starlink licence',
    // "lifts" as a business verb: what a firm raises, not a measure lifted.
    'SMIC, on the US Entity List since 2020, lifts capacity',
    'Huawei lifts smartphone output',
  ]);
  relevant([['Megvii postpones IPO after US blacklisting', { vendors: ['Megvii'] }]]);
});
