import { describe, expect, it } from 'vitest';
import { EvalRowError, parseEvalJsonl, parseEvalLine, type EvalRow } from '../../../src/classify/eval/eval-rows.js';
import { evaluate, sameVendors } from '../../../src/classify/eval/evaluate.js';
import type { Classification, Classifier } from '../../../src/domain/classification.js';

const NOT_RELEVANT: Classification = {
  relevant: false,
  score: 0.1,
  vendors: [],
  action: 'none',
  stage: 'none',
  jurisdiction: 'none',
  reasons: ['no'],
};

function row(title: string, relevant: boolean, fields: Partial<EvalRow> = {}): EvalRow {
  return relevant
    ? { title, relevant, vendors: ['DJI'], action: 'ban', stage: 'rule', jurisdiction: 'US-federal', ...fields }
    : { title, relevant, vendors: [], action: 'none', stage: 'none', jurisdiction: 'none', ...fields };
}

/** A stand-in classifier that answers from a table, so the arithmetic can be checked by hand. */
function tableClassifier(answers: Record<string, Partial<Classification>>): Classifier {
  return {
    classify: ({ title }) => ({ ...NOT_RELEVANT, ...(answers[title] ?? {}) }),
  };
}

describe('evaluate', () => {
  const rows = [
    row('tp exact', true),
    row('tp wrong stage', true),
    row('fn', true),
    row('fp', false),
    row('tn', false),
  ];
  const yes: Classification = {
    relevant: true,
    score: 0.9,
    vendors: ['dji'],
    action: 'ban',
    stage: 'rule',
    jurisdiction: 'US-federal',
    reasons: ['yes'],
  };
  const report = evaluate(
    rows,
    tableClassifier({
      'tp exact': yes,
      'tp wrong stage': { ...yes, vendors: ['DJI'], stage: 'proposed' },
      fp: { ...yes, vendors: [] },
    }),
  );

  it('counts precision, recall and F1 on `relevant`', () => {
    expect(report).toMatchObject({ rows: 5, truePositives: 2, falsePositives: 1, falseNegatives: 1, trueNegatives: 1 });
    expect(report.precision).toBeCloseTo(2 / 3);
    expect(report.recall).toBeCloseTo(2 / 3);
    expect(report.f1).toBeCloseTo(2 / 3);
  });

  it('judges fields on rows both call relevant; vendor sets ignore case and order', () => {
    expect(report.fields.vendors).toEqual({ correct: 2, total: 2, accuracy: 1 });
    expect(report.fields.stage).toEqual({ correct: 1, total: 2, accuracy: 0.5 });
  });

  it('lists every miss with its kind, details and the reasons given', () => {
    expect(report.misses.map((m) => [m.kind, m.title])).toEqual([
      ['wrong field', 'tp wrong stage'],
      ['false negative', 'fn'],
      ['false positive', 'fp'],
    ]);
    expect(report.misses[0]?.details).toEqual(['stage: expected rule, got proposed']);
    expect(report.misses[1]?.got.reasons).toEqual(['no']);
  });

  it('reports perfect scores, not NaN, when there is nothing to count', () => {
    const empty = evaluate([row('tn', false)], tableClassifier({}));
    expect([empty.precision, empty.recall, empty.fields.action.accuracy]).toEqual([1, 1, 1]);
  });

  it('compares vendor sets without order or case', () => {
    expect(sameVendors(['Huawei', 'ZTE'], ['zte', 'huawei'])).toBe(true);
    expect(sameVendors(['Huawei'], ['Huawei', 'ZTE'])).toBe(false);
  });
});

describe('eval rows', () => {
  it('parses the dev-set shape and skips blank lines', () => {
    const text = `${JSON.stringify({ ...row('a', true), date: '', source: 'x' })}\n\n${JSON.stringify(row('b', false))}\n`;
    expect(parseEvalJsonl(text).map((r) => r.title)).toEqual(['a', 'b']);
  });

  it('names the line and the problem of a bad row', () => {
    expect(() => parseEvalLine('{nope', 3)).toThrow(new EvalRowError(3, 'not valid JSON'));
    expect(() => parseEvalJsonl(`${JSON.stringify(row('a', true))}\n{"title":"x","relevant":"yes"}`)).toThrow(
      /^line 2: .*relevant: expected true or false/,
    );
  });
});
