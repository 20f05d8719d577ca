/**
 * The shape of config/vendors.yaml and the words used to report mistakes in it. Operators edit
 * this file by hand, so every problem is reported with its path and in plain words, and unknown
 * keys are refused (a misspelt `aliasses:` would otherwise be silently ignored).
 */
import { z } from 'zod';
import { STAGES } from '../domain/classification.js';

const text = z.string().trim().min(1, 'must not be empty');
const names = z.array(text);

const restrictionSchema = z.strictObject({
  instrument: text,
  jurisdiction: z.string().default(''),
  date: z.string().default(''),
  stage: z.enum(STAGES),
  note: z.string().optional(),
  evidence: z.string().optional(),
});

const vendorSchema = z.strictObject({
  name: text,
  category: z.string().default(''),
  country: z.string().default(''),
  legalNames: names.default([]),
  aliases: names.default([]),
  brands: z.array(z.strictObject({ name: text, relation: z.string().default('') })).default([]),
  match: z.strictObject({
    strong: names.min(1, 'needs at least one name'),
    weak: names.default([]),
    context: names.default([]),
    not: names.default([]),
  }),
  restrictions: z.array(restrictionSchema).default([]),
  notes: z.array(z.string()).default([]),
});

const instrumentSchema = z.strictObject({
  short: text,
  name: text,
  type: z.string().default(''),
  jurisdiction: z.string().default(''),
});

export const catalogFileSchema = z.strictObject({
  instruments: z.record(z.string(), instrumentSchema).default({}),
  vendors: z.array(vendorSchema).min(1, 'needs at least one vendor'),
  classes: z
    .strictObject({ origins: names.default([]), products: names.default([]) })
    .default({ origins: [], products: [] }),
});

export type CatalogFile = z.infer<typeof catalogFileSchema>;
export type VendorEntry = CatalogFile['vendors'][number];

/** `vendors[3].match.strong` from `['vendors', 3, 'match', 'strong']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return `the value ${JSON.stringify(value) ?? typeof value}`;
}

const EXPECTED: Readonly<Record<string, string>> = {
  array: 'an array',
  object: 'a mapping',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
};

/** One line per zod issue: `vendors[3].match.strong: expected an array, got the text "x"`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], data: unknown): string[] {
  return issues.map((issue) => {
    const where = formatPath(issue.path);
    switch (issue.code) {
      case 'invalid_type': {
        const value = valueAt(data, issue.path);
        const expected = EXPECTED[issue.expected] ?? issue.expected;
        return value === undefined
          ? `${where}: missing (expected ${expected})`
          : `${where}: expected ${expected}, got ${describe(value)}`;
      }
      case 'unrecognized_keys':
        return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      case 'invalid_value':
        return `${where}: expected one of ${issue.values.map(String).join(', ')}, got ${describe(valueAt(data, issue.path))}`;
      default:
        return `${where}: ${issue.message}`;
    }
  });
}
