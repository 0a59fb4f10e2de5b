/*
 * The `getStaticPaths` of every page kind. Each hands its pages their route data (see `data.ts`),
 * so page files only choose a template.
 */
import { allLessons, allLogEntries, allLooseNotes, type Lesson, type LogEntry, type LooseNote } from '../data/entries';
import { t } from '../i18n/ui';
import { neighbours } from '../lib/course';
import { formatDay } from '../lib/dates';
import { publishedAt, summarize } from '../lib/feed';
import { logNeighbours } from '../lib/log';
import { locales } from '../lib/locales';
import { entryHasMath, entryPage, sectionPage, type EntryKind, type EntryPageData, type PageData } from './data';

/** One path per locale with only the locale as props, for endpoints (feeds) that are not pages. */
export function localePaths() {
  return locales.map((locale) => ({ params: { lang: locale }, props: { locale } }));
}

/** `/zh/` and `/en/`. */
export function homePaths() {
  return locales.map((locale) => ({ params: { lang: locale }, props: sectionPage(locale, 'home', { title: t(locale, 'site.title') }) }));
}

export interface LessonListPageData extends PageData {
  lessons: Lesson[];
}

/** `/<lang>/lessons/`. */
export async function lessonListPaths() {
  const lessons = await allLessons();
  return locales.map((locale) => ({
    params: { lang: locale },
    props: { ...sectionPage(locale, 'lessons', { title: t(locale, 'lessons.title') }), lessons } satisfies LessonListPageData,
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
      const page = sectionPage(locale, 'log', { title: t(locale, 'log.title'), description: t(locale, 'log.intro'), hasMath });
      return { params: { lang: locale }, props: { ...page, entries } satisfies LogTimelinePageData };
    }),
  );
}

export interface NoteListPageData extends PageData {
  /** The page's own locale's notes, sorted by title. */
  notes: LooseNote[];
}

/** `/<lang>/notes/`. */
export async function noteListPaths() {
  const notes = await allLooseNotes();
  return locales.map((locale) => ({
    params: { lang: locale },
    props: {
      ...sectionPage(locale, 'notes', { title: t(locale, 'notes.title'), description: t(locale, 'notes.intro') }),
      notes: notes.filter((n) => n.locale === locale),
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
}

/** One page per lesson file, in the locale of its folder. */
export async function lessonPaths() {
  const lessons = await allLessons();
  return Promise.all(
    lessons.map(async (lesson) => ({
      params: { lang: lesson.locale, slug: lesson.slug },
      props: { ...(await entryPage(lessonKind, lessons, lesson)), lessons } satisfies LessonPageData,
    })),
  );
}

const logKind: EntryKind<LogEntry> = {
  section: 'log',
  title: (e) => `${e.title} · ${formatDay(e.date, e.locale)}`,
  description: (e) => summarize(e.entry.rendered?.html ?? '', 160) || undefined,
  share: (e) => ({ type: 'article', publishedTime: publishedAt(e.date, e.entry.data.time).toISOString(), tags: e.entry.data.tags }),
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

export type NotePageData = EntryPageData<LooseNote>;

/** One page per loose note. */
export async function notePaths() {
  const notes = await allLooseNotes();
  return Promise.all(
    notes.map(async (note) => ({
      params: { lang: note.locale, slug: note.slug },
      props: (await entryPage(noteKind, notes, note)) satisfies NotePageData,
    })),
  );
}

