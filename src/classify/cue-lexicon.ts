/**
 * Cue words for government action, stages and motives, from the team's lexicon
 * (shared/domain/lexicon.json) and the instruments in vendors.json. Phrases are written as
 * people write them; they are tokenized like the text, so "rip-and-replace" also matches
 * "rip and replace". Kept in code, not in vendors.yaml, because each list is tied to a rule.
 */
import type { Stage } from '../domain/classification.js';

export type ActionKind = 'ban' | 'restriction' | 'sanction' | 'lift' | 'investigation';

/**
 * `hard`: names a ban outright, survives a vulnerability story ("bans", "Covered List");
 * `normal`: a government measure; `weak`: ambiguous without a government actor in the headline.
 */
export type CueStrength = 'hard' | 'normal' | 'weak';

/** When several kinds of action are named, the highest rank decides the action. */
export const RANK = {
  lift: 70,
  sanction: 60,
  listRestriction: 50,
  ban: 40,
  genericRestriction: 30,
  advisory: 20,
  investigation: 10,
  weakLift: 5,
} as const;

export interface ActionCueDef {
  kind: ActionKind;
  rank: number;
  strength: CueStrength;
  /** An instrument is itself about vendors (the Covered List): it needs no vendor named. */
  instrument?: boolean;
  words: readonly string[];
}

