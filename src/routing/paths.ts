import { allLessons, allLogEntries, allNotes, type Lesson, type LogEntry, type LooseNote } from '../data/notes';
import { counterpart } from '../lib/course';
import { locales, otherLocale, type Locale } from '../lib/locales';

/** `/zh/` and `/en/` for pages that exist once per language (home, lesson list, log timeline). */
export function localePaths() {
  return locales.map((lang) => ({ params: { lang }, props: { locale: lang as Locale } }));
}

export interface LessonPageProps {
  lesson: Lesson;
  lessons: Lesson[];
  other: Lesson | undefined;
}

/** One page per lesson file, in the locale of its folder. */
export async function lessonPaths() {
  const lessons = await allLessons();
  return lessons.map((lesson) => ({
    params: { lang: lesson.locale, slug: lesson.slug },
    props: { lesson, lessons, other: counterpart(lessons, lesson, otherLocale(lesson.locale)) } satisfies LessonPageProps,
  }));
}

export interface LogPageProps {
  entry: LogEntry;
  entries: LogEntry[];
  other: LogEntry | undefined;
}

/** One page per log entry. */
export async function logPaths() {
  const entries = await allLogEntries();
  return entries.map((entry) => ({
    params: { lang: entry.locale, slug: entry.slug },
    props: { entry, entries, other: counterpart(entries, entry, otherLocale(entry.locale)) } satisfies LogPageProps,
  }));
}

export interface NotePageProps {
  note: LooseNote;
  other: LooseNote | undefined;
}

/** One page per loose note. */
export async function notePaths() {
  const notes = await allNotes();
  return notes.map((note) => ({
    params: { lang: note.locale, slug: note.slug },
    props: { note, other: counterpart(notes, note, otherLocale(note.locale)) } satisfies NotePageProps,
  }));
}
