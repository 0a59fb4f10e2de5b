/*
 * The `getStaticPaths` of every page kind. Each hands its pages their route data (see `data.ts`),
 * so page files only choose a template.
 */
import {
  allLessons,
  allLogEntries,
  allLooseNotes,
  allNotebooks,
  type Lesson,
  type LogEntry,
  type LooseNote,
  type NotebookEntry,
} from '../data/entries';
import { t } from '../i18n/ui';
import { neighbours } from '../lib/course';
import { formatDay } from '../lib/dates';
import { publishedAt } from '../lib/feed';
import { logNeighbours } from '../lib/log';
import { locales } from '../lib/locales';
import { entryHasMath, entrySummary } from '../data/rendered';
import { entryPage, sectionPage, type EntryKind, type EntryPageData, type PageData } from './data';

/** One path per locale with only the locale as props, for endpoints (feeds) that are not pages. */
export function localePaths() {
  return locales.map((locale) => ({ params: { lang: locale }, props: { locale } }));
}

/** `/zh/` and `/en/`. */
export function homePaths() {
  return locales.map((locale) => ({
    params: { lang: locale },
    props: sectionPage(locale, 'home', { title: t(locale, 'site.title') }),
  }));
}

export interface LessonListPageData extends PageData {
  lessons: Lesson[];
}

/** `/<lang>/lessons/`. */
export async function lessonListPaths() {
  const lessons = await allLessons();
  return locales.map((locale) => ({
    params: { lang: locale },
    props: {
      ...sectionPage(locale, 'lessons', { title: t(locale, 'lessons.title') }),
      lessons,
    } satisfies LessonListPageData,
  }));
}

export interface LogTimelinePageData extends PageData {
  /** All entries, both locales; the timeline shows the page's own. */
  entries: LogEntry[];
}

/** `/<lang>/log/`: loads KaTeX when any entry on it has math. */
export async function logTimelinePaths() {
  const entries = await allLogEntries();
  return Promise.all(
    locales.map(async (locale) => {
      const mine = entries.filter((e) => e.locale === locale);
      const hasMath = (await Promise.all(mine.map((e) => entryHasMath(e.entry)))).some(Boolean);
      const page = sectionPage(locale, 'log', {
        title: t(locale, 'log.title'),
        description: t(locale, 'log.intro'),
        hasMath,
      });
      return { params: { lang: locale }, props: { ...page, entries } satisfies LogTimelinePageData };
    }),
  );
}

export interface NoteListPageData extends PageData {
  /** The page's own locale's notes, sorted by title. */
  notes: LooseNote[];
  /** The locale's lessons, to name the lesson a note is about. */
  lessons: Lesson[];
}

/** `/<lang>/notes/`. */
export async function noteListPaths() {
  const [notes, lessons] = await Promise.all([allLooseNotes(), allLessons()]);
  return locales.map((locale) => ({
    params: { lang: locale },
    props: {
      ...sectionPage(locale, 'notes', { title: t(locale, 'notes.title'), description: t(locale, 'notes.intro') }),
      notes: notes.filter((n) => n.locale === locale),
      lessons: lessons.filter((l) => l.locale === locale),
    } satisfies NoteListPageData,
  }));
}

/** "Lesson 3 · Title"; imported notes sometimes have no better title than "Lesson 3", so not twice. */
export function lessonPageTitle(lesson: Lesson): string {
  const label = t(lesson.locale, 'lesson.label', { n: lesson.lesson });
  return lesson.title === label ? label : `${label} · ${lesson.title}`;
}

const lessonKind: EntryKind<Lesson> = {
  section: 'lessons',
  title: lessonPageTitle,
  description: (l) => l.entry.data.summary,
  pager: {
    label: 'nav.pagination',
    neighbours,
    prevLabel: 'nav.prev',
    nextLabel: 'nav.next',
    linkTitle: (l) => `${t(l.locale, 'lesson.label', { n: l.lesson })} · ${l.title}`,
  },
  missingLinkKey: 'lang.missingLink',
};

export interface LessonPageData extends EntryPageData<Lesson> {
  /** Every lesson, for the course sidebar. */
  lessons: Lesson[];
  /** The lesson's notebooks in its language, listed under it. */
  notebooks: NotebookEntry[];
  /** Notes about the lesson in its language (`lesson:` in their frontmatter), listed under it. */
  notes: LooseNote[];
}

/** One page per lesson file, in the locale of its folder. */
export async function lessonPaths() {
  const [lessons, notebooks, notes] = await Promise.all([allLessons(), allNotebooks(), allLooseNotes()]);
  return Promise.all(
    lessons.map(async (lesson) => ({
      params: { lang: lesson.locale, slug: lesson.slug },
      props: {
        ...(await entryPage(lessonKind, lessons, lesson)),
        lessons,
        notebooks: notebooks.filter((n) => n.locale === lesson.locale && n.lesson === lesson.lesson),
        notes: notes.filter((n) => n.locale === lesson.locale && n.lesson === lesson.lesson),
      } satisfies LessonPageData,
    })),
  );
}

