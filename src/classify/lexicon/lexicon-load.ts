/**
 * Reads the lexicon files (config/lexicon/*.yaml) into the word lists the cue index compiles.
 * Every file is checked with zod; a problem stops start-up with its file and path, as a mistake
 * in config/vendors.yaml does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Stage } from '../../domain/classification.js';
import { ConfigError } from '../../shared/errors.js';
import { packageRoot } from '../../shared/package-root.js';
import { cachedYamlParse } from '../../shared/yaml-cache.js';
import { parseYamlText } from '../../shared/yaml-text.js';
import { formatIssues } from '../catalog-schema.js';
import {
  actionsFileSchema,
  openNamesFileSchema,
  placesFileSchema,
  REQUIRED_HELPERS,
  stagesFileSchema,
  trapsFileSchema,
} from './lexicon-schema.js';
import { RANK, type GlobalTrap, type Lexicon, type PlaceDef } from './lexicon-types.js';

function readChecked<T>(dir: string, name: string, schema: z.ZodType<T>): T {
  const file = join(dir, name);
  const data = cachedYamlParse(readFileSync(file, 'utf8'), (yaml) => parseYamlText(file, yaml));
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error.issues, data).map((p) => `${file}: ${p}`));
  return parsed.data;
}

function expandPlaces(file: z.infer<typeof placesFileSchema>): PlaceDef[] {
  const state = (code: string, words: readonly string[]): PlaceDef => ({
    code: `US-state:${code}`,
    strong: true,
    actor: true,
    reverse: false,
    words,
  });
  return [
    ...Object.entries(file.usStates).map(([code, name]) => state(code, [name, `${name}'s`])),
    ...Object.entries(file.stateOfficials).map(([code, words]) => state(code, words)),
    ...Object.entries(file.countries).map(([code, words]) => ({
      code,
      strong: true,
      actor: true,
      reverse: false,
      words,
    })),
    ...file.places,
  ];
}

const lower = (words: readonly string[]): Set<string> => new Set(words.map((w) => w.toLowerCase()));

export function loadLexicon(dir: string): Lexicon {
  const actions = readChecked(dir, 'actions.yaml', actionsFileSchema);
  const stages = readChecked(dir, 'stages.yaml', stagesFileSchema);
  const places = readChecked(dir, 'places.yaml', placesFileSchema);
  const traps = readChecked(dir, 'traps.yaml', trapsFileSchema);
  const open = readChecked(dir, 'open-names.yaml', openNamesFileSchema);

  const problems: string[] = [];
  for (const name of REQUIRED_HELPERS)
    if (!traps.helpers[name]) problems.push(`${join(dir, 'traps.yaml')}: helpers.${name}: missing (a rule reads it)`);
  actions.pairs.forEach((pair, i) => {
    for (const side of ['first', 'second', 'unless'] as const) {
      const helper = pair[side];
      if (helper !== undefined && !traps.helpers[helper])
        problems.push(`${join(dir, 'actions.yaml')}: pairs[${i}].${side}: no helper set "${helper}" in traps.yaml`);
    }
  });
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    actions: actions.cues.map((c) => ({ ...c, rank: RANK[c.rank] })),
    pairs: actions.pairs.map((p) => ({ ...p, rank: RANK[p.rank] })),
    motives: actions.motives,
    stages: stages.stages.map((s) => ({ ...s, stage: s.stage as Stage })),
    places: expandPlaces(places),
    traps: traps.traps as Record<GlobalTrap, string[]>,
    helpers: traps.helpers,
    openNames: {
      descriptors: lower(open.descriptors),
      genericDescriptors: lower(open.genericDescriptors),
      techWords: lower(open.techWords),
      nonTech: lower(open.nonTech),
      suffixes: lower(open.suffixes),
      addVerbs: lower(open.addVerbs),
      removeVerbs: lower(open.removeVerbs),
      objectNouns: lower(open.objectNouns),
      purchaseVerbs: lower(open.purchaseVerbs),
      procurementNouns: lower(open.procurementNouns),
      procurementLaws: lower(open.procurementLaws),
      listWords: open.listWords,
      groupWords: lower(open.groupWords),
      deviceNouns: lower(open.deviceNouns),
      deviceOwners: lower(open.deviceOwners),
      techRegulators: lower(open.techRegulators),
      stopWords: lower(open.stopWords),
    },
  };
}

/** The lexicon directory shipped with banwatch. */
export const DEFAULT_LEXICON_DIR = join(packageRoot(import.meta.url), 'config', 'lexicon');

let cached: Lexicon | undefined;

/** The shipped lexicon, read once per process. */
export function defaultLexicon(): Lexicon {
  cached ??= loadLexicon(DEFAULT_LEXICON_DIR);
  return cached;
}
