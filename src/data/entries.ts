/*
 * Every entry of every collection (lessons, log entries, loose notes, notebooks), read once per build and
 * given its locale and slug. Pages and route data read content only through here.
 */
import type { MarkdownHeading } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { splitEntryId, type Locale } from '../lib/locales';
import { collections } from '../lib/collections';
import { dateFromLogSlug, isoDay } from '../lib/log';

export interface Lesson {
  entry: CollectionEntry<'lessons'>;
  slug: string;
  locale: Locale;
  lesson: number;
  part: 1 | 2;
  title: string;
}

export interface LogEntry {
  entry: CollectionEntry<'log'>;
  slug: string;
  locale: Locale;
  date: Date;
  title: string;
}

let lessonsCache: Promise<Lesson[]> | undefined;
let logCache: Promise<LogEntry[]> | undefined;

/** Every lesson in both languages, read once per build. */
export function allLessons(): Promise<Lesson[]> {
  lessonsCache ??= getCollection('lessons').then((entries) =>
    entries.map((entry) => {
      const { locale, slug } = splitEntryId(entry.id);
      return { entry, slug, locale, lesson: entry.data.lesson, part: entry.data.part, title: entry.data.title };
    }),
  );
  return lessonsCache;
}

/** Every log entry in both languages; a date that disagrees with its file name stops the build. */
export function allLogEntries(): Promise<LogEntry[]> {
  logCache ??= getCollection('log').then((entries) =>
    entries.map((entry) => {
      const { locale, slug } = splitEntryId(entry.id);
      const named = dateFromLogSlug(slug);
      const written = isoDay(entry.data.date);
      if (named !== written) {
        const file = entry.filePath ?? entry.id;
        throw new Error(
          named
            ? `${file}: frontmatter "date" is ${written} but the file name says ${named}. Make them agree (rename the file or fix the date).`
            : `${file}: a log entry's file name must be its date, YYYY-MM-DD.md or YYYY-MM-DD-2.md.`,
        );
      }
      return { entry, slug, locale, date: entry.data.date, title: entry.data.title };
    }),
  );
  return logCache;
}

export interface LooseNote {
  entry: CollectionEntry<'notes'>;
  slug: string;
  locale: Locale;
  title: string;
  /** The lesson the note is about (`lesson:` in its frontmatter). */
  lesson: number | undefined;
}

let notesCache: Promise<LooseNote[]> | undefined;

/** Notes that are not lessons (imported cheat sheets, reading notes), in both languages. */
export function allLooseNotes(): Promise<LooseNote[]> {
  notesCache ??= getCollection('notes').then((entries) =>
    entries
      .map((entry) => ({ entry, ...splitEntryId(entry.id), title: entry.data.title, lesson: entry.data.lesson }))
      .sort((a, b) => a.title.localeCompare(b.title)),
  );
  return notesCache;
}

export interface NotebookEntry {
  entry: CollectionEntry<'notebooks'>;
  slug: string;
  locale: Locale;
  title: string;
  /** The lesson the notebook belongs to, from its metadata or sidecar. */
  lesson: number | undefined;
  /** The Markdown cells' headings and whether anything typesets math, as the loader stored them. */
  headings: MarkdownHeading[];
  hasMath: boolean;
}

let notebooksCache: Promise<NotebookEntry[]> | undefined;

/** Jupyter notebooks in both languages, in lesson order, then by title. */
export function allNotebooks(): Promise<NotebookEntry[]> {
  notebooksCache ??= getCollection('notebooks').then((entries) =>
    entries
      .map((entry) => {
        // The notebook loader stores these with the rendered cells; Astro types them loosely.
        const metadata = entry.rendered?.metadata;
        const headings = Array.isArray(metadata?.headings) ? metadata.headings : [];
        const frontmatter = (metadata?.frontmatter ?? {}) as Record<string, unknown>;
        return {
          entry,
          ...splitEntryId(entry.id),
          title: entry.data.title,
          lesson: entry.data.lesson,
          headings,
          hasMath: Boolean(frontmatter['hasMath']),
        };
      })
      .sort((a, b) => (a.lesson ?? 99) - (b.lesson ?? 99) || a.title.localeCompare(b.title)),
  );
  return notebooksCache;
}

/**
 * Which notes the site has (every collection's entry ids, in order), as one string: what every page
 * depends on besides its own route data, since the header links the sections a language has notes in.
 */
export async function siteShape(): Promise<string> {
  const ids = await Promise.all(
    collections.map(async (name) => (await getCollection(name)).map((e) => `${name}/${e.id}`).sort()),
  );
  return ids.flat().join('\n');
}
