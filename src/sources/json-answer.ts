import type { z } from 'zod';
import type { SourceFailure } from '../domain/source.js';

export type JsonAnswer<T> = { ok: true; value: T } | { ok: false; failure: SourceFailure };

/**
 * A government API's answer read as JSON and checked against its schema. Either failure is a
 * `parse` failure of the source, named by `what` was asked for and the first problem found, so
 * a changed API shows up in `status` as what changed rather than as a crash further on.
 */
export function readJsonAnswer<S extends z.ZodType>(body: Buffer, schema: S, what: string): JsonAnswer<z.output<S>> {
  let data: unknown;
  try {
    data = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, failure: { kind: 'parse', message: `${what}: the answer is not JSON` } };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'top level';
    return {
      ok: false,
      failure: { kind: 'parse', message: `${what}: unexpected answer (${where}: ${issue?.message ?? 'invalid'})` },
    };
  }
  return { ok: true, value: parsed.data };
}
