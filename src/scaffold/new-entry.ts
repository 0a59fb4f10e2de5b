import fs from 'node:fs';
import path from 'node:path';
import { courseParts } from '../lib/course';
import { locales, type Locale } from '../lib/locales';

/** A file the scaffold wants to create, relative to the notes folder. */
export interface NewFile {
  path: string;
  text: string;
}

/** A mistake in the command line, shown to the user as is (with what to do) and exit code 2. */
export class ScaffoldError extends Error {}

const TAG = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Today's date and time on the writer's clock, the way a study-log entry records them.
 * @example localNow(new Date(2023, 4, 26, 14, 50, 11)) // { date: '2023-05-26', time: '14:50:11' }
 */
export function localNow(now: Date): { date: string; time: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    time: `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`,
  };
}

/** Checks a `--date` value: a real calendar day written YYYY-MM-DD. */
export function parseDay(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!day || day.toISOString().slice(0, 10) !== value)
    throw new ScaffoldError(`--date "${value}" is not a calendar day; write it as YYYY-MM-DD, e.g. 2023-05-26.`);
  return value;
}

/**
 * Splits `--tags` into tag names (they become URLs, so lowercase letters, digits and hyphens).
 * @example parseTags('yolo, Object-Detection') // ['yolo', 'object-detection']
 */
export function parseTags(value: string | undefined): string[] {
  const tags = (value ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  const bad = tags.filter((t) => !TAG.test(t));
  if (bad.length)
    throw new ScaffoldError(
      `--tags: ${bad.map((t) => `"${t}"`).join(', ')} cannot be a tag; use lowercase letters, digits and hyphens (e.g. object-detection).`,
    );
  return [...new Set(tags)];
}

/**
 * The file name (without `.md`) for a new entry on `day`: the day itself, or `<day>-2`, `<day>-3`…
 * when either language already has an entry with that name, so the two files stay a pair.
 * @example logSlug('2023-05-26', ['2023-05-26']) // '2023-05-26-2'
 */
export function logSlug(day: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(day)) return day;
  let n = 2;
  while (names.has(`${day}-${n}`)) n++;
  return `${day}-${n}`;
}

/**
 * Frontmatter written the way README shows it: strings double-quoted (JSON strings are valid YAML),
 * days, numbers and the tag list bare, so an author recognises and edits it easily.
 */
function frontmatter(data: Record<string, string | number | string[] | { day: string }>, body: string): string {
  const value = (v: string | number | string[] | { day: string }) =>
    typeof v === 'number'
      ? String(v)
      : typeof v === 'string'
        ? JSON.stringify(v)
        : Array.isArray(v)
          ? `[${v.join(', ')}]`
          : v.day;
  return `---\n${Object.entries(data)
    .map(([k, v]) => `${k}: ${value(v)}`)
    .join('\n')}\n---\n\n${body}`;
}

const logPlaceholders: Record<Locale, { title: (day: string) => string; body: string }> = {
  zh: { title: (day) => `${day} 的学习日志（请改成标题）`, body: '- [ ] 今天要做的事\n' },
  en: { title: (day) => `Study log for ${day} (replace with a title)`, body: '- [ ] what to do today\n' },
};

export interface NewLogOptions {
  date: string;
  time: string;
  title?: string | undefined;
  tags: string[];
  /** Entry names already in `log/zh` and `log/en`. */
  taken: Iterable<string>;
}

/** The two files of a new study-log entry, one per language, with complete frontmatter. */
export function planLogEntry(options: NewLogOptions): NewFile[] {
  const slug = logSlug(options.date, options.taken);
  return locales.map((locale) => ({
    path: `log/${locale}/${slug}.md`,
    text: frontmatter(
      {
        date: { day: options.date },
        time: options.time,
        title: options.title ?? logPlaceholders[locale].title(options.date),
        tags: options.tags,
      },
      logPlaceholders[locale].body,
    ),
  }));
}

const lessonPlaceholders: Record<Locale, { title: string; summary: string; body: string }> = {
  zh: {
    title: '（本课标题，不含“第 N 课”）',
    summary: '（一两句话，用于列表、搜索和页面描述。）',
    body: '本课的引言。\n\n## 第一节 {#first-section}\n',
  },
  en: {
    title: '(the lesson’s title, without “Lesson N”)',
    summary: '(One or two sentences for lists, search and the page description.)',
    body: 'Introduction to the lesson.\n\n## First section {#first-section}\n',
  },
};

/** The two files of a new lesson, with its part worked out from the lesson number. */
export function planLesson(number: string, title?: string): NewFile[] {
  const lesson = /^\d+$/.test(number) ? Number(number) : NaN;
  const part = courseParts.find((p) => lesson >= p.first && lesson <= p.last)?.part;
  if (part === undefined) {
    const last = courseParts.at(-1)?.last ?? 12;
    throw new ScaffoldError(`"${number}" is not a lesson of the course; give a lesson number from 1 to ${last}.`);
  }
  return locales.map((locale) => ({
    path: `lessons/${locale}/lesson-${lesson}.md`,
    text: frontmatter(
      { title: title ?? lessonPlaceholders[locale].title, lesson, part, summary: lessonPlaceholders[locale].summary },
      lessonPlaceholders[locale].body,
    ),
  }));
}

/** Names of the Markdown files in a notes sub-folder, without `.md` (empty when it does not exist). */
export function entryNames(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3));
}

/**
 * Writes new files under `root` and never replaces one: every target is checked first, and each
 * is created with the `wx` flag, so a file that appears in between is left alone too.
 */
export function writeNewFiles(root: string, files: readonly NewFile[]): string[] {
  const targets = files.map((f) => ({ ...f, full: path.join(root, f.path) }));
  const existing = targets.filter((f) => fs.existsSync(f.full));
  if (existing.length)
    throw new ScaffoldError(
      `${existing.map((f) => f.full).join(' and ')} already ${existing.length > 1 ? 'exist' : 'exists'}; nothing was written. Edit the existing file or choose another name.`,
    );
  const written: string[] = [];
  for (const f of targets) {
    fs.mkdirSync(path.dirname(f.full), { recursive: true });
    try {
      fs.writeFileSync(f.full, f.text, { flag: 'wx' });
    } catch (error) {
      for (const w of written) fs.rmSync(w);
      throw new ScaffoldError(`could not create ${f.full} (${(error as Error).message}); nothing was written.`);
    }
    written.push(f.full);
  }
  return written;
}
