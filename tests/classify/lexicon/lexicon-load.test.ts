/**
 * The lexicon is data (config/lexicon/*.yaml): an operator extends it without code, and a
 * mistake in it stops start-up with the file and the place of the mistake.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/classify/classifier.js';
import { DEFAULT_LEXICON_DIR, loadLexicon } from '../../../src/classify/lexicon/lexicon-load.js';
import { catalog } from '../default-classifier.js';

function copyLexicon(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-lexicon-'));
  cpSync(DEFAULT_LEXICON_DIR, dir, { recursive: true });
  edit(dir);
  return dir;
}

function rewrite(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('the shipped lexicon', () => {
  it('loads, with words in every family', () => {
    const lexicon = loadLexicon(DEFAULT_LEXICON_DIR);
    expect(lexicon.actions.every((a) => a.words.length > 0)).toBe(true);
    expect(lexicon.stages.length).toBeGreaterThan(5);
    expect(lexicon.places.some((p) => p.code === 'US-state:TX' && p.words.includes("texas's"))).toBe(true);
    expect(lexicon.openNames.descriptors.has('app')).toBe(true);
  });
});

describe('extending the lexicon without code', () => {
  it('takes a new action word', () => {
    const dir = copyLexicon((d) =>
      rewrite(d, 'actions.yaml', (t) => t.replace('words: ["ban", ', 'words: ["ostracises", "ban", ')),
    );
    const title = 'Germany ostracises Huawei';
    expect(createClassifier(catalog).classify({ title }).relevant).toBe(false);
    expect(createClassifier(catalog, loadLexicon(dir)).classify({ title })).toMatchObject({
      relevant: true,
      action: 'ban',
      jurisdiction: 'DE',
    });
  });

  it('takes a new country', () => {
    const dir = copyLexicon((d) =>
      rewrite(d, 'places.yaml', (t) => t.replace('countries:\n', 'countries:\n  XF: ["freedonia", "fredville"]\n')),
    );
    const classifier = createClassifier(catalog, loadLexicon(dir));
    expect(classifier.classify({ title: 'Fredville bans Huawei gear from its networks' })).toMatchObject({
      relevant: true,
      jurisdiction: 'XF',
    });
  });

  it('takes a new product noun after the object of an action', () => {
    const dir = copyLexicon((d) =>
      rewrite(d, 'open-names.yaml', (t) => t.replace('objectNouns: [', 'objectNouns: ["thermostats", ')),
    );
    const title = 'Ohio bans Brenlow thermostats in state buildings';
    expect(createClassifier(catalog).classify({ title }).relevant).toBe(false);
    expect(createClassifier(catalog, loadLexicon(dir)).classify({ title })).toMatchObject({
      relevant: true,
      vendors: ['Brenlow'],
    });
  });
});

describe('mistakes in a lexicon file', () => {
  it('names the file and the path of a mistyped value', () => {
    const dir = copyLexicon((d) => rewrite(d, 'actions.yaml', (t) => t.replace('kind: ban', 'kind: bann')));
    expect(() => loadLexicon(dir)).toThrow(/actions\.yaml: cues\[0\]\.kind: expected one of ban, restriction/);
  });

  it('refuses an unknown key', () => {
    const dir = copyLexicon((d) =>
      rewrite(d, 'stages.yaml', (t) => t.replace('prio: 50', 'prio: 50\n    priority: 1')),
    );
    expect(() => loadLexicon(dir)).toThrow(/stages\.yaml: stages\[0\]: unknown key "priority"/);
  });

  it('refuses a pair that names a helper set that does not exist', () => {
    const dir = copyLexicon((d) => rewrite(d, 'actions.yaml', (t) => t.replace('first: veto,', 'first: vetoo,')));
    expect(() => loadLexicon(dir)).toThrow(/no helper set "vetoo"/);
    const unless = copyLexicon((d) =>
      rewrite(d, 'actions.yaml', (t) => t.replace('unless: approved', 'unless: aproved')),
    );
    expect(() => loadLexicon(unless)).toThrow(/pairs\[\d+\]\.unless: no helper set "aproved"/);
  });

  it('refuses to lose a helper set a rule reads', () => {
    const dir = copyLexicon((d) => rewrite(d, 'traps.yaml', (t) => t.replace(/\n {2}negation: \[[^\]]*\]/, '')));
    expect(() => loadLexicon(dir)).toThrow(/helpers\.negation: missing/);
  });
});
