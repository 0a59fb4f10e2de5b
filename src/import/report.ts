import fs from 'node:fs';
import path from 'node:path';
import { courseParts } from '../lib/course';
import type { LessonChoice } from './assign';
import type { Plan } from './plan';
import type { EncodingRepair, HtmlChange, MissingImage, RefusedFile, RestorationToCheck, SourcePlace } from './types';
import type { Action, WriteResult } from './writer';

/** The run's outcome, printed for people and written as JSON (`--json`) for tests and tools. */
export interface ImportReport {
  sources: string[];
  out: string;
  dryRun: boolean;
  notes: number;
  lessons: number;
  /** Lesson numbers present in both languages in the notes folder after this run. */
  lessonsPaired: number[];
  /** `zh:8`, `en:12`: lessons with only one language. */
  lessonsUnpaired: string[];
  /** Lessons that had several files in one language: the file that became the lesson, why, and the files that became notes on it. */
  lessonChoices: LessonChoice[];
  logEntries: number;
  /** Jupyter notebooks copied to notebooks/<lang>/. */
  notebooks: number;
  notebooksSkipped: { file: string; reason: string }[];
  imagesCopied: number;
  imagesMissing: MissingImage[];
  /** Files not taken, with the reason: symbolic links, images that are not images. */
  refused: RefusedFile[];
  htmlRemoved: HtmlChange[];
  htmlRepaired: HtmlChange[];
  encodingRepairs: EncodingRepair[];
  /** Characters restored from lost bytes that the model was not sure of, to check by hand. */
  restorationsToCheck: RestorationToCheck[];
  /** Formula images from a web service (CodeCogs…) turned into math the site typesets. */
  formulaImages: (SourcePlace & { tex: string; typeset: boolean })[];
  brokenFrontmatter: SourcePlace[];
  unresolvedLinks: (SourcePlace & { url: string })[];
  conflicts: string[];
  files: Partial<Record<Action, number>>;
}

export function buildReport(
  plan: Plan,
  written: WriteResult,
  meta: { sources: string[]; out: string; dryRun: boolean },
): ImportReport {
  const planned = new Set(plan.files.map((f) => f.path));
  const exists = (p: string) => planned.has(p) || fs.existsSync(path.join(meta.out, p));
  const paired: number[] = [];
  const unpaired: string[] = [];
  const last = courseParts.at(-1)?.last ?? 12;
  for (let n = 1; n <= last; n++) {
    const zh = exists(`lessons/zh/lesson-${n}.md`);
    const en = exists(`lessons/en/lesson-${n}.md`);
    if (zh && en) paired.push(n);
    else if (zh || en) unpaired.push(`${zh ? 'zh' : 'en'}:${n}`);
  }
  const files: Partial<Record<Action, number>> = {};
  for (const a of written.actions) files[a.action] = (files[a.action] ?? 0) + 1;
  const f = plan.findings;
  return {
    ...meta,
    notes: plan.notes.length,
    lessons: plan.lessons.length,
    lessonsPaired: paired,
    lessonsUnpaired: unpaired,
    lessonChoices: plan.lessonChoices,
    logEntries: plan.logEntries.length,
    notebooks: plan.notebooks.length,
    notebooksSkipped: f.notebooksSkipped,
    imagesCopied: plan.files.filter((x) => x.kind === 'image').length,
    imagesMissing: f.missingImages,
    refused: f.refused,
    htmlRemoved: f.htmlRemoved,
    htmlRepaired: f.htmlRepaired,
    encodingRepairs: f.encodingRepairs,
    restorationsToCheck: f.restorationsToCheck,
    formulaImages: f.formulaImages,
    brokenFrontmatter: f.brokenFrontmatter,
    unresolvedLinks: f.unresolvedLinks,
    conflicts: written.conflicts,
    files,
  };
}

const at = (p: SourcePlace) => (p.line ? `${p.file}:${p.line}` : p.file);

/** @example formatToCheck(place) // 'chinese/Lesson3.md:12:5 — 从 (or 丛, 仁)  …课上「从」零开始…' */
export function formatToCheck(p: RestorationToCheck): string {
  const others = p.alternatives.length ? ` (or ${p.alternatives.join(', ')})` : '';
  return `${at(p)}:${p.column} — ${p.restored}${others}  …${p.context}…`;
}

