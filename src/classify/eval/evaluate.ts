/**
 * Scores a classifier against labelled rows: precision, recall and F1 for `relevant`, and on
 * the rows that are relevant in both the label and the verdict, how often each field is right.
 * Pure: rows and a classifier in, a report out.
 */
import type { Classification, Classifier } from '../../domain/classification.js';
import type { EvalRow } from './eval-rows.js';

export type FieldName = 'vendors' | 'action' | 'stage' | 'jurisdiction';
export const FIELDS: readonly FieldName[] = ['vendors', 'action', 'stage', 'jurisdiction'];

export type MissKind = 'false positive' | 'false negative' | 'wrong field';

export interface Miss {
  kind: MissKind;
  title: string;
  /** For `wrong field`: which fields, each as `field: expected X, got Y`. */
  details: string[];
  expected: Pick<EvalRow, 'relevant' | FieldName>;
  got: Classification;
}

export interface FieldAccuracy {
  correct: number;
  total: number;
  /** correct / total; 1 when there is nothing to judge. */
  accuracy: number;
}

export interface EvalReport {
  rows: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Judged on rows that both the label and the classifier call relevant. */
  fields: Record<FieldName, FieldAccuracy>;
  misses: Miss[];
}

/** Vendor sets compare without order or case. */
export function sameVendors(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map((v) => v.toLowerCase()));
  const right = new Set(b.map((v) => v.toLowerCase()));
  return left.size === right.size && [...left].every((v) => right.has(v));
}

function fieldRight(field: FieldName, row: EvalRow, got: Classification): boolean {
  return field === 'vendors' ? sameVendors(row.vendors, got.vendors) : row[field] === got[field];
}

function show(value: string | readonly string[]): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

export function evaluate(rows: readonly EvalRow[], classifier: Classifier): EvalReport {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const correct: Record<FieldName, number> = { vendors: 0, action: 0, stage: 0, jurisdiction: 0 };
  const misses: Miss[] = [];
  for (const row of rows) {
    const got = classifier.classify(
      row.summary === undefined ? { title: row.title } : { title: row.title, summary: row.summary },
    );
    const expected = {
      relevant: row.relevant,
      vendors: row.vendors,
      action: row.action,
      stage: row.stage,
      jurisdiction: row.jurisdiction,
    };
    if (got.relevant && !row.relevant) {
      fp++;
      misses.push({ kind: 'false positive', title: row.title, details: [], expected, got });
      continue;
    }
    if (!got.relevant && row.relevant) {
      fn++;
      misses.push({ kind: 'false negative', title: row.title, details: [], expected, got });
      continue;
    }
    if (!got.relevant) {
      tn++;
      continue;
    }
    tp++;
    const details: string[] = [];
    for (const field of FIELDS) {
      if (fieldRight(field, row, got)) correct[field]++;
      else details.push(`${field}: expected ${show(row[field])}, got ${show(got[field])}`);
    }
    if (details.length > 0) misses.push({ kind: 'wrong field', title: row.title, details, expected, got });
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const fields = Object.fromEntries(
    FIELDS.map((field) => [field, { correct: correct[field], total: tp, accuracy: ratio(correct[field], tp) }]),
  ) as Record<FieldName, FieldAccuracy>;
  return {
    rows: rows.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision,
    recall,
    f1,
    fields,
    misses,
  };
}