const logKind: EntryKind<LogEntry> = {
  section: 'log',
  title: (e) => `${e.title} · ${formatDay(e.date, e.locale)}`,
  description: (e) => entrySummary(e.entry, 160) || undefined,
  share: (e) => ({
    type: 'article',
    publishedTime: publishedAt(e.date, e.entry.data.time).toISOString(),
    tags: e.entry.data.tags,
  }),
  pager: {
    label: 'nav.logPagination',
    neighbours: (entries, e) => {
      const { older, newer } = logNeighbours(entries, e);
      return { prev: older, next: newer };
    },
    prevLabel: 'nav.older',
    nextLabel: 'nav.newer',
    linkTitle: (e) => `${formatDay(e.date, e.locale)} · ${e.title}`,
  },
  missingLinkKey: 'lang.missingLogLink',
};

export type LogPageData = EntryPageData<LogEntry>;

/** One page per log entry. */
export async function logPaths() {
  const entries = await allLogEntries();
  return Promise.all(
    entries.map(async (entry) => ({
      params: { lang: entry.locale, slug: entry.slug },
      props: (await entryPage(logKind, entries, entry)) satisfies LogPageData,
    })),
  );
}

const noteKind: EntryKind<LooseNote> = {
  section: 'notes',
  title: (n) => n.title,
  description: (n) => n.entry.data.summary,
  missingLinkKey: 'lang.missingNotesLink',
};

export interface NotePageData extends EntryPageData<LooseNote> {
  /** The lesson in the note's language it is about, if any. */
  lesson: Lesson | undefined;
}

/** One page per loose note. */
export async function notePaths() {
  const [notes, lessons] = await Promise.all([allLooseNotes(), allLessons()]);
  return Promise.all(
    notes.map(async (note) => ({
      params: { lang: note.locale, slug: note.slug },
      props: {
        ...(await entryPage(noteKind, notes, note)),
        lesson: lessons.find((l) => l.locale === note.locale && l.lesson === note.lesson),
      } satisfies NotePageData,
    })),
  );
}

const notebookKind: EntryKind<NotebookEntry> = {
  section: 'notebooks',
  title: (n) => n.title,
  description: (n) => n.entry.data.summary,
  missingLinkKey: 'lang.missingNotebooksLink',
  // Notebooks are rendered by their loader, which stored these with the cells.
  hasMath: async (n) => n.hasMath,
  sectionIds: async (n) => n.headings.map((h) => h.slug),
};

export interface NotebookPageData extends EntryPageData<NotebookEntry> {
  /** Every lesson, for the course sidebar. */
  lessons: Lesson[];
  /** The lesson in the notebook's language it belongs to, if any. */
  lesson: Lesson | undefined;
}

/** One page per notebook file. */
export async function notebookPaths() {
  const [notebooks, lessons] = await Promise.all([allNotebooks(), allLessons()]);
  return Promise.all(
    notebooks.map(async (notebook) => ({
      params: { lang: notebook.locale, slug: notebook.slug },
      props: {
        ...(await entryPage(notebookKind, notebooks, notebook)),
        lessons,
        lesson: lessons.find((l) => l.locale === notebook.locale && l.lesson === notebook.lesson),
      } satisfies NotebookPageData,
    })),
  );
}

export interface NotebookListPageData extends PageData {
  /** The page's own locale's notebooks, in lesson order. */
  notebooks: NotebookEntry[];
  /** The page's own locale's lessons, to name each notebook's lesson. */
  lessons: Lesson[];
}

/** `/<lang>/notebooks/`. */
export async function notebookListPaths() {
  const [notebooks, lessons] = await Promise.all([allNotebooks(), allLessons()]);
  return locales.map((locale) => ({
    params: { lang: locale },
    props: {
      ...sectionPage(locale, 'notebooks', {
        title: t(locale, 'notebooks.title'),
        description: t(locale, 'notebooks.intro'),
      }),
      notebooks: notebooks.filter((n) => n.locale === locale),
      lessons: lessons.filter((l) => l.locale === locale),
    } satisfies NotebookListPageData,
  }));
}

export type NotebookFileProps = { mime: string; base64: string } | { mime: string; path: string };

/** The files beside each notebook page: its output images and a copy of the `.ipynb` to download. */
export async function notebookFilePaths() {
  const notebooks = await allNotebooks();
  return notebooks.flatMap((notebook) => {
    const params = (file: string) => ({ lang: notebook.locale, slug: notebook.slug, file });
    const source = notebook.entry.filePath;
    const images = notebook.entry.data.assets.map((asset) => ({
      params: params(asset.file),
      props: { mime: asset.mime, base64: asset.base64 } satisfies NotebookFileProps,
    }));
    return source
      ? [
          ...images,
          {
            params: params(`${notebook.slug}.ipynb`),
            props: { mime: 'application/x-ipynb+json', path: source } satisfies NotebookFileProps,
          },
        ]
      : images;
  });
}

/** How lessons, log entries and notes are titled, for pages that show them another way (side by side). */
export const entryKinds = { lessons: lessonKind, log: logKind, notes: noteKind };
