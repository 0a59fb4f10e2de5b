import fs from 'node:fs';
import path from 'node:path';
import { readCommandLine } from '../lib/command-line';
import { ImportError } from './load';
import { planImport } from './plan';
import { buildReport, formatReport, type ImportReport } from './report';
import { readManifest, takenBy, writePlan } from './writer';

export const USAGE = `Usage: npm run import -- <source-dir> [<source-dir>…] --out <notes-dir> [--dry-run] [--force] [--json <file>] [--help]

  <source-dir>   a notes repository (Markdown, images, a README with a study log); several may be given
  --out          the notes folder to write; build it with NOTES_DIR=<notes-dir> npm run build
  --dry-run      print the plan, write nothing
  --force        overwrite files edited since the last import (otherwise they get a .incoming copy)
  --json <file>  also write the report as JSON
  --help         print this and exit`;

export interface CliOptions {
  sources: string[];
  out: string;
  dryRun: boolean;
  force: boolean;
  json?: string;
}

/**
 * Reads the command line with Node's own parser (`node:util` parseArgs). Returns `'help'` for
 * `--help`; throws with a message for anything it cannot use.
 */
export function parseArgs(argv: readonly string[]): CliOptions | 'help' {
  const { values, positionals } = readCommandLine({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string', short: 'o' },
      json: { type: 'string' },
      'dry-run': { type: 'boolean', short: 'n', default: false },
      force: { type: 'boolean', short: 'f', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (!positionals.length) throw new Error('no source folder given');
  if (!values.out) throw new Error('--out <notes-dir> is required');
  const options: CliOptions = { sources: positionals, out: values.out, dryRun: values['dry-run'], force: values.force };
  if (values.json) options.json = values.json;
  return options;
}

/** Runs one import; the return value is what `--json` writes. */
export function runImport(options: CliOptions): { report: ImportReport; text: string } {
  const out = path.resolve(options.out);
  const roots = new Set(options.sources.map((s) => path.basename(path.resolve(s))));
  const manifest = readManifest(out);
  const plan = planImport(options.sources, takenBy(manifest, roots));
  const written = writePlan(out, plan.files, roots, { dryRun: options.dryRun, force: options.force });
  const report = buildReport(plan, written, { sources: options.sources, out: options.out, dryRun: options.dryRun });
  return { report, text: formatReport(report, written) };
}

export function main(argv: readonly string[]): number {
  let options: CliOptions;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      console.log(USAGE);
      return 0;
    }
    options = parsed;
  } catch (error) {
    console.error(`import: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  try {
    const { report, text } = runImport(options);
    process.stdout.write(text);
    if (options.json) fs.writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } catch (error) {
    const file = error instanceof ImportError ? error.file : undefined;
    console.error(`import failed${file ? ` on ${file}` : ''}: ${(error as Error).message}`);
    return 1;
  }
}
