import path from 'node:path';
import type { Locale } from '../lib/locales';
import { namedLikeLesson } from './discover';
import type { LoadedDoc } from './load';
import type { LogSection } from './log';
import { kebab, slugOf } from './slug';

/** Where each imported note goes, decided before any note is written so links can point ahead. */
export interface Assignment {
  /** Lesson or loose-note page for a document (a README keeps its non-log part as a note). */
  page: Map<LoadedDoc, string>;
  /** Log entry file of each dated section. */
  log: Map<LogSection, string>;
  /** Files about a lesson that another file of the same language is the page of: they become notes on it. */
  lessonNotes: Map<LoadedDoc, number>;
  /** Which file became each lesson that had several in one language, and why. */
  lessonChoices: LessonChoice[];
}

/** For the report: a lesson that had several files in one language. */
export interface LessonChoice {
  lesson: number;
  locale: Locale;
  /** The file that became the lesson (as the user names it, `root/rel`). */
  file: string;
  why: 'named like the lesson' | 'the longest' | 'named like the lesson, and the longest of those';
  /** The other files, now notes on the lesson. */
  notes: string[];
}

/**
 * Of the files about one lesson in one language, the lesson's page is the one named like the
 * lesson, else the longest (the main notes, not a close reading of one paper beside them).
 */
function mainOf(group: readonly LoadedDoc[]): { main: LoadedDoc; why: LessonChoice['why'] } {
  const named = group.filter((d) => namedLikeLesson(d.doc.rel));
  if (named.length === 1) return { main: named[0]!, why: 'named like the lesson' };
  const pool = named.length ? named : group;
  const main = pool.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  return { main, why: named.length ? 'named like the lesson, and the longest of those' : 'the longest' };
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
  const lessonNotes = new Map<LoadedDoc, number>();
  const lessonChoices: LessonChoice[] = [];
  const lessonFolders = new Set(
    docs.filter((d) => d.doc.lesson !== undefined).map((d) => `${d.doc.root}/${path.posix.dirname(d.doc.rel)}`),
  );

  const groups = new Map<string, LoadedDoc[]>();
  for (const d of docs.filter((x) => x.doc.lesson !== undefined)) {
    const key = `${d.locale}:${d.doc.lesson}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const group of groups.values()) {
    const { main, why } = mainOf(group);
    const lesson = main.doc.lesson!;
    page.set(main, claim(`lessons/${main.locale}`, `lesson-${lesson}`, kebab(main.doc.rootName) || 'import'));
    const others = group.filter((d) => d !== main);
    for (const d of others) lessonNotes.set(d, lesson);
    if (others.length)
      lessonChoices.push({
        lesson,
        locale: main.locale,
        file: main.doc.display,
        why,
        notes: others.map((d) => d.doc.display),
      });
  }
  // Notes on a lesson keep their own file names: `lesson9-adam-paper.md` → notes/<lang>/lesson9-adam-paper.md.
  for (const d of lessonNotes.keys()) {
    page.set(d, claim(`notes/${d.locale}`, noteSlug(d, lessonFolders), kebab(d.doc.rootName) || 'import'));
  }
  for (const d of docs.filter((x) => x.doc.lesson === undefined)) {
    if (d.sections.length && !hasContentOutside(d)) continue;
    page.set(d, claim(`notes/${d.locale}`, noteSlug(d, lessonFolders), kebab(d.doc.rootName) || 'import'));
  }
  for (const d of docs) assignLog(d, log, used, taken);
  lessonChoices.sort((a, b) => a.locale.localeCompare(b.locale) || a.lesson - b.lesson);
  return { page, log, lessonNotes, lessonChoices };
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
