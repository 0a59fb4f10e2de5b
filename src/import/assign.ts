import path from 'node:path';
import type { LoadedDoc } from './load.ts';
import type { LogSection } from './log.ts';
import { kebab, slugOf } from './slug.ts';

/** Where each imported note goes, decided before any note is written so links can point ahead. */
export interface Assignment {
  /** Lesson or loose-note page for a document (a README keeps its non-log part as a note). */
  page: Map<LoadedDoc, string>;
  /** Log entry file of each dated section. */
  log: Map<LogSection, string>;
}

/**
 * Deterministic paths: lessons are `lessons/<locale>/lesson-N.md` so both languages pair up;
 * loose notes take a kebab-case of their file name; log entries their date, with `-1`, `-2` when a
 * day has several. A path already used in this run, or written by another source's import
 * (`taken`), is never reused: the newcomer gets its source's name or a number appended.
 */
export function assignPaths(docs: readonly LoadedDoc[], taken: (p: string) => boolean): Assignment {
  const used = new Set<string>();
  const claim = (dir: string, base: string, qualifier: string): string => {
    const options = [base, `${base}-${qualifier}`];
    for (let n = 2; options.length < 50; n++) options.push(`${base}-${qualifier}-${n}`);
    for (const slug of options) {
      const p = `${dir}/${slug}.md`;
      if (!used.has(p) && !taken(p)) {
        used.add(p);
        return p;
      }
    }
    throw new Error(`no free file name for ${dir}/${base}.md`);
  };
  const page = new Map<LoadedDoc, string>();
  const log = new Map<LogSection, string>();
  const lessonFolders = new Set(
    docs.filter((d) => d.doc.lesson !== undefined).map((d) => `${d.doc.root}/${path.posix.dirname(d.doc.rel)}`),
  );

  for (const d of docs.filter((x) => x.doc.lesson !== undefined)) {
    page.set(d, claim(`lessons/${d.locale}`, `lesson-${d.doc.lesson}`, kebab(d.doc.rootName) || 'import'));
  }
  for (const d of docs.filter((x) => x.doc.lesson === undefined)) {
    if (d.sections.length && !hasContentOutside(d)) continue;
    page.set(d, claim(`notes/${d.locale}`, noteSlug(d, lessonFolders), kebab(d.doc.rootName) || 'import'));
  }
  for (const d of docs) assignLog(d, log, used, taken);
  return { page, log };
}

function noteSlug(d: LoadedDoc, lessonFolders: ReadonlySet<string>): string {
  const { rel, rootName, root } = d.doc;
  if (!d.doc.readme) return slugOf(path.posix.basename(rel).replace(/\.(md|markdown)$/i, ''));
  const folder = path.posix.dirname(rel);
  // The README beside the lesson files is the course index, in whichever language: one slug pairs them.
  if (lessonFolders.has(`${root}/${folder}`)) return 'lesson-index';
  return slugOf(folder === '.' ? rootName : path.posix.basename(folder));
}

function hasContentOutside(d: LoadedDoc): boolean {
  let rest = d.text;
  for (const s of [...d.sections].reverse()) rest = rest.slice(0, s.start) + rest.slice(s.end);
  return /\S/.test(rest);
}

function assignLog(d: LoadedDoc, log: Map<LogSection, string>, used: Set<string>, taken: (p: string) => boolean): void {
  const byDate = new Map<string, LogSection[]>();
  for (const s of d.sections) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
  const first = d.sections[0]?.date ?? '';
  const descending = first > (d.sections.at(-1)?.date ?? '');
  for (const [date, list] of byDate) {
    // Number a day's entries in time order: a newest-first log lists the later entry first.
    const ordered = [...list].sort((a, b) => (a.time && b.time ? timeKey(a.time) - timeKey(b.time) : 0));
    if (descending && !ordered.every((s) => s.time)) ordered.reverse();
    const dir = `log/${d.locale}`;
    let n = list.length === 1 ? 0 : 1;
    for (const s of ordered) {
      for (;;) {
        const p = `${dir}/${n === 0 ? date : `${date}-${n}`}.md`;
        if (!used.has(p) && !taken(p)) {
          used.add(p);
          log.set(s, p);
          break;
        }
        n += 1;
      }
      n = Math.max(n + 1, 2);
    }
  }
}

function timeKey(time: string): number {
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}