export const ACTION_CUES: readonly ActionCueDef[] = [
  { kind: 'ban', rank: RANK.ban, strength: 'hard', words: [
    'ban', 'bans', 'banned', 'banning', 'prohibit', 'prohibits', 'prohibited', 'prohibiting', 'prohibition',
    'outlaw', 'outlaws', 'outlawed', 'forbid', 'forbids', 'forbidden', 'phase out', 'phases out', 'phasing out',
    'rip out', 'rips out', 'sell-or-ban', 'divest-or-ban', 'unacceptable risk', 'national security threat',
    'national security threats', 'no new authorizations', 'won\'t be approved', 'covered equipment'] },
  { kind: 'ban', rank: RANK.ban, strength: 'normal', words: [
    'bar', 'bars', 'barred', 'barring', 'block', 'blocks', 'blocked', 'blocking', 'exclude', 'excludes',
    'excluded', 'excluding', 'exclusion', 'purge', 'purges', 'purged', 'remove', 'removes', 'removed',
    'removing', 'removal', 'strip', 'strips', 'stripped', 'kick out', 'kicks out', 'shut out', 'keep out',
    'cease operations', 'shut down operations', 'wind up', 'winds up', 'ordered to close',
    'equipment authorization', 'equipment authorizations', 'revoke', 'revokes', 'revoked', 'revoking',
    'revocation', 'disqualify', 'disqualifies', 'disqualified', 'decertify', 'decertified',
    'government devices', 'government phones', 'government-issued devices', 'state devices',
    'state-issued devices', 'federal devices'] },
  { kind: 'restriction', rank: RANK.listRestriction, strength: 'hard', words: [
    'trade blacklist', 'economic blacklist', 'export blacklist', 'commerce blacklist', 'commerce ban list'] },
  { kind: 'restriction', rank: RANK.listRestriction, strength: 'normal', words: [
    'export controls', 'export control', 'export restrictions', 'export curbs', 'export ban',
    'export license', 'export licenses', 'export licence', 'export licences', 'export privileges',
    'selling to', 'sell to', 'sales to', 'supplying', 'cut off from', 'cuts off', 'cut off',
    'license requirement', 'license requirements', 'presumption of denial', 'denial order',
    'denied persons list', 'delisting', 'delist', 'delists', 'high-risk supplier', 'high-risk suppliers', 'high-risk vendor',
    'high-risk vendors'] },
  { kind: 'sanction', rank: RANK.sanction, strength: 'hard', words: [
    'sanction', 'sanctions', 'sanctioned', 'sanctioning', 'sdn', 'specially designated nationals', 'ofac',
    'blocked persons', 'asset freeze', 'assets frozen', 'eo 14024', 'magnitsky', 'investment ban',
    'investment blacklist', 'banned from us investment', 'banned from investment', 'investment restrictions',
    'ns-cmic', 'cmic'] },
  { kind: 'restriction', rank: RANK.genericRestriction, strength: 'hard', words: [
    'blacklist', 'blacklists', 'blacklisted', 'blacklisting', 'black list', 'ban list'] },
  { kind: 'restriction', rank: RANK.genericRestriction, strength: 'weak', words: [
    'restrict', 'restricts', 'restricted', 'restricting', 'restriction', 'restrictions', 'limit', 'limits',
    'curb', 'curbs', 'curbed', 'crackdown', 'cracks down', 'crack down', 'pose risk', 'poses risk',
    'pose a risk', 'poses a risk', 'pose risks', 'poses a threat', 'pose a threat', 'high risk',
    'high-risk', 'higher risk', 'higher risks'] },
  { kind: 'restriction', rank: RANK.advisory, strength: 'weak', words: [
    'warns against', 'warned against', 'advises against', 'advised against', 'recommends against',
    'stop using', 'throw away', 'scrap', 'scrapped', 'discard', 'discarded', 'get rid of', 'avoid buying',
    'avoid using', 'not to buy', 'not to use'] },
  { kind: 'investigation', rank: RANK.investigation, strength: 'weak', words: [
    'investigate', 'investigates', 'investigated', 'investigating', 'investigation', 'investigations',
    'probe', 'probes', 'probed', 'probing', 'inquiry', 'close look', 'security review',
    'national security review', 'referral', 'subpoena', 'subpoenas', 'subpoenaed', 'scrutiny',
    'asks agencies to consider', 'examine', 'examines', 'examining'] },
  { kind: 'lift', rank: RANK.lift, strength: 'normal', words: [
    'lift', 'lifts', 'lifted', 'lifting', 'unban', 'unbans', 'unbanned', 'delisted', 'vacate', 'vacates',
    'vacated', 'vacating', 'reprieve', 'injunction', 'enjoin', 'enjoins', 'enjoined', 'strikes down',
    'struck down', 'strike down', 'halts enforcement', 'not enforce', 'won\'t enforce', 'court blocks',
    'judge blocks', 'rescind', 'rescinds', 'rescinded', 'repeal', 'repeals', 'repealed', 'license granted',
    'wins court', 'wins lawsuit', 'wins legal', 'wins injunction', 'wins challenge', 'wins appeal',
    'court victory'] },
  { kind: 'lift', rank: RANK.weakLift, strength: 'weak', words: [
    'temporary general license', 'general license', 'waiver', 'waivers'] },
  // Instruments: lists, laws and programs that exist to restrict vendors.
  { kind: 'ban', rank: RANK.ban, strength: 'hard', instrument: true, words: [
    'covered list', 'rip-and-replace', 'remove and replace', 'prohibited technology list',
    'prohibited technologies list', 'section 889', 'secure and trusted communications networks act',
    'secure networks act', 'secure equipment act', 'american security drone act', 'countering ccp drones act',
    'foreign adversary controlled applications', 'telecommunications and video surveillance',
    'covered telecommunications equipment', 'designated vendor direction', 'communications supply chain',
    'icts'] },
  { kind: 'restriction', rank: RANK.listRestriction, strength: 'hard', instrument: true, words: [
    'entity list', 'chinese military company', 'chinese military companies',
    'communist chinese military company', 'communist chinese military companies', '1260h',
    'military end user', 'unverified list', 'foreign direct product rule', '5g toolbox'] },
];

/**
 * Two cues a few words apart that mean more together: "removes ... from blacklist" is a lift,
 * "denies ... application" a ban. The combined cue replaces the words it spans.
 */
