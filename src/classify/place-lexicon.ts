/**
 * Jurisdiction cues (lexicon.json `jurisdiction_cues`, extended to every US state and the
 * countries that restrict vendors) and words that name a government actor.
 */

export interface PlaceDef {
  /** Jurisdiction code; null for a government body that names no place ("ministry"). */
  code: string | null;
  /** Strong cues decide the jurisdiction; weak ones ("House", "federal") only when no strong one. */
  strong: boolean;
  /** The words name someone who can act ("UK", "FCC", "governor"), not only a place ("British"). */
  actor: boolean;
  /** A Chinese or Russian government: an action by it is outside what banwatch watches. */
  reverse?: boolean;
  words: readonly string[];
}

const US_STATES: Readonly<Record<string, string>> = {
  AL: 'alabama', AK: 'alaska', AZ: 'arizona', AR: 'arkansas', CA: 'california', CO: 'colorado',
  CT: 'connecticut', DE: 'delaware', FL: 'florida', GA: 'georgia', HI: 'hawaii', ID: 'idaho',
  IL: 'illinois', IN: 'indiana', IA: 'iowa', KS: 'kansas', KY: 'kentucky', LA: 'louisiana', ME: 'maine',
  MD: 'maryland', MA: 'massachusetts', MI: 'michigan', MN: 'minnesota', MS: 'mississippi',
  MO: 'missouri', MT: 'montana', NE: 'nebraska', NV: 'nevada', NH: 'new hampshire', NJ: 'new jersey',
  NM: 'new mexico', NY: 'new york', NC: 'north carolina', ND: 'north dakota', OH: 'ohio', OK: 'oklahoma',
  OR: 'oregon', PA: 'pennsylvania', RI: 'rhode island', SC: 'south carolina', SD: 'south dakota',
  TN: 'tennessee', TX: 'texas', UT: 'utah', VT: 'vermont', VA: 'virginia', WA: 'washington state',
  WV: 'west virginia', WI: 'wisconsin', WY: 'wyoming',
};

/** Governors and attorneys general who appear in state ban headlines without their state. */
const STATE_OFFICIALS: Readonly<Record<string, readonly string[]>> = {
  TX: ['abbott', 'paxton', 'texas cyber command'],
  FL: ['desantis'],
  MT: ['gianforte', 'knudsen'],
  VA: ['youngkin'],
  SD: ['noem'],
  GA: ['kemp'],
  NY: ['hochul'],
  IN: ['holcomb'],
  OK: ['stitt'],
};

/** Other countries that have restricted vendors or may; names that are also common words are left out. */
const MORE_COUNTRIES: Readonly<Record<string, readonly string[]>> = {
  PT: ['portugal', 'portuguese', 'lisbon'], ES: ['spain', 'madrid'], AT: ['austria', 'austrian', 'vienna'],
  CH: ['switzerland', 'swiss'], IE: ['ireland', 'irish', 'dublin'], GR: ['greece', 'greek'],
  HU: ['hungary', 'hungarian'], SK: ['slovakia'], SI: ['slovenia'], HR: ['croatia'], BG: ['bulgaria'],
  UA: ['ukraine', 'ukrainian', 'kyiv'], IL: ['israel', 'israeli'], SG: ['singapore'], MY: ['malaysia'],
  PH: ['philippines', 'philippine', 'manila'], ID: ['indonesia', 'indonesian', 'jakarta'],
  TH: ['thailand', 'thai'], VN: ['vietnam', 'vietnamese'], PK: ['pakistan', 'pakistani'],
  BD: ['bangladesh'], NP: ['nepal', 'nepalese', 'kathmandu'], AF: ['afghanistan'], KE: ['kenya'],
  NG: ['nigeria'], ZA: ['south africa'], MX: ['mexico', 'mexican'], AR: ['argentina'], CL: ['chile'],
  CO: ['colombia'], IS: ['iceland'], LU: ['luxembourg'], MT: ['malta'], CY: ['cyprus'],
  SE: ['stockholm'], NO: ['norwegian', 'oslo'], FI: ['finnish', 'helsinki'], EE: ['estonian', 'tallinn'],
  LV: ['latvian', 'riga'], PL: ['warsaw'], CZ: ['czech', 'prague'], BE: ['belgian'], RO: ['romanian', 'bucharest'],
  KR: ['korea', 'seoul', 'south korean'], BR: ['brazilian'], SA: ['saudi arabia'], AE: ['uae', 'united arab emirates'],
};

