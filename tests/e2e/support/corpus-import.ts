import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportReport } from '../../../src/import/report';
import { scriptArgs } from '../../../scripts/lib/run-script';

const repo = path.resolve(import.meta.dirname, '../../..');
const corpus = process.env['CORPUS_DIR'] ?? path.resolve(repo, '../shared/corpus');

/** The two real notes repositories in ../shared/corpus (read-only, never copied into the project). */
export const corpusSources = ['fastai-notes', 'hiromis-notes'].map((s) => path.join(corpus, s));

/** Whether this machine has the corpus; where it has not (a plain clone), the corpus tests are skipped. */
export const corpusPresent = corpusSources.every((s) => fs.existsSync(s));

export interface CorpusImport {
  seconds: number;
  stdout: string;
  report: ImportReport;
}

/** Runs the import command into `notes`; asynchronous, so a build can run beside it. */
export async function importCorpusInto(notes: string, json: string): Promise<CorpusImport> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    scriptArgs('scripts/import.ts', ...corpusSources, '--out', notes, '--json', json),
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((done) => child.on('close', done));
  if (status !== 0) throw new Error(`import failed (${status}):\n${stderr}`);
  return {
    seconds: (Date.now() - started) / 1000,
    stdout,
    report: JSON.parse(fs.readFileSync(json, 'utf8')) as ImportReport,
  };
}

/** The first import of the run, made by the global setup beside the test sites' builds. */
export interface FirstCorpusImport {
  /** The folder holding `notes/`; the corpus file builds into it and the teardown removes it. */
  work: string;
  notes: string;
  /** How the import went, or why it failed (the corpus file reports it). */
  result: CorpusImport | { error: string };
}

/**
 * Starts the first import of the corpus: the longest chain of the e2e run (import, build, then the
 * checks) starts with the run instead of with its file, and the import needs no Astro lock.
 */
export function startCorpusImport(): Promise<FirstCorpusImport> | undefined {
  if (!corpusPresent) return undefined;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'import-corpus-'));
  const notes = path.join(work, 'notes');
  return importCorpusInto(notes, path.join(work, 'report.json')).then(
    (result) => ({ work, notes, result }),
    (error: Error) => ({ work, notes, result: { error: error.message } }),
  );
}
