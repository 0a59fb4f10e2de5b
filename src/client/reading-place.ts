import { readingPlaceKey } from '../lib/reading-place';

/**
 * The last lesson and section read, kept in this browser's localStorage only (no cookie, no
 * server), under the base path's key (lib/reading-place.ts).
 */
export interface ReadingPlace {
  /** Site path with the section's anchor, base included: `/fastai-notes/zh/lessons/lesson-3/#dropout`. */
  href: string;
  /** The lesson as its page names it: `Lesson 3 · Multi-label classification`. */
  lesson: string;
  /** The section heading, when the reader had scrolled past the introduction. */
  section?: string;
  /** When it was read (ms since the epoch). */
  at: number;
}

const base = import.meta.env.BASE_URL;
const key = readingPlaceKey(base);

export function saveReadingPlace(place: ReadingPlace): void {
  try {
    localStorage.setItem(key, JSON.stringify(place));
  } catch {
    // Storage can be full or disabled (private mode); the site works the same without it.
  }
}

/** The stored place, or undefined when there is none or it is not a link into this site. */
export function loadReadingPlace(): ReadingPlace | undefined {
  try {
    const place = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<ReadingPlace> | null;
    if (
      typeof place?.href !== 'string' ||
      typeof place.lesson !== 'string' ||
      !place.href.startsWith(base) ||
      place.href.startsWith('//')
    )
      return undefined;
    return {
      href: place.href,
      lesson: place.lesson,
      at: Number(place.at) || 0,
      ...(typeof place.section === 'string' ? { section: place.section } : {}),
    };
  } catch {
    return undefined;
  }
}

export function forgetReadingPlace(): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