export const PLACES: readonly PlaceDef[] = [
  ...Object.entries(US_STATES).map(([code, name]) => ({
    code: `US-state:${code}`, strong: true, actor: true, words: [name, `${name}'s`],
  })),
  ...Object.entries(STATE_OFFICIALS).map(([code, words]) => ({
    code: `US-state:${code}`, strong: true, actor: true, words,
  })),
  { code: 'US-federal', strong: true, actor: true, words: [
    'us', 'u.s.', 'usa', 'united states', 'america', 'fcc', 'federal communications commission',
    'commerce department', 'department of commerce', 'commerce secretary', 'bis',
    'bureau of industry and security', 'treasury', 'treasury department', 'ofac', 'dhs',
    'homeland security', 'cisa', 'pentagon', 'dod', 'department of defense', 'defense department',
    'department of war', 'congress', 'congressional', 'ndaa', 'white house', 'biden', 'trump', 'obama',
    'federal register', 'federal acquisition regulation', 'gsa', 'omb', 'federal agencies',
    'justice department', 'doj', 'fbi', 'state department', 'interior department',
    'department of the interior', 'us government', 'us-china', 'ftc', 'nasa', 'army', 'navy',
    'air force', 'us military', 'washington', 'scotus'] },
  { code: 'US-federal', strong: true, actor: false, words: ['american', 'americans', 'covered list', 'entity list', 'section 889'] },
  { code: 'US-federal', strong: false, actor: true, words: [
    'house', 'senate', 'senator', 'senators', 'lawmakers', 'congressman', 'congresswoman', 'federal',
    'feds', 'supreme court', 'executive order', 'omnibus', 'select committee', 'commerce'] },
  { code: 'US-state', strong: false, actor: true, words: [
    'governor', 'gov', 'state agencies', 'state-issued devices', 'state devices', 'legislature',
    'state law', 'attorney general'] },
  // Chinese-language names of the places that restrict vendors.
  { code: 'US-federal', strong: true, actor: true, words: ['美国', '联邦通信委员会'] },
  { code: 'UK', strong: true, actor: true, words: ['英国'] },
  { code: 'CA', strong: true, actor: true, words: ['加拿大'] },
  { code: 'AU', strong: true, actor: true, words: ['澳大利亚'] },
  { code: 'IN', strong: true, actor: true, words: ['印度'] },
  { code: 'DE', strong: true, actor: true, words: ['德国'] },
  { code: 'EU', strong: true, actor: true, words: ['欧盟'] },
  { code: 'JP', strong: true, actor: true, words: ['日本'] },
  { code: 'UK', strong: true, actor: true, words: [
    'uk', 'u.k.', 'britain', 'great britain', 'united kingdom', 'whitehall', 'cabinet office',
    'downing street', 'house of commons', 'house of lords', 'home office', 'dcms',
    'surveillance camera commissioner', 'camera commissioner', 'procurement act',
    'telecommunications (security) act', 'designated vendor direction', 'government security group',
    'ofcom', 'westminster'] },
  { code: 'UK', strong: true, actor: false, words: ['british', 'england', 'scotland', 'wales', 'london'] },
  { code: 'UK', strong: false, actor: true, words: ['ncsc', 'mps', 'mp'] },
  { code: 'EU', strong: true, actor: true, words: [
    'eu', 'european union', 'european commission', 'brussels', 'european parliament', '5g toolbox',
    'breton', 'von der leyen', 'member states', 'europe'] },
  { code: 'EU', strong: false, actor: true, words: ['commission'] },
  { code: 'DE', strong: true, actor: true, words: ['germany', 'bmi', 'faeser', 'bsi', 'berlin', 'bundestag'] },
  { code: 'DE', strong: true, actor: false, words: ['german'] },
  { code: 'CA', strong: true, actor: true, words: [
    'canada', 'ottawa', 'investment canada act', 'ised', 'innovation minister', 'champagne', 'joly', 'trudeau'] },
  { code: 'CA', strong: true, actor: false, words: ['canadian', 'canadians'] },
  { code: 'AU', strong: true, actor: true, words: [
    'australia', 'canberra', 'home affairs', 'protective security policy framework', 'pspf', 'albanese'] },
  { code: 'AU', strong: true, actor: false, words: ['australian', 'australians'] },
  { code: 'IN', strong: true, actor: true, words: ['india', 'meity', 'section 69a', 'new delhi', 'delhi'] },
  { code: 'IN', strong: true, actor: false, words: ['indian'] },
  { code: 'LT', strong: true, actor: true, words: ['lithuania', 'vilnius'] },
  { code: 'LT', strong: true, actor: false, words: ['lithuanian'] },
  { code: 'SE', strong: true, actor: true, words: ['sweden', 'pts'] },
  { code: 'SE', strong: true, actor: false, words: ['swedish'] },
  { code: 'JP', strong: true, actor: true, words: ['japan', 'tokyo'] },
  { code: 'JP', strong: true, actor: false, words: ['japanese'] },
  { code: 'NZ', strong: true, actor: true, words: ['new zealand', 'gcsb', 'wellington'] },
  { code: 'TW', strong: true, actor: true, words: ['taiwan', 'taipei'] },
  { code: 'TW', strong: true, actor: false, words: ['taiwanese'] },
  { code: 'NL', strong: true, actor: true, words: ['netherlands', 'the hague'] },
  { code: 'NL', strong: true, actor: false, words: ['dutch'] },
  { code: 'FR', strong: true, actor: true, words: ['france', 'paris'] },
  { code: 'FR', strong: true, actor: false, words: ['french'] },
  { code: 'IT', strong: true, actor: true, words: ['italy', 'rome'] },
  { code: 'IT', strong: true, actor: false, words: ['italian'] },
  { code: 'DK', strong: true, actor: true, words: ['denmark'] },
  { code: 'DK', strong: true, actor: false, words: ['danish'] },
  { code: 'NO', strong: true, actor: true, words: ['norway'] },
  { code: 'FI', strong: true, actor: true, words: ['finland'] },
  { code: 'EE', strong: true, actor: true, words: ['estonia'] },
  { code: 'LV', strong: true, actor: true, words: ['latvia'] },
  { code: 'PL', strong: true, actor: true, words: ['poland'] },
  { code: 'CZ', strong: true, actor: true, words: ['czech republic', 'czechia'] },
  { code: 'BE', strong: true, actor: true, words: ['belgium'] },
  { code: 'RO', strong: true, actor: true, words: ['romania'] },
  { code: 'KR', strong: true, actor: true, words: ['south korea'] },
  { code: 'BR', strong: true, actor: true, words: ['brazil'] },
  ...Object.entries(MORE_COUNTRIES).map(([code, words]) => ({ code, strong: true, actor: true, words })),
  { code: 'CN', strong: true, actor: true, reverse: true, words: [
    'china', 'beijing', 'chinese government', 'chinese regulator', 'chinese regulators',
    'chinese authorities', 'cyberspace administration', 'cac', 'miit', 'xi jinping', '中国'] },
  { code: 'RU', strong: true, actor: true, reverse: true, words: [
    'russia', 'moscow', 'kremlin', 'putin', 'roskomnadzor', 'russian government', 'russian regulator',
    'russian authorities'] },
  { code: 'IR', strong: true, actor: true, reverse: true, words: ['iran', 'tehran'] },
  { code: 'KP', strong: true, actor: true, reverse: true, words: ['north korea', 'north korean', 'pyongyang'] },
  // Names that contain a place but are not one: listed so the place inside does not count.
  { code: null, strong: false, actor: false, words: [
    'new york times', 'washington post', 'wall street journal', 'south china morning post',
    'china daily', 'financial times', 'house of cards', 'china mobile', 'china telecom', 'china unicom',
    '中国移动', '中国电信', '中国联通'] },
  { code: null, strong: false, actor: true, words: [
    'government', 'governments', 'govt', 'ministry', 'minister', 'ministers', 'regulator', 'regulators',
    'agency', 'agencies', 'department', 'dept', 'parliament', 'parliamentary', 'lawmaker',
    'legislators', 'legislative', 'court', 'courts', 'judge', 'judges', 'officials', 'authorities',
    'commissioner', 'council', 'administration', 'admin', 'president', 'prime minister', 'premier',
    'watchdog', 'military', 'police', 'law', 'bill', 'legislation', 'decree', 'directive', 'regulation',
    'regulations', 'state', 'states', 'city', 'county', 'public sector'] },
];
