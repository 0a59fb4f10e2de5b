import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scriptArgs } from '../lib/run-script';

export const corpusRoot = path.resolve('../shared/corpus');

/** Imports the real notes in ../shared/corpus (when present) into a notes folder; false when absent. */
export function importCorpus(notes: string): boolean {
  const sources = ['fastai-notes', 'hiromis-notes'].map((s) => path.join(corpusRoot, s));
  if (!sources.every((s) => fs.existsSync(s))) return false;
  fs.rmSync(notes, { recursive: true, force: true });
  const t0 = Date.now();
  const r = spawnSync(process.execPath, scriptArgs('scripts/import.ts', ...sources, '--out', notes), {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error('corpus import failed');
  console.log(`imported the corpus in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}
