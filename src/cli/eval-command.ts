/**
 * `banwatch eval [FILE]`: scores the classifier on labelled headlines (JSONL in the shape of
 * shared/eval/dev-headlines.jsonl) and prints precision, recall, F1, per-field accuracy and
 * every miss with the classifier's reasons, so a wrong rule can be found from its output.
 */
import { readFile } from 'node:fs/promises';
import { createClassifier } from '../classify/classifier.js';
import { EvalRowError, parseEvalJsonl } from '../classify/eval/eval-rows.js';
import { evaluate, FIELDS, type EvalReport, type Miss } from '../classify/eval/evaluate.js';
import { loadVendorCatalog } from '../classify/vendor-catalog.js';
import { ConfigError, errorMessage } from '../shared/errors.js';
import type { CliIo } from './cli-io.js';

const USAGE = 'usage: banwatch eval [FILE] [--json]\n';

function fixed(value: number): string {
  return value.toFixed(3);
}

function describeExpected(miss: Miss): string {
  const e = miss.expected;
  if (!e.relevant) return 'expected: not relevant';
  return `expected: ${e.action}, ${e.stage}, ${e.jurisdiction}, vendors [${e.vendors.join(', ')}]`;
}

function describeGot(miss: Miss): string {
  const g = miss.got;
  if (!g.relevant) return `got: not relevant (score ${g.score})`;
  return `got: ${g.action}, ${g.stage}, ${g.jurisdiction}, vendors [${g.vendors.join(', ')}] (score ${g.score})`;
}

export function formatReport(report: EvalReport, file: string): string {
  const lines: string[] = [
    `${report.rows} labelled headlines from ${file}`,
    `relevant: precision ${fixed(report.precision)}  recall ${fixed(report.recall)}  F1 ${fixed(report.f1)}` +
      `  (true positives ${report.truePositives}, false positives ${report.falsePositives},` +
      ` false negatives ${report.falseNegatives}, true negatives ${report.trueNegatives})`,
    `fields, on the ${report.truePositives} headlines both the label and the classifier call relevant:`,
    ...FIELDS.map((field) => {
      const f = report.fields[field];
      return `  ${field.padEnd(13)} ${fixed(f.accuracy)}  (${f.correct}/${f.total})`;
    }),
  ];
  lines.push(report.misses.length === 0 ? 'misses: none' : `misses (${report.misses.length}):`);
  for (const miss of report.misses) {
    lines.push(`- ${miss.kind}: ${miss.title}`);
    if (miss.kind === 'wrong field') lines.push(...miss.details.map((d) => `    ${d}`));
    else lines.push(`    ${describeExpected(miss)}`, `    ${describeGot(miss)}`);
    lines.push(...miss.got.reasons.map((r) => `    reason: ${r}`));
  }
  return `${lines.join('\n')}\n`;
}

export async function evalCommand(
  args: string[],
  io: CliIo,
  options: { vendorsFile: string; defaultEvalFile: string },
): Promise<number> {
  const flags = args.filter((a) => a.startsWith('-'));
  const positional = args.filter((a) => !a.startsWith('-'));
  if (flags.some((f) => f === '-h' || f === '--help')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const unknown = flags.find((f) => f !== '--json');
  if (unknown !== undefined || positional.length > 1) {
    io.stderr.write(`banwatch eval: ${unknown ? `unknown option ${unknown}` : 'only one FILE at a time'}\n${USAGE}`);
    return 2;
  }
  const file = positional[0] ?? options.defaultEvalFile;

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.stderr.write(`banwatch eval: cannot read ${file}: ${errorMessage(error)}\n`);
    return 1;
  }
  let classifier;
  try {
    classifier = createClassifier(loadVendorCatalog(options.vendorsFile));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`banwatch eval: ${error.message}\n`);
    return 2;
  }
  let rows;
  try {
    rows = parseEvalJsonl(text);
  } catch (error) {
    if (!(error instanceof EvalRowError)) throw error;
    io.stderr.write(`banwatch eval: ${file}: ${error.message}\n`);
    return 1;
  }
  if (rows.length === 0) {
    io.stderr.write(`banwatch eval: ${file} holds no headlines\n`);
    return 1;
  }
  const report = evaluate(rows, classifier);
  io.stdout.write(flags.includes('--json') ? `${JSON.stringify({ file, ...report })}\n` : formatReport(report, file));
  return 0;
}
