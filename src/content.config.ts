import fs from 'node:fs';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { partMismatch } from './lib/course';
import { locales, splitEntryId } from './lib/locales';
import { notesDir } from './node/notes-dir';
import { notesGlob, type EntryCheck } from './markdown/workers/notes-glob';
import { mdxIdMessage, mdxIdMistakes } from './lib/heading-ids';
import { logDateProblem } from './lib/log';
import { notebookLoader } from './notebooks/loader';

const root = notesDir();

/** The language this file translates, when the author says so; otherwise the older file is the original. */
const translationOf = z.enum(locales).optional();

/**
 * The version of the original this translation follows: a commit (a short or full hash) or a day.
 * Written by `npm run status -- --mark`; without it, the original as of the translation's last commit.
 */
const translatedFrom = z
  .preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z.union([
      z.date(),
      z
        .string()
        .regex(
          /^(?:[0-9a-f]{4,64}|\d{4}-\d{2}-\d{2})$/i,
          'write a commit of the original (its hash) or a day (2024-05-01)',
        ),
    ]),
  )
  .optional();

/** `## Title {#id}` in an `.mdx` note: MDX would fail on it later without naming the heading or the fix. */
const mdxHeadingIds: EntryCheck = ({ body, filePath }) => {
  if (!filePath?.endsWith('.mdx') || !body?.includes('{#')) return undefined;
  // The whole file, frontmatter too, so the lines named are the file's (the path is the project's).
  const mistakes = mdxIdMistakes(fs.readFileSync(filePath, 'utf8'));
  return mistakes.length ? { message: mdxIdMessage(filePath, mistakes), line: mistakes[0]!.line } : undefined;
};

/** A log entry's frontmatter date must be the day its file is named after. */
const logDate: EntryCheck = ({ id, data, filePath }) => {
  const problem = data['date'] instanceof Date && logDateProblem(filePath ?? id, splitEntryId(id).slug, data['date']);
  return problem ? { message: problem } : undefined;
};

/** A calendar day written as `2023-05-26`; a bare YAML date or a quoted string are both accepted. */
const day = z.coerce.date();

const lessons = defineCollection({
  loader: notesGlob({ pattern: '{zh,en}/**/*.{md,mdx}', base: `${root}/lessons`, check: mdxHeadingIds }),
  schema: z
    .object({
      /** The lesson's own title, without "Lesson N" (the site adds that in the reader's language). */
      title: z.string().min(1),
      /** Position in the course, 1–12; decides order, sidebar and prev/next. */
      lesson: z.number().int().min(1).max(12),
      /** 1 for lessons 1–7, 2 for lessons 8–12; checked against `lesson`. */
      part: z.union([z.literal(1), z.literal(2)]),
      /** One or two sentences for lists, search results and the meta description. */
      summary: z.string().min(1),
      /** The lesson's official video. */
      video: z.url().optional(),
      /** The lesson's official course page. */
      course: z.url().optional(),
      /** Where an imported note came from (a path or URL), shown under the title. */
      source: z.string().optional(),
      /** Day the note was last revised. */
      updated: day.optional(),
      translationOf,
      translatedFrom,
    })
    .superRefine((data, ctx) => {
      const problem = partMismatch(data.lesson, data.part);
      if (problem)
        ctx.addIssue({
          code: 'custom',
          path: ['part'],
          message: `${problem}; fix "part" or "lesson" in the frontmatter`,
        });
    }),
});

const log = defineCollection({
  loader: notesGlob({ pattern: '{zh,en}/**/*.md', base: `${root}/log`, check: logDate }),
  schema: z.object({
    /** The day of the entry; must match the file name (`2023-05-26.md` or `2023-05-26-2.md`). */
    date: day,
    /** Time of day from the original heading, kept when the author wrote one. */
    time: z
      .string()
      .regex(/^\d{1,2}:\d{2}(:\d{2})?$/, 'write the time as HH:MM or HH:MM:SS')
      .optional(),
    title: z.string().min(1),
    /** Short lowercase labels shared by both languages. */
    tags: z.array(z.string().min(1)).default([]),
    /** Where an imported entry came from. */
    source: z.string().optional(),
    translationOf,
    translatedFrom,
  }),
});

const notes = defineCollection({
  loader: notesGlob({ pattern: '{zh,en}/**/*.{md,mdx}', base: `${root}/notes`, check: mdxHeadingIds }),
  schema: z.object({
    /** Loose notes that are not course lessons: cheat sheets, reading notes, an imported README. */
    title: z.string().min(1),
    /** The course lesson (1–12) the note is about: the lesson page lists it and it links back. */
    lesson: z.number().int().min(1).max(12).optional(),
    summary: z.string().optional(),
    source: z.string().optional(),
    updated: day.optional(),
    translationOf,
    translatedFrom,
  }),
});

const notebooks = defineCollection({
  loader: notebookLoader({ base: `${root}/notebooks`, notesRoot: root }),
  schema: z.object({
    /** `metadata.notes.title` or `title:` in `<slug>.yml`; else the first heading of the Markdown cell it opens with; else the file name. */
    title: z.string().min(1),
    /** One or two sentences for the notebook list, search results and the meta description. */
    summary: z.string().optional(),
    /** The course lesson (1–12) the notebook belongs to: the lesson page lists it and it links back. */
    lesson: z.number().int().min(1).max(12).optional(),
    /** The kernel's language (`python`), used to highlight code cells. */
    kernelLanguage: z.string(),
    /** The nbformat the file was saved in; 3 is converted when loading. */
    nbformat: z.number().int(),
    /** Every cell as written: Markdown, code (with its execution count and output types) or raw. */
    cells: z.array(
      z.object({
        type: z.enum(['markdown', 'code', 'raw']),
        source: z.string(),
        executionCount: z.number().int().nullable(),
        outputs: z.array(z.string()),
      }),
    ),
    /** Images from outputs and attachments, written beside the page by `[slug]/[file].ts`. */
    assets: z.array(z.object({ file: z.string(), mime: z.string(), base64: z.string() })),
  }),
});

export const collections = { lessons, log, notes, notebooks };
