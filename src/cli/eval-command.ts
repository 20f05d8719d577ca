/**
 * `banwatch eval [FILE...]`: scores the classifier on labelled headlines (JSONL in the shape of
 * shared/eval/dev-headlines.jsonl) and prints, per file and pooled over all of them, precision,
 * recall, F1 and per-field accuracy, then every miss with the classifier's reasons, grouped by
 * what the classifier lacked (unknown vendor, unknown list, unknown place, paraphrase, trap), so a
 * wrong rule can be found from its output.
 */
import { readFile } from 'node:fs/promises';
import { createClassifier } from '../classify/classifier.js';
import { EvalRowError, parseEvalJsonl, type EvalRow } from '../classify/eval/eval-rows.js';
import { evaluate, FIELDS, type EvalReport, type Miss } from '../classify/eval/evaluate.js';
import { groupMisses } from '../classify/eval/miss-kinds.js';
import { evaluateUnknownVendors, INVENTED_VENDOR, type UnknownVendorReport } from '../classify/eval/unknown-vendors.js';
import { loadVendorCatalog, type LoadedCatalog } from '../classify/vendor-catalog.js';
import type { Classifier } from '../domain/classification.js';
import { ConfigError, errorMessage } from '../shared/errors.js';
import type { CliIo } from './cli-io.js';

const USAGE = 'usage: banwatch eval [FILE...] [--unknown-vendors] [--json]\n';
const FLAGS = new Set(['--json', '--unknown-vendors']);

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

function figures(report: EvalReport, label: string): string[] {
  return [
    `${report.rows} labelled headlines from ${label}`,
    `relevant: precision ${fixed(report.precision)}  recall ${fixed(report.recall)}  F1 ${fixed(report.f1)}` +
      `  (true positives ${report.truePositives}, false positives ${report.falsePositives},` +
      ` false negatives ${report.falseNegatives}, true negatives ${report.trueNegatives})`,
    `fields, on the ${report.truePositives} headlines both the label and the classifier call relevant:`,
    ...FIELDS.map((field) => {
      const f = report.fields[field];
      return `  ${field.padEnd(13)} ${fixed(f.accuracy)}  (${f.correct}/${f.total})`;
    }),
  ];
}

export function formatReport(report: EvalReport, file: string): string {
  const lines = figures(report, file);
  lines.push(report.misses.length === 0 ? 'misses: none' : `misses (${report.misses.length}), by what was lacking:`);
  for (const [kind, misses] of groupMisses(report.misses)) {
    lines.push(`${kind} (${misses.length}):`);
    for (const miss of misses) {
      lines.push(`- ${miss.kind}: ${miss.title}`);
      if (miss.kind === 'wrong field') lines.push(...miss.details.map((d) => `    ${d}`));
      else lines.push(`    ${describeExpected(miss)}`, `    ${describeGot(miss)}`);
      lines.push(...miss.got.reasons.map((r) => `    reason: ${r}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The figures of every file together, and how many misses of each kind they hold. */
export function formatPooled(report: EvalReport, files: number): string {
  const lines = figures(report, `${files} files, pooled`);
  lines.push(
    `misses by kind: ${
      groupMisses(report.misses)
        .map(([k, m]) => `${k} ${m.length}`)
        .join(', ') || 'none'
    }`,
  );
  return `${lines.join('\n')}\n`;
}

/** How the headlines fare with their vendor unknown (`--unknown-vendors`). */
export function formatUnknownVendors(report: UnknownVendorReport): string {
  const lines = [
    `unknown vendors: ${report.headlines} relevant headlines naming one catalogued vendor, its name replaced by "${INVENTED_VENDOR}"`,
    `  named          ${report.found}  (recall ${fixed(report.recall)})`,
    `  relevant, the name not found  ${report.relevantWithoutName}`,
    `  not relevant   ${report.notRelevant}`,
  ];
  if (report.misses.length) lines.push(`misses (${report.misses.length}):`);
  for (const miss of report.misses) {
    lines.push(`- ${miss.outcome}: ${miss.title}`, ...miss.reasons.map((r) => `    reason: ${r}`));
  }
  return `${lines.join('\n')}\n`;
}

async function readRows(file: string, io: CliIo): Promise<EvalRow[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.stderr.write(`banwatch eval: cannot read ${file}: ${errorMessage(error)}\n`);
    return undefined;
  }
  try {
    const rows = parseEvalJsonl(text);
    if (rows.length > 0) return rows;
    io.stderr.write(`banwatch eval: ${file} holds no headlines\n`);
    return undefined;
  } catch (error) {
    if (!(error instanceof EvalRowError)) throw error;
    io.stderr.write(`banwatch eval: ${file}: ${error.message}\n`);
    return undefined;
  }
}

export async function evalCommand(
  args: string[],
  io: CliIo,
  options: { vendorsFile: string; defaultEvalFiles: readonly string[] },
): Promise<number> {
  const flags = args.filter((a) => a.startsWith('-'));
  const positional = args.filter((a) => !a.startsWith('-'));
  if (flags.some((f) => f === '-h' || f === '--help')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const unknown = flags.find((f) => !FLAGS.has(f));
  if (unknown !== undefined) {
    io.stderr.write(`banwatch eval: unknown option ${unknown}\n${USAGE}`);
    return 2;
  }
  const files = positional.length > 0 ? positional : [...options.defaultEvalFiles];
  const sets: Array<{ file: string; rows: EvalRow[] }> = [];
  for (const file of files) {
    const rows = await readRows(file, io);
    if (!rows) return 1;
    sets.push({ file, rows });
  }
  let classifier: Classifier;
  let catalog: LoadedCatalog;
  try {
    catalog = loadVendorCatalog(options.vendorsFile);
    classifier = createClassifier(catalog);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`banwatch eval: ${error.message}\n`);
    return 2;
  }
  const reports = sets.map(({ file, rows }) => ({ file, ...evaluate(rows, classifier) }));
  const pooled =
    sets.length > 1
      ? evaluate(
          sets.flatMap((s) => s.rows),
          classifier,
        )
      : undefined;
  const unknownVendors = flags.includes('--unknown-vendors')
    ? evaluateUnknownVendors(
        sets.flatMap((s) => s.rows),
        classifier,
        catalog,
      )
    : undefined;
  if (flags.includes('--json')) {
    const json = pooled ? { files: reports, pooled } : reports[0];
    io.stdout.write(`${JSON.stringify(unknownVendors ? { ...json, unknownVendors } : json)}\n`);
    return 0;
  }
  io.stdout.write(reports.map((r) => formatReport(r, r.file)).join('\n'));
  if (pooled) io.stdout.write(`\n${formatPooled(pooled, sets.length)}`);
  if (unknownVendors) io.stdout.write(`\n${formatUnknownVendors(unknownVendors)}`);
  return 0;
}