export interface PairRuleDef {
  first: string;
  second: string;
  /** Most tokens allowed between the two. */
  within: number;
  kind: ActionKind;
  rank: number;
  strength: CueStrength;
}

export const PAIR_RULES: readonly PairRuleDef[] = [
  { first: 'remove', second: 'list', within: 8, kind: 'lift', rank: RANK.lift, strength: 'normal' },
  { first: 'compel', second: 'close', within: 5, kind: 'ban', rank: RANK.ban, strength: 'normal' },
  { first: 'delay', second: 'ban-noun', within: 3, kind: 'lift', rank: RANK.lift, strength: 'normal' },
  { first: 'revoke', second: 'order', within: 3, kind: 'lift', rank: RANK.lift, strength: 'normal' },
  { first: 'reverse', second: 'order', within: 3, kind: 'lift', rank: RANK.lift, strength: 'normal' },
  { first: 'court', second: 'block', within: 2, kind: 'lift', rank: RANK.lift, strength: 'normal' },
  { first: 'deny', second: 'application', within: 4, kind: 'ban', rank: RANK.ban, strength: 'normal' },
  { first: 'close', second: 'operations', within: 3, kind: 'ban', rank: RANK.ban, strength: 'normal' },
  { first: 'designate', second: 'threat', within: 5, kind: 'ban', rank: RANK.ban, strength: 'normal' },
  { first: 'ground', second: 'drones', within: 4, kind: 'ban', rank: RANK.ban, strength: 'normal' },
  { first: 'drones', second: 'ground', within: 2, kind: 'ban', rank: RANK.ban, strength: 'normal' },
  { first: 'eject', second: 'from', within: 5, kind: 'ban', rank: RANK.ban, strength: 'normal' },
  { first: 'halt', second: 'use', within: 3, kind: 'ban', rank: RANK.ban, strength: 'normal' },
  // Revoking a licence is a ban when the FCC does it and an export restriction at Commerce.
  { first: 'revoke', second: 'application', within: 4, kind: 'restriction', rank: RANK.genericRestriction, strength: 'normal' },
];

export interface StageCueDef {
  stage: Stage;
  /** When several stages are named, the highest priority wins. */
  prio: number;
  words: readonly string[];
}

