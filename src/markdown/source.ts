import path from 'node:path';
import { isCollection, type Collection } from '../lib/collections';
import { isLocale, type Locale } from '../lib/locales';

/** What a Markdown file is, read from where it sits in the notes folder. */
export interface NoteSource {
  collection: Collection;
  locale: Locale;
  slug: string;
}

/**
 * Reads `<notes>/lessons/zh/lesson-1.md` as { collection: 'lessons', locale: 'zh', slug: 'lesson-1' }.
 * Returns undefined for files outside the notes folder (pages, fixtures).
 */
export function noteSource(filePath: string | undefined, notesRoot: string): NoteSource | undefined {
  if (!filePath) return undefined;
  const rel = path.relative(notesRoot, filePath).split(path.sep);
  if (rel.length < 3 || rel[0]?.startsWith('..')) return undefined;
  const [collection, locale, ...rest] = rel;
  if (!isCollection(collection) || !isLocale(locale)) return undefined;
  const slug = rest.join('/').replace(/\.(mdx?|ipynb)$/i, '');
  return { collection, locale, slug };
}

/** `file:line` for build messages, relative to the working directory so it can be clicked. */
export function where(filePath: string | undefined, line?: number): string {
  const rel = filePath ? path.relative(process.cwd(), filePath) : '<unknown file>';
  return line ? `${rel}:${line}` : rel;
}
