import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PlannedFile } from './types';

export const MANIFEST = '.import-manifest.json';
export const INCOMING = '.incoming';

/** What the importer last wrote: path → content hash and source. The only state between runs. */
export interface Manifest {
  version: 1;
  files: Record<string, { sha256: string; source: string }>;
}

export type Action = 'create' | 'update' | 'unchanged' | 'conflict' | 'force' | 'remove' | 'keep-edited';

export interface WriteResult {
  actions: { path: string; action: Action }[];
  conflicts: string[];
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function readManifest(out: string): Manifest {
  const file = path.join(out, MANIFEST);
  if (!fs.existsSync(file)) return { version: 1, files: {} };
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Manifest>;
  return { version: 1, files: parsed.files ?? {} };
}

/** Sorted keys and a trailing newline, so an unchanged import leaves the manifest byte-identical. */
export function serialiseManifest(m: Manifest): string {
  const files = Object.fromEntries(Object.entries(m.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}

/** Top folder of a `source` value (`fastai-notes/README.md` → `fastai-notes`): which import wrote a file. */
export function sourceRoot(source: string): string {
  return source.split('/')[0] ?? source;
}

/**
 * A path the plan may not take because another source's import wrote it. Files the importer did
 * not write are not "taken": planning the same path for them ends in a conflict, never a rename,
 * so a lost manifest does not scatter a second copy of every note under new names.
 */
export function takenBy(manifest: Manifest, roots: ReadonlySet<string>): (p: string) => boolean {
  return (p) => {
    const entry = manifest.files[p];
    return entry !== undefined && !roots.has(sourceRoot(entry.source));
  };
}

/**
 * Applies a plan. A file changed by the person since the last import is never overwritten: the new
 * version goes beside it as `<name>.incoming` and counts as a conflict (`force` overwrites). Files
 * this source wrote before and no longer produces are removed unless edited.
 */
export function writePlan(
  out: string,
  files: readonly PlannedFile[],
  roots: ReadonlySet<string>,
  options: { dryRun: boolean; force: boolean },
): WriteResult {
  const manifest = readManifest(out);
  const next: Manifest = { version: 1, files: { ...manifest.files } };
  const result: WriteResult = { actions: [], conflicts: [] };
  const write = (p: string, data: Uint8Array | string) => {
    if (options.dryRun) return;
    fs.mkdirSync(path.dirname(path.join(out, p)), { recursive: true });
    fs.writeFileSync(path.join(out, p), data);
  };
  const planned = new Set(files.map((f) => f.path));

  for (const f of files) {
    const data = f.kind === 'markdown' ? f.content : fs.readFileSync(f.from);
    const hash = sha256(data);
    const target = path.join(out, f.path);
    const current = fs.existsSync(target) ? sha256(fs.readFileSync(target)) : undefined;
    const known = manifest.files[f.path]?.sha256;
    let action: Action;
    if (current === undefined) action = 'create';
    else if (current === hash) action = 'unchanged';
    else if (current === known) action = 'update';
    else action = options.force ? 'force' : 'conflict';

    if (action === 'conflict') {
      write(f.path + INCOMING, data);
      result.conflicts.push(f.path);
    } else {
      if (action !== 'unchanged') write(f.path, data);
      next.files[f.path] = { sha256: hash, source: f.source };
      if (!options.dryRun && fs.existsSync(target + INCOMING)) fs.rmSync(target + INCOMING);
    }
    result.actions.push({ path: f.path, action });
  }

  for (const [p, entry] of Object.entries(manifest.files)) {
    if (planned.has(p) || !roots.has(sourceRoot(entry.source))) continue;
    const target = path.join(out, p);
    const edited = fs.existsSync(target) && sha256(fs.readFileSync(target)) !== entry.sha256;
    if (edited) {
      result.actions.push({ path: p, action: 'keep-edited' });
      continue;
    }
    if (!options.dryRun && fs.existsSync(target)) fs.rmSync(target);
    delete next.files[p];
    result.actions.push({ path: p, action: 'remove' });
  }
  if (!options.dryRun) {
    fs.mkdirSync(out, { recursive: true });
    const serial = serialiseManifest(next);
    const file = path.join(out, MANIFEST);
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== serial) fs.writeFileSync(file, serial);
  }
  return result;
}
