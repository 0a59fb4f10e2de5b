import fs from 'node:fs';
import path from 'node:path';
import { ImportError } from './load.ts';
import { planImport } from './plan.ts';
import { buildReport, formatReport, type ImportReport } from './report.ts';
import { readManifest, takenBy, writePlan } from './writer.ts';

export const USAGE = `Usage: npm run import -- <source-dir> [<source-dir>…] --out <notes-dir> [--dry-run] [--force] [--json <file>]

  <source-dir>   a notes repository (Markdown, images, a README with a study log); several may be given
  --out          the notes folder to write; build it with NOTES_DIR=<notes-dir> npm run build
  --dry-run      print the plan, write nothing
  --force        overwrite files edited since the last import (otherwise they get a .incoming copy)
  --json <file>  also write the report as JSON`;

export interface CliOptions {
  sources: string[];
  out: string;
  dryRun: boolean;
  force: boolean;
  json?: string;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const sources: string[] = [];
  let out: string | undefined;
  let json: string | undefined;
  let dryRun = false;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--out' || arg === '-o') out = argv[++i];
    else if (arg.startsWith('--out=')) out = arg.slice(6);
    else if (arg === '--json') json = argv[++i];
    else if (arg === '--dry-run' || arg === '-n') dryRun = true;
    else if (arg === '--force' || arg === '-f') force = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else sources.push(arg);
  }
  if (!sources.length) throw new Error('no source folder given');
  if (!out) throw new Error('--out <notes-dir> is required');
  return json ? { sources, out, dryRun, force, json } : { sources, out, dryRun, force };
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
    options = parseArgs(argv);
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
