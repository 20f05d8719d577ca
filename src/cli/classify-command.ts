/**
 * `banwatch classify`: JSON lines in on stdin (`title`, optional `summary` and `extraVendors`),
 * one JSON line out per input line, in order. A bad line gets `{"error": ...}` and the stream
 * goes on; blank lines are skipped. Lines are read and written one at a time, so a large file
 * streams through in constant memory.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { ClassifyInput, ClassifyOptions, Classifier } from '../domain/classification.js';
import { createClassifier } from '../classify/classifier.js';
import { loadVendorCatalog } from '../classify/vendor-catalog.js';
import { ConfigError } from '../shared/errors.js';
import type { CliIo } from './cli-io.js';

const USAGE = 'usage: banwatch classify < headlines.jsonl   (one {"title": ..., "summary": ...} per line)\n';

type Parsed = { input: ClassifyInput; options: ClassifyOptions } | { error: string };

function parseLine(line: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { error: 'expected a JSON object' };
  const { title, summary, extraVendors } = data as Record<string, unknown>;
  if (title === undefined) return { error: 'missing "title"' };
  if (typeof title !== 'string') return { error: '"title" must be a string' };
  if (summary !== undefined && summary !== null && typeof summary !== 'string')
    return { error: '"summary" must be a string' };
  if (
    extraVendors !== undefined &&
    (!Array.isArray(extraVendors) || !extraVendors.every((v) => typeof v === 'string'))
  ) {
    return { error: '"extraVendors" must be an array of strings' };
  }
  return {
    input: typeof summary === 'string' ? { title, summary } : { title },
    options: extraVendors ? { extraVendors: extraVendors } : {},
  };
}

function classifyLine(classifier: Classifier, line: string): string {
  const parsed = parseLine(line);
  if ('error' in parsed) return JSON.stringify({ error: parsed.error });
  const { relevant, score, vendors, vendorsNew, action, stage, jurisdiction, reasons } = classifier.classify(
    parsed.input,
    parsed.options,
  );
  // vendorsNew only when a name is new to the catalogue, so older readers of the stream see no change.
  const fresh = vendorsNew ? { vendorsNew } : {};
  return JSON.stringify({ relevant, score, vendors, ...fresh, action, stage, jurisdiction, reasons });
}

export async function classifyCommand(args: string[], io: CliIo, options: { vendorsFile: string }): Promise<number> {
  if (args.some((a) => a === '-h' || a === '--help')) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (args.length > 0) {
    io.stderr.write(`banwatch classify: unexpected argument ${args[0]}\n${USAGE}`);
    return 2;
  }
  let classifier: Classifier;
  try {
    classifier = createClassifier(loadVendorCatalog(options.vendorsFile));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`banwatch classify: ${error.message}\n`);
    return 2;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    // Respect backpressure: a slow reader of our output must not make us buffer everything.
    if (!io.stdout.write(`${classifyLine(classifier, line)}\n`)) await once(io.stdout, 'drain');
  }
  return 0;
}
