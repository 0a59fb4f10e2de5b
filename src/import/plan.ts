import path from 'node:path';
import type { Heading, Root } from 'mdast';
import { assignPaths, type LessonChoice } from './assign';
import { isoDate, stringifyFrontmatter } from './frontmatter';
import { ImportError, loadSource, type LoadedDoc } from './load';
import { detectLocale } from './locale';
import type { LogSection } from './log';
import { parse } from '../lib/markdown/parse';
import { planNotebooks } from './notebooks';
import { t } from '../i18n/ui';
import { importText } from './strings';
import { courseLessonTitles, partOf } from '../lib/course';
import { localizedPath } from '../lib/urls';
import { courseOf, informative, stripLessonLabel, summaryOf, titleFromName, videoOf } from './meta';
import { headingText, leadingHeading } from './outline';
import type { LineMap } from '../lib/text-edits';
import { transformBody, type TransformContext } from './transform';
import { emptyFindings, type Findings, type PlannedFile } from './types';

export interface Plan {
  files: PlannedFile[];
  findings: Findings;
  lessons: { lesson: number; locale: string; path: string }[];
  /** Lessons that had several files in one language: which became the page, why, and the notes. */
  lessonChoices: LessonChoice[];
  notes: string[];
  logEntries: string[];
  notebooks: string[];
}

