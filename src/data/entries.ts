/*
 * Every entry of every collection (lessons, log entries, loose notes, notebooks), read once per build and
 * given its locale and slug. Pages and route data read content only through here.
 */
import type { MarkdownHeading } from 'astro';
import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { splitEntryId, type Locale } from '../lib/locales';
import { collections } from '../lib/collections';
import { liveEntries, perContentVersion } from '../node/live-collections';

/** A collection's entries: in dev, as the content layer holds them this moment (see live-collections.ts). */
async function entriesOf<C extends CollectionKey>(collection: C): Promise<CollectionEntry<C>[]> {
  const live = import.meta.env.DEV ? liveEntries(collection) : undefined;
  // The shape getCollection gives an entry without image fields: the stored entry and its collection.
  return live
    ? live.map((entry) => ({ ...entry, collection }) as unknown as CollectionEntry<C>)
    : getCollection(collection);
}

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

/** Every lesson in both languages, read once per build. */
export const allLessons = perContentVersion((): Promise<Lesson[]> =>
  entriesOf('lessons').then((entries) =>
    entries.map((entry) => {
      const { locale, slug } = splitEntryId(entry.id);
      return { entry, slug, locale, lesson: entry.data.lesson, part: entry.data.part, title: entry.data.title };
    }),
  ),
);

/** Every log entry in both languages (the loader has checked each date against its file name). */
export const allLogEntries = perContentVersion((): Promise<LogEntry[]> =>
  entriesOf('log').then((entries) =>
    entries.map((entry) => {
      const { locale, slug } = splitEntryId(entry.id);
      return { entry, slug, locale, date: entry.data.date, title: entry.data.title };
    }),
  ),
);

export interface LooseNote {
  entry: CollectionEntry<'notes'>;
  slug: string;
  locale: Locale;
  title: string;
  /** The lesson the note is about (`lesson:` in its frontmatter). */
  lesson: number | undefined;
}

/** Notes that are not lessons (imported cheat sheets, reading notes), in both languages. */
export const allLooseNotes = perContentVersion((): Promise<LooseNote[]> =>
  entriesOf('notes').then((entries) =>
    entries
      .map((entry) => ({ entry, ...splitEntryId(entry.id), title: entry.data.title, lesson: entry.data.lesson }))
      .sort((a, b) => a.title.localeCompare(b.title)),
  ),
);

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

/** Jupyter notebooks in both languages, in lesson order, then by title. */
export const allNotebooks = perContentVersion((): Promise<NotebookEntry[]> =>
  entriesOf('notebooks').then((entries) =>
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
  ),
);

/**
 * Which notes the site has (every collection's entry ids, in order), as one string: what every page
 * depends on besides its own route data, since the header links the sections a language has notes in.
 */
export async function siteShape(): Promise<string> {
  const ids = await Promise.all(
    collections.map(async (name) => (await entriesOf(name)).map((e) => `${name}/${e.id}`).sort()),
  );
  return ids.flat().join('\n');
}