export function formatReport(r: ImportReport, plan?: WriteResult): string {
  const lines: string[] = [];
  const row = (label: string, value: string | number) => lines.push(`  ${label.padEnd(20)}${value}`);
  const list = <T>(items: readonly T[], show: (x: T) => string, limit = Infinity) => {
    for (const x of items.slice(0, limit)) lines.push(`      ${show(x)}`);
    if (items.length > limit) lines.push(`      … and ${items.length - limit} more (see --json)`);
  };
  lines.push(
    `${r.dryRun ? 'Import plan (dry run, nothing written)' : 'Import report'}: ${r.sources.join(', ')} → ${r.out}`,
  );
  if (plan && r.dryRun)
    list(
      plan.actions.filter((a) => a.action !== 'unchanged'),
      (a) => `${a.action.padEnd(11)} ${a.path}`,
    );
  row('notes', r.notes);
  row(
    'lessons',
    `${r.lessons} (paired zh/en: ${r.lessonsPaired.join(', ') || 'none'}${r.lessonsUnpaired.length ? `; one language: ${r.lessonsUnpaired.join(', ')}` : ''})`,
  );
  for (const c of r.lessonChoices) {
    lines.push(`      ${c.locale}:${c.lesson} is ${c.file} (${c.why}); notes on it: ${c.notes.join(', ')}`);
  }
  row('log entries', r.logEntries);
  row('notebooks', r.notebooks);
  if (r.notebooksSkipped.length) {
    row('notebooks skipped', r.notebooksSkipped.length);
    list(r.notebooksSkipped, (n) => `${n.file}  ${n.reason}`);
  }
  row('images copied', r.imagesCopied);
  row('images missing', r.imagesMissing.length);
  list(r.imagesMissing, (m) => `${at(m)}  ${m.path}  (placeholder in ${m.note})`);
  row('refused', r.refused.length);
  list(r.refused, (x) => `${at(x)}  ${x.path}  ${x.reason}${x.note ? ` (placeholder in ${x.note})` : ''}`);
  row('HTML removed', r.htmlRemoved.length);
  list(r.htmlRemoved, (h) => `${at(h)}  ${h.what}`);
  row('HTML repaired', r.htmlRepaired.length);
  list(r.htmlRepaired, (h) => `${at(h)}  ${h.what}`, 20);
  row('encoding repairs', r.encodingRepairs.length);
  list(r.encodingRepairs, (e) => `${e.file}  ${e.detail}`);
  if (r.restorationsToCheck.length) {
    // The text has the likeliest reading; these are the places where another was nearly as likely.
    lines.push(
      `  restored encoding: places to check (${r.restorationsToCheck.length}; the text has the first reading)`,
    );
    list(r.restorationsToCheck, formatToCheck, 40);
  }
  // Images of formulas from a web service become math; TeX that KaTeX cannot read is listed to fix.
  const untypeset = r.formulaImages.filter((m) => !m.typeset);
  row(
    'formula images',
    `${r.formulaImages.length}${r.formulaImages.length ? ` turned into math${untypeset.length ? `, ${untypeset.length} kept as code (not valid TeX)` : ''}` : ''}`,
  );
  list(untypeset, (m) => `${at(m)}  ${m.tex}  (shown as code; fix the TeX to typeset it)`);
  if (r.brokenFrontmatter.length) {
    row('broken front matter', r.brokenFrontmatter.length);
    list(r.brokenFrontmatter, (b) => `${at(b)}  kept in the body as a yaml code block`);
  }
  row('links not imported', r.unresolvedLinks.length);
  list(r.unresolvedLinks, (u) => `${at(u)}  ${u.url}`, 10);
  row('conflicts', r.conflicts.length);
  list(r.conflicts, (c) => `${c}  (edited since the last import; new version in ${c}.incoming, --force overwrites)`);
  row(
    'files',
    Object.entries(r.files)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ') || 'none',
  );
  return `${lines.join('\n')}\n`;
}
