import path from 'node:path';
import { safeDecode, splitSuffix } from '../lib/markdown/syntax';
import { safeFileName } from './slug';

/** The files of one source folder, for resolving what a note links to. */
export interface SourceIndex {
  files: ReadonlySet<string>;
  /** Symbolic links in the folder → their targets: refused, never followed. */
  symlinks: ReadonlyMap<string, string>;
  /** Lowercased base name → paths, for images written as absolute paths on the author's machine. */
  byName: ReadonlyMap<string, string[]>;
}

export function indexSource(files: readonly string[], symlinks: ReadonlyMap<string, string> = new Map()): SourceIndex {
  const byName = new Map<string, string[]>();
  for (const f of files) {
    const key = path.posix.basename(f).toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), f]);
  }
  return { files: new Set(files), symlinks, byName };
}

export type Resolved =
  | { kind: 'external' }
  /** `rel` is the file's path inside the source folder. */
  | { kind: 'found'; rel: string }
  | { kind: 'missing' }
  /** A symbolic link, or a path through one: `rel` as written in the folder, `reason` for the report. */
  | { kind: 'refused'; rel: string; reason: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const DRIVE = /^[a-z]:\//i;

/**
 * Finds the source file a link or image points to. Relative paths are tried from the note's
 * folder, then the source root, then without leading `../`; `/x` (written for a GitHub repository) from the root, then the
 * note's folder and its parents; `J:\notes\lesson6\a.png` (written on the author's PC) by the
 * longest unambiguous tail of the path.
 */
export function resolveLocal(url: string, noteRel: string, index: SourceIndex): Resolved {
  const trimmed = url.trim();
  if (trimmed.startsWith('#')) return { kind: 'external' };
  let p = safeDecode(splitSuffix(trimmed)[0] ?? '').replace(/\\/g, '/');
  if (/^file:/i.test(p)) p = p.replace(/^file:\/*/i, '/').replace(/^\/([a-z]:\/)/i, '$1');
  else if (SCHEME.test(p) && !DRIVE.test(p)) return { kind: 'external' };
  if (!p) return { kind: 'missing' };
  const noteDir = path.posix.dirname(noteRel);
  const inRoot = (candidate: string) => {
    const norm = path.posix.normalize(candidate).replace(/^\.\//, '');
    return !norm.startsWith('..') && !path.posix.isAbsolute(norm) && index.files.has(norm) ? norm : undefined;
  };
  let candidates: string[];
  if (DRIVE.test(p)) return byTail(p, index);
  if (p.startsWith('/')) {
    const bare = p.replace(/^\/+/, '');
    candidates = [bare, ...ancestors(noteDir).map((d) => path.posix.join(d, bare))];
  } else {
    // `../lesson3/2.png` from a note that was moved one folder down: the tail still names the file.
    candidates = [path.posix.join(noteDir, p), p, path.posix.join(noteDir, p.replace(/^(\.\.\/)+/, ''))];
  }
  for (const c of candidates) {
    const hit = inRoot(c);
    if (hit) return { kind: 'found', rel: hit };
    const link = throughSymlink(c, index);
    if (link) return link;
  }
  return p.startsWith('/') ? byTail(p, index) : { kind: 'missing' };
}

/** A path that is, or passes through, a symbolic link of the source folder. */
function throughSymlink(candidate: string, index: SourceIndex): Resolved | undefined {
  const norm = path.posix.normalize(candidate).replace(/^\.\//, '');
  const parts = norm.split('/');
  for (let k = 1; k <= parts.length; k++) {
    const rel = parts.slice(0, k).join('/');
    const target = index.symlinks.get(rel);
    if (target !== undefined)
      return {
        kind: 'refused',
        rel: norm,
        reason: `is a symbolic link (${rel} → ${target}); symbolic links are not followed, copy the file into the folder instead`,
      };
  }
  return undefined;
}

function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; d && d !== '.'; d = path.posix.dirname(d)) out.push(d);
  return out;
}

function byTail(p: string, index: SourceIndex): Resolved {
  const segments = p.split('/').filter(Boolean);
  const name = segments.at(-1)?.toLowerCase() ?? '';
  const sameName = index.byName.get(name) ?? [];
  for (let k = Math.min(segments.length, 4); k >= 2; k--) {
    const tail = segments.slice(-k).join('/').toLowerCase();
    const hits = sameName.filter((f) => f.toLowerCase() === tail || f.toLowerCase().endsWith(`/${tail}`));
    if (hits.length === 1 && hits[0]) return { kind: 'found', rel: hits[0] };
  }
  // A bare name only counts when it is distinctive (a screenshot's timestamp, not `1.png`).
  if (sameName.length === 1 && sameName[0] && name.length >= 12) return { kind: 'found', rel: sameName[0] };
  return { kind: 'missing' };
}

/**
 * Where a found image goes: in a folder named after the note, keeping its path relative to the
 * note (`lesson1/1.png` → `lesson-1/lesson1/1.png`), so two images never collide.
 */
export function imageOutput(
  foundRel: string,
  noteRel: string,
  noteDirOut: string,
  assetDir: string,
): { outPath: string; url: string } {
  const fromNote = path.posix.relative(path.posix.dirname(noteRel), foundRel);
  const parts = fromNote.startsWith('..')
    ? ['_root', ...foundRel.split('/').map(safeFileName)]
    : fromNote.split('/').map(safeFileName);
  const rel = [assetDir, ...parts].join('/');
  return { outPath: `${noteDirOut}/${rel}`, url: rel.split('/').map(encodeURIComponent).join('/') };
}

/**
 * The URL a missing image keeps, always inside the notes folder: as written when it stays there
 * (the site then shows "image not found: <path>"), otherwise made relative to the note with its
 * leading `/`, `../` or drive removed, so the site's placeholder applies to it and nothing outside
 * the folder is ever named (`../../../../tmp/x.png` → `./tmp/x.png`).
 */
export function missingImageUrl(url: string, outPath: string): string {
  const u = url.trim();
  const p = u.startsWith('/') ? `.${u}` : DRIVE.test(u.replace(/\\/g, '/')) || /^file:/i.test(u) ? `./${u}` : u;
  const target = path.posix.normalize(
    path.posix.join(path.posix.dirname(outPath), safeDecode(splitSuffix(p)[0] ?? '').replace(/\\/g, '/')),
  );
  if (!escapesFolder(target)) return p;
  return `./${p.replace(/\\/g, '/').replace(/^(\.{0,2}\/)+/, '')}`;
}

/** Whether a path relative to the notes folder leads out of it. */
export function escapesFolder(rel: string): boolean {
  const norm = path.posix.normalize(rel);
  return norm === '..' || norm.startsWith('../') || path.posix.isAbsolute(norm);
}
