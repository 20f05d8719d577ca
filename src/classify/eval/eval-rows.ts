/**
 * Labelled headlines in the shape of shared/eval/dev-headlines.jsonl: one JSON object a line
 * with the title and the expected classification. Other fields (date, source) are ignored.
 */
import { z } from 'zod';
import { ACTIONS, STAGES } from '../../domain/classification.js';
import { formatIssues } from '../catalog-schema.js';

export const evalRowSchema = z.object({
  title: z.string(),
  summary: z.string().optional(),
  relevant: z.boolean(),
  vendors: z.array(z.string()),
  action: z.enum(ACTIONS),
  stage: z.enum(STAGES),
  jurisdiction: z.string(),
});

export type EvalRow = z.infer<typeof evalRowSchema>;

export class EvalRowError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'EvalRowError';
  }
}

/** Parses one line; throws EvalRowError naming the line and what is wrong with it. */
export function parseEvalLine(text: string, line: number): EvalRow {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new EvalRowError(line, 'not valid JSON');
  }
  const parsed = evalRowSchema.safeParse(data);
  if (!parsed.success) {
    throw new EvalRowError(line, formatIssues(parsed.error.issues, data).join('; '));
  }
  return parsed.data;
}

/** Parses a whole JSONL text; blank lines are skipped. */
export function parseEvalJsonl(text: string): EvalRow[] {
  const rows: EvalRow[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    rows.push(parseEvalLine(raw, i + 1));
  });
  return rows;
}
