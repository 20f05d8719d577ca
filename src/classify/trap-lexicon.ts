/**
 * Words behind the 14 false-positive traps of the team's lexicon (shared/domain/lexicon.json)
 * and the helper word sets ("atoms") that the trap and pair rules look for around a cue.
 */

/** Traps that, found in a headline, mean it is not news of a government action on a vendor. */
export type GlobalTrap =
  | 'criminal'
  | 'false-claim'
  | 'non-security'
  | 'product'
  | 'earnings'
  | 'vulnerability';

export const TRAP_WORDS: Readonly<Record<GlobalTrap, readonly string[]>> = {
  criminal: [
    'indict', 'indicts', 'indicted', 'indictment', 'charged', 'criminal', 'conspiracy', 'conspiring',
    'conspire', 'trade secret', 'trade secrets', 'steal', 'steals', 'stealing', 'stole', 'stolen', 'theft',
    'fraud', 'pleads guilty', 'pleaded guilty', 'guilty', 'sentenced', 'convicted', 'conviction',
    'extradition', 'extradite', 'extradited', 'arrest', 'arrested', 'prosecutors', 'racketeering'],
  'false-claim': [
    'stop saying', 'stop claiming', 'falsely', 'false claim that', 'false claims that', 'false claim of',
    'false claims of', 'wrongly claimed', 'wrongly claims', 'not banned', 'isn\'t banned', 'wasn\'t banned',
    'never banned', 'no ban', 'myth', 'debunk', 'debunks', 'debunked', 'misleading claim',
    'misleading claims', 'rumor', 'rumors', 'rumour', 'rumours', 'hoax', 'fake news', 'cease-and-desist',
    'it hasn\'t', 'it has not', 'they haven\'t', 'hasn\'t banned', 'has not banned', 'didn\'t ban',
    'did not ban'],
  'non-security': [
    'patent', 'patents', 'antitrust', 'anti-trust', 'anticompetitive', 'anti-competitive',
    'competition watchdog', 'competition regulator', 'competition authority', 'monopoly',
    'market practices', 'marketplace practices', 'copyright', 'infringement', 'tax', 'taxes', 'gdpr',
    'privacy fine', 'data protection', 'children', 'kids', 'teens', 'minors', 'child safety', 'mental health',
    'addictive', 'addiction', 'exclusion order', 'itc', 'anti-steering'],
  product: [
    'review', 'reviews', 'reviewed', 'hands-on', 'unboxing', 'specs', 'specifications', 'teardown',
    'manual', 'owner\'s manual', 'should you buy', 'vs', 'versus', 'firmware', 'price', 'prices',
    'deals', 'discount', 'tested', 'first look', 'benchmark', 'benchmarks', 'launches', 'unveils',
    'debuts'],
  earnings: [
    'earnings', 'revenue', 'revenues', 'profit', 'profits', 'net income', 'net profit', 'quarterly',
    'annual report', 'earned', 'market share', 'shipments', 'dividend', 'ipo', 'research report'],
  vulnerability: [
    'vulnerability', 'vulnerabilities', 'vulnerable', 'flaw', 'flaws', 'bug', 'bugs', 'exploit',
    'exploits', 'exploited', 'exploitation', 'cve', 'zero-day', 'patch', 'patches', 'patched', 'hack',
    'hacked', 'hackers', 'malware', 'botnet', 'ransomware', 'security hole', 'security holes',
    'mitigation'],
};