export const STAGE_CUES: readonly StageCueDef[] = [
  { stage: 'in-effect', prio: 50, words: [
    'takes effect', 'take effect', 'took effect', 'goes into effect', 'go into effect', 'went into effect',
    'in effect', 'in force', 'comes into force', 'come into force', 'came into force', 'effective date',
    'effective immediately', 'becomes effective', 'deadline', 'must remove by', 'upholds', 'upheld',
    'permanent', 'made permanent', 'now permanent',
    'uphold', 'court rules', 'court ruled', 'judge rules', 'ruling', 'rules that', 'sues', 'sue', 'sued',
    'suing', 'lawsuit', 'lawsuits', 'challenge', 'challenges', 'challenged', 'challenging', 'appeal',
    'appeals', 'appealed', 'dismisses', 'dismissed', 'remains designated', 'enforcement begins',
    'enforcing', 'enforces'] },
  // An executive order is signed but is a rule, not a law: it outranks the bare "signs".
  { stage: 'rule', prio: 45, words: [
    'signs executive order', 'signed executive order', 'signs an executive order', 'signs order',
    'signed an executive order', 'signs directive'] },
  { stage: 'enacted', prio: 40, words: [
    'signed into law', 'signs into law', 'signs bill', 'signed bill', 'signs law', 'signed law', 'law signed',
    'bill signed', 'becomes law', 'became law', 'public law', 'enacted', 'enacts', 'signs', 'signed'] },
  { stage: 'passed-chamber', prio: 30, words: [
    'passes house', 'passes senate', 'passed house', 'passed senate', 'house passes', 'house passed',
    'senate passes', 'senate passed', 'congress passes', 'congress passed', 'clears senate', 'clears house',
    'senate clears', 'house clears', 'house votes', 'senate votes', 'house approves', 'senate approves',
    'house-passed', 'senate-passed', 'passed by the house', 'passed by the senate', 'heads to senate',
    'heads to the senate', 'heads to president', 'sends to president', 'to the president',
    'president\'s desk', 'passed both chambers', 'passes parliament', 'parliament passes',
    'parliament approves', 'lawmakers pass', 'legislature passes', 'congress sends', 'sends bill'] },
  // Modal and planning words say nothing is decided yet, even next to "orders" ("could order").
  { stage: 'proposed', prio: 28, words: [
    'could', 'would', 'might', 'should', 'can', 'may be', 'may ban', 'may face', 'may soon', 'may add',
    'may block', 'may bar', 'may restrict', 'may blacklist', 'may sanction', 'may lose', 'considers',
    'considering', 'consider', 'weighs', 'weighing', 'mulls', 'mulling', 'eyes', 'plans', 'plan', 'planning',
    'proposes', 'proposed', 'proposal', 'propose', 'proposed rule', 'nprm', 'notice of proposed rulemaking',
    'draft', 'draft order', 'circulated', 'introduces', 'introduced', 'introduce', 'reintroduces',
    'bill would', 'moves to', 'moves toward', 'moves towards', 'seeks', 'pushes', 'push', 'presses',
    'press', 'urges', 'urge', 'urged', 'calls for', 'call for', 'calls on', 'asks', 'asked', 'wants',
    'recommends', 'recommend', 'recommended', 'recommendation', 'threatens', 'threatened', 'committee advances', 'advances',
    'marked up', 'markup', 'committee report', 'set to', 'reportedly weighs', 'looking into', 'hopes',
    'possible', 'potential', 'face possible', 'faces possible', 'likely'] },
  // Verbs of a decision: "orders agencies to ban" is a rule although "to ban" looks ahead.
  { stage: 'rule', prio: 25, words: [
    'order', 'orders', 'ordered', 'votes', 'voted', 'votes to', 'voted to', 'unanimously', 'agrees',
    'agreed', 'adopts', 'adopted',
    'final rule', 'interim rule', 'interim final rule', 'report and order', 'formally'] },
  // Weak signs of a plan: a bill, a recommendation, an infinitive ("UK to ban ...").
  { stage: 'proposed', prio: 20, words: [
    'bill', 'bills', 'legislation', 'tells', 'want', 'call', 'calls', 'to announce', 'to ban', 'to bar', 'to block', 'to prohibit',
    'to blacklist', 'to sanction', 'to restrict', 'to add', 'to consider', 'to exclude', 'to phase out',
    'gains support', 'report says', 'reports say', 'sources say', 'source says', 'source', 'sources'] },
  // Look like an infinitive but are a noun: "adds sanctions ... to ban on company software".
  { stage: 'rule', prio: 0, words: ['to ban on', 'to the ban', 'to a ban', 'to ban list'] },
  { stage: 'enacted', prio: 10, words: ['new law', 'state law', 'law bans', 'law banning', 'law that bans'] },
];

/** Reasons given for a restriction: they mark a security motive, unlike antitrust or tax. */
export const MOTIVES: readonly string[] = [
  'national security', 'security concerns', 'security risk', 'security risks', 'security threat',
  'security threats', 'foreign threat', 'foreign threats', 'foreign adversary', 'foreign adversaries',
  'chinese communist party', 'ccp', 'spying', 'spy', 'espionage', 'ties to china', 'ties to the chinese',
  'links to china', 'china ties', 'chinese government', 'xinjiang', 'uyghur', 'uyghurs', 'human rights',
  'data security', 'unacceptable risks', 'china concerns', 'china security concerns', 'chinese ownership'];

/** "security" alone is too common to mark a motive; it only backs a vendor's reply to a regulator. */
export const WEAK_MOTIVES: readonly string[] = ['security', 'cybersecurity'];