/** Reads every source and decides every output file, without touching the notes folder. */
export function planImport(sources: readonly string[], taken: (p: string) => boolean): Plan {
  const findings = emptyFindings();
  const docs = sources.flatMap((s) => loadSource(path.resolve(s), findings));
  const { page, log, lessonNotes, lessonChoices } = assignPaths(docs, taken);
  const files = new Map<string, PlannedFile>();
  const plan: Plan = { files: [], findings, lessons: [], lessonChoices, notes: [], logEntries: [], notebooks: [] };

  for (const d of docs) {
    try {
      const imported = new Map(
        [...page].filter(([o]) => o.doc.root === d.doc.root).map(([o, p]) => [o.doc.rel, p] as const),
      );
      const context = (outPath: string): TransformContext => ({
        display: d.doc.display,
        noteRel: d.doc.rel,
        root: d.doc.root,
        index: d.index,
        outPath,
        imported,
        findings,
        copy: (out, fromRel) =>
          files.set(out, { path: out, kind: 'image', from: path.join(d.doc.root, fromRel), source: d.doc.display }),
      });
      const add = (p: string, content: string) =>
        files.set(p, { path: p, kind: 'markdown', content, source: d.doc.display });
      const pagePath = page.get(d);
      if (pagePath && d.doc.lesson !== undefined && !lessonNotes.has(d)) {
        add(pagePath, lessonFile(d, d.doc.lesson, context(pagePath)));
        plan.lessons.push({ lesson: d.doc.lesson, locale: d.locale, path: pagePath });
      } else if (pagePath) {
        add(pagePath, noteFile(d, context(pagePath), d.sections.length, lessonNotes.get(d)));
        plan.notes.push(pagePath);
      }
      for (const s of d.sections) {
        const p = log.get(s);
        if (!p) continue;
        add(p, logFile(d, s, context(p)));
        plan.logEntries.push(p);
      }
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(d.doc.display, error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }
  for (const source of sources) {
    for (const nb of planNotebooks(path.resolve(source), findings, (p) => taken(p) || files.has(p))) {
      files.set(nb.path, nb);
      plan.notebooks.push(nb.path);
    }
  }
  plan.files = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return plan;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function updatedOf(d: LoadedDoc): { date: string } | undefined {
  const date = isoDate(d.data['updated'] ?? d.data['lastmod'] ?? d.data['date']);
  return date ? { date } : undefined;
}

/** The lesson's `# Lesson 1` heading: the first heading of the note, when it is an h1. */
function titleH1(tree: Root): Heading | undefined {
  const first = tree.children.find((n): n is Heading => n.type === 'heading');
  return first?.depth === 1 ? first : undefined;
}

/**
 * The heading right under the lesson's h1 when it reads as a subtitle: only link lines (video,
 * forum) may stand between them. A heading after prose is the first section, not a title.
 */
function subtitleAfter(tree: Root, h1: Heading | undefined): Heading | undefined {
  const start = h1 ? tree.children.indexOf(h1) + 1 : 0;
  for (const node of tree.children.slice(start)) {
    if (node.type === 'heading') return node;
    const linksOnly =
      node.type === 'paragraph' &&
      node.children.every((c) => c.type === 'link' || (c.type === 'text' && /^[\s/|·,，、-]*$/.test(c.value)));
    if (!linksOnly && node.type !== 'html' && node.type !== 'thematicBreak') return undefined;
  }
  return undefined;
}

function lessonFile(d: LoadedDoc, lesson: number, ctx: TransformContext): string {
  const h1 = titleH1(d.tree);
  const next = subtitleAfter(d.tree, h1);
  const fromH1 = h1 ? stripLessonLabel(headingText(h1)) : '';
  const fromNext = next ? headingText(next) : '';
  // A heading that is only "Lesson 3" says nothing the site does not, and one in the other language
  // (a Chinese note under "lesson9 How to train your model") is not this page's title: the course's
  // own title for the lesson, in the page's language, is.
  const known = courseLessonTitles[lesson]?.[d.locale];
  const usable = (text: string) => informative(text) && detectLocale(text).locale === d.locale;
  const title =
    str(d.data['title']) ??
    (usable(fromH1) ? fromH1 : usable(fromNext) ? fromNext : (known ?? t(d.locale, 'lesson.label', { n: lesson })));
  const summary =
    str(d.data['summary']) ??
    str(d.data['description']) ??
    summaryOf(d.tree) ??
    importText(d.locale, 'import.lessonSummary', { n: lesson });
  const body = transformBody(d.text, d.lineMap, ctx, titleH1, d.tree);
  const front = stringifyFrontmatter([
    ['title', title],
    ['lesson', lesson],
    ['part', partOf(lesson)],
    ['summary', summary],
    ['video', videoOf(d.tree)],
    ['course', courseOf(d.tree)],
    ['source', d.doc.display],
    ['updated', updatedOf(d)],
  ]);
  return `${front}\n${body}`;
}

/** A loose note; `lesson` when it is about a lesson whose page is another file (the lesson lists it). */
function noteFile(d: LoadedDoc, ctx: TransformContext, logCount: number, lesson?: number): string {
  const { text, lineMap } = logCount ? withoutLog(d, logCount) : { text: d.text, lineMap: d.lineMap };
  const tree = logCount ? parse(text, { math: true }) : d.tree;
  const lead = leadingHeading(tree);
  const stem = path.posix.basename(d.doc.rel).replace(/\.(md|markdown)$/i, '');
  const fallback = d.doc.readme
    ? path.posix.dirname(d.doc.rel) === '.'
      ? d.doc.rootName
      : path.posix.basename(path.posix.dirname(d.doc.rel))
    : stem;
  // A note on a lesson says which lesson by its `lesson` field: "lesson9 How to…" is "How to…".
  const fromLead = lead ? (lesson === undefined ? headingText(lead) : stripLessonLabel(headingText(lead))) : '';
  const title = str(d.data['title']) ?? (fromLead || titleFromName(fallback));
  const drop = !str(d.data['title']) && fromLead ? leadingHeading : undefined;
  const body = transformBody(text, lineMap, ctx, drop, tree);
  const front = stringifyFrontmatter([
    ['title', title],
    ['lesson', lesson],
    ['summary', str(d.data['summary']) ?? str(d.data['description']) ?? summaryOf(tree)],
    ['source', d.doc.display],
    ['updated', updatedOf(d)],
  ]);
  return `${front}\n${body}`;
}

/** The README without its dated sections, and a line telling readers where the log went. */
function withoutLog(d: LoadedDoc, count: number): { text: string; lineMap: LineMap } {
  const lines = d.text.split('\n');
  const lineOf = (offset: number) => d.text.slice(0, offset).split('\n').length;
  const removed = new Set<number>();
  for (const s of d.sections) for (let l = lineOf(s.start); l <= lineOf(s.end); l++) removed.add(l);
  const pointer = `> ${importText(d.locale, 'import.logMoved', { count, url: localizedPath(d.locale, 'log') })}`;
  const firstLine = lineOf(d.sections[0]?.start ?? 0);
  const out: { text: string; src: number }[] = [];
  let gap = false;
  lines.forEach((text, i) => {
    const line = i + 1;
    if (line === firstLine) out.push({ text: pointer, src: d.lineMap[i] ?? line });
    if (removed.has(line)) gap = true;
    // The blank lines that separated the removed entries would pile up where they were.
    else if (gap && !text.trim()) return;
    else {
      if (gap && out.at(-1)?.text.trim()) out.push({ text: '', src: line });
      gap = false;
      out.push({ text, src: d.lineMap[i] ?? line });
    }
  });
  return { text: out.map((l) => l.text).join('\n'), lineMap: out.map((l) => l.src) };
}

function logFile(d: LoadedDoc, s: LogSection, ctx: TransformContext): string {
  const text = d.text.slice(s.bodyStart, Math.max(s.bodyStart, s.end));
  const firstLine = d.text.slice(0, s.bodyStart).split('\n').length;
  const tree = parse(text, { math: true });
  const body = transformBody(text, d.lineMap.slice(firstLine - 1), ctx, undefined, tree);
  const summary = summaryOf(tree, { inOrder: true });
  const short = summary ? shortTitle(summary) : '';
  const title = s.rest || short || s.date;
  const front = stringifyFrontmatter([
    ['date', { date: s.date }],
    ['time', s.time],
    ['title', title],
    ['tags', []],
    ['source', d.doc.display],
  ]);
  return `${front}\n${body}`;
}

/** A log entry without a heading title is named after its first clause, kept short. */
function shortTitle(sentence: string): string {
  const clause = (/^(.{4,}?)[。！？!?：:，,；;]/.exec(sentence)?.[1] ?? sentence).trim();
  return clause.length <= 60 ? clause : `${clause.slice(0, 59).trimEnd()}…`;
}