/** Word sets the rules look for next to a cue. */
export const ATOMS: Readonly<Record<string, readonly string[]>> = {
  // pair rules (cue-lexicon PAIR_RULES)
  remove: ['remove', 'removes', 'removed', 'removing', 'removal', 'drop', 'drops', 'dropped', 'takes off', 'taken off'],
  list: ['list', 'lists', 'blacklist', 'blacklists', 'black list', 'entity list', 'covered list', 'ban list'],
  delay: [
    'delay', 'delays', 'delayed', 'delaying', 'pause', 'pauses', 'paused', 'postpone', 'postpones',
    'postponed', 'extend', 'extends', 'extended', 'extension', 'suspend', 'suspends', 'suspended', 'halt',
    'halts', 'halted'],
  'ban-noun': ['ban', 'bans', 'deadline', 'enforcement', 'sanctions', 'restrictions', 'designation', 'blacklisting'],
  revoke: ['revoke', 'revokes', 'revoked', 'revoking', 'rescinds'],
  order: ['order', 'orders', 'executive order', 'executive orders', 'ban', 'bans', 'designation'],
  reverse: ['reverse', 'reverses', 'reversed', 'reversing', 'overturn', 'overturns', 'overturned'],
  court: ['court', 'courts', 'judge', 'judges', 'justices'],
  block: ['block', 'blocks', 'blocked', 'halts', 'pauses', 'suspends', 'temporarily blocks'],
  deny: ['deny', 'denies', 'denied', 'denial', 'reject', 'rejects', 'rejected'],
  application: [
    'application', 'applications', 'bid', 'authorization', 'authorisation', 'license', 'licence',
    'licenses', 'licences', 'request', 'entry'],
  compel: ['orders', 'ordered', 'order', 'forces', 'forced', 'told', 'tells', 'directs', 'directed'],
  close: [
    'close', 'closes', 'closing', 'cease', 'ceases', 'shut', 'shuts', 'shutter', 'shutters', 'wind up',
    'discontinue', 'discontinues', 'discontinued'],
  operations: ['operations', 'operation', 'business', 'businesses', 'offices', 'services', 'service'],
  eject: [
    'pull', 'pulls', 'pulled', 'boot', 'boots', 'booted', 'kick', 'kicks', 'kicked', 'oust', 'ousts',
    'ousted', 'expel', 'expels', 'expelled', 'eject', 'ejects', 'force out', 'forces out'],
  from: ['from'],
  halt: ['halt', 'halts', 'halted', 'stop', 'stops', 'stopped', 'suspend', 'suspends', 'freeze', 'freezes'],
  use: [
    'installation', 'installations', 'installing', 'deployment', 'deploying', 'use', 'using', 'buying',
    'purchase', 'purchases', 'purchasing', 'procurement', 'sales', 'imports'],
  designate: ['designate', 'designates', 'designated', 'names', 'named', 'labels', 'labeled', 'labelled', 'deems', 'declares'],
  threat: ['threat', 'threats'],
  ground: ['ground', 'grounds', 'grounded', 'grounding'],
  drones: ['drone', 'drones', 'fleet', 'fleets', 'uas', 'uav', 'uavs'],
  // a government suing a vendor ("Paxton sues ...")
  sue: ['sues', 'sued', 'files suit', 'files lawsuit', 'takes legal action'],
  // the vendor is the source of a report ("Kaspersky uncovers", "uncovered by Kaspersky")
  'source-verb': [
    'uncovers', 'uncovered', 'identifies', 'identified', 'finds', 'found', 'discovers', 'discovered',
    'detects', 'detected', 'spots', 'spotted', 'reveals', 'revealed', 'observes', 'tracks', 'exposes',
    'links', 'connects', 'connect', 'reports', 'report', 'research', 'researchers', 'experts',
    'analysts', 'study', 'survey', 'blog', 'publishes', 'uncover', 'discover', 'detect'],
  'source-before': [
    'uncovered by', 'discovered by', 'detected by', 'identified by', 'found by', 'according to',
    'reported by', 'revealed by', 'spotted by', 'tracked by', 'exposed by', 'research by', 'report by',
    'researchers at', 'experts at', 'analysts at'],
  // the vendor or a platform does the banning ("TikTok bans misgendering")
  'actor-verb': [
    'bans', 'ban', 'banning', 'blocks', 'block', 'blocking', 'removes', 'remove', 'removing', 'bars',
    'bar', 'prohibits', 'prohibit', 'restricts', 'restrict', 'suspends', 'suspend', 'deletes', 'delete',
    'takes down', 'cracks down', 'crack down', 'limits', 'limit', 'pulls', 'pull', 'boots', 'kicks'],
  'actor-skip': [
    'to', 'will', 'permanently', 'temporarily', 'also', 'now', 'is', 'quietly', 'officially', 'reportedly',
    'plans', 'set', 'moves', 'it', 'would', 'could', 'may', 'must', 'has', 'finally', 'begins', 'starts',
    'says', 'said', 'just', 'already', 'again'],
  // the vendor name describes a person or content ("TikTok star", "TikTok trend")
  'modifier-noun': [
    'star', 'stars', 'influencer', 'influencers', 'creator', 'creators', 'video', 'videos', 'trend', 'trends', 'account', 'accounts', 'post', 'posts', 'clip', 'clips', 'dance',
    'famous', 'personality', 'filter', 'filters', 'content', 'live', 'shop', 'prank'],
  platform: [
    'youtube', 'google', 'facebook', 'meta', 'twitter', 'instagram', 'apple', 'amazon', 'microsoft',
    'reddit', 'twitch', 'discord', 'spotify', 'netflix', 'snapchat', 'telegram', 'whatsapp', 'app store',
    'play store', 'google play', 'walmart', 'best buy', 'home depot', 'lowe\'s', 'costco', 'ebay', 'github',
    'openai', 'linkedin', 'pinterest', 'roblox', 'steam', 'valve', 'retailers', 'retailer'],
  // a ban mentioned as background ("despite federal ban", "from sanctioned Chinese firm")
  'background-prep': [
    'despite', 'amid', 'in spite of', 'hit by', 'under', 'notwithstanding', 'regardless of', 'even with',
    'sanctions-hit', 'sanction-hit', 'defies', 'defy', 'defying', 'evades', 'evading', 'circumvents',
    'circumventing', 'skirts', 'sidesteps', 'bypasses', 'way around', 'ways around', 'get around'],
  'background-filler': [
    'us', 'u', 's', 'federal', 'american', 'western', 'the', 'a', 'an', 'ongoing', 'recent', 'current',
    'existing', 'stringent', 'harsh', 'tough', 'heavy', 'its', 'their', 'washington', 'government', 'trade',
    'state', 'tighter', 'tightening', 'new', 'fresh', 'earlier'],
  participle: ['sanctioned', 'blacklisted', 'banned', 'barred', 'restricted', 'prohibited', 'embattled'],
  'participle-before': [
    'a', 'an', 'the', 'from', 'by', 'of', 'for', 'with', 'to', 'at', 'on', 'in', 'its', 'their', 'his',
    'her', 'our', 'uses', 'use', 'using', 'buys', 'bought', 'buying', 'sells', 'selling', 'sold'],
  still: ['still', 'continue to', 'continues to', 'keep using', 'keeps using'],
  usage: [
    'use', 'uses', 'used', 'using', 'buy', 'buys', 'bought', 'buying', 'sell', 'sells', 'selling', 'sold',
    'in', 'operate', 'operating', 'operates', 'installed', 'install', 'available', 'running', 'deployed',
    'deploy', 'being', 'widely', 'found', 'on', 'there', 'present', 'work', 'working', 'purchasing'],
  // a Chinese or Russian government doing the acting: outside what banwatch watches
  'reverse-verb': [
    'bans', 'ban', 'orders', 'ordered', 'tells', 'told', 'suspends', 'suspended', 'blocks', 'blocked',
    'restricts', 'fines', 'fined', 'summons', 'punishes', 'threatens', 'requires', 'forces', 'bars',
    'sanctions', 'blacklists', 'halts', 'probes', 'investigates', 'warns', 'to ban', 'to block'],
  // regulators whose attention alone makes a vendor's reply news ("Quectel response to FCC")
  regulator: [
    'fcc', 'federal communications commission', 'commerce department', 'department of commerce', 'bis',
    'bureau of industry and security', 'ofac', 'treasury', 'pentagon', 'dod', 'department of defense'],
  // a regulator's measure named in a vendor's reply ("new FCC rules do not cover its radios")
  measure: ['rule', 'rules', 'order', 'decision', 'designation', 'listing', 'ruling'],
  // agencies whose blacklisting has a known kind
  'agency-ban': ['fcc', 'federal communications commission'],
  'agency-restriction': ['commerce', 'commerce department', 'department of commerce', 'bis', 'bureau of industry and security'],
  'agency-sanction': ['treasury', 'ofac', 'treasury department'],
};
