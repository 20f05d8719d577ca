/**
 * The shape of the lexicon files in config/lexicon/, checked with zod when they are read, so an
 * operator who mistypes a key or a kind gets the file, the path and what was expected.
 */
import { z } from 'zod';
import { STAGES } from '../../domain/classification.js';
import { GLOBAL_TRAPS, RANK, type RankName } from './lexicon-types.js';

const word = z.string().trim().min(1, 'must not be empty');
const words = z.array(word);
const kind = z.enum(['ban', 'restriction', 'sanction', 'lift', 'investigation']);
const strength = z.enum(['hard', 'normal', 'weak']);
const rank = z.enum(Object.keys(RANK) as [RankName, ...RankName[]]);

export const actionsFileSchema = z.strictObject({
  cues: z.array(z.strictObject({ kind, rank, strength, instrument: z.boolean().default(false), words: words.min(1) })),
  pairs: z.array(
    z.strictObject({
      first: word,
      second: word,
      within: z.number().int().min(0).max(12),
      kind,
      rank,
      strength,
      instrument: z.boolean().default(false),
      unless: word.optional(),
    }),
  ),
  motives: z.strictObject({ strong: words, weak: words }),
});

export const stagesFileSchema = z.strictObject({
  stages: z.array(
    z.strictObject({
      stage: z.enum(STAGES.filter((s) => s !== 'none') as [string, ...string[]]),
      prio: z.number().int(),
      words: words.min(1),
    }),
  ),
});

export const placesFileSchema = z.strictObject({
  usStates: z.record(z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter state code'), word),
  stateOfficials: z.record(z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter state code'), words),
  countries: z.record(z.string().min(2), words),
  places: z.array(
    z.strictObject({
      code: z.string().min(2).nullable(),
      strong: z.boolean(),
      actor: z.boolean(),
      reverse: z.boolean().default(false),
      words: words.min(1),
    }),
  ),
});

export const trapsFileSchema = z.strictObject({
  traps: z.strictObject(Object.fromEntries(GLOBAL_TRAPS.map((t) => [t, words])) as Record<string, typeof words>),
  helpers: z.record(word, words),
});

export const openNamesFileSchema = z.strictObject({
  descriptors: words,
  genericDescriptors: words,
  techWords: words,
  nonTech: words,
  suffixes: words,
  addVerbs: words,
  removeVerbs: words,
  objectNouns: words,
  purchaseVerbs: words,
  procurementNouns: words,
  procurementLaws: words,
  listWords: words,
  groupWords: words,
  deviceNouns: words,
  deviceOwners: words,
  techRegulators: words,
  stopWords: words,
});

/** Helper sets the rules in src/classify read by name: each must exist in traps.yaml. */
export const REQUIRED_HELPERS = [
  'remove',
  'list',
  'sue',
  'sue-official',
  'government-devices',
  'source-verb',
  'source-before',
  'actor-verb',
  'actor-skip',
  'modifier-noun',
  'platform',
  'background-prep',
  'background-filler',
  'participle',
  'participle-before',
  'still',
  'usage',
  'reverse-verb',
  'reverse-agent',
  'regulator',
  'measure',
  'explainer',
  'agency-ban',
  'agency-restriction',
  'agency-sanction',
  'negation',
  'operating-license',
  'business-gain',
  'opinion',
] as const;
