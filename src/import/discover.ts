import fs from 'node:fs';
import path from 'node:path';

/** One Markdown file found in a source folder. */
export interface SourceDoc {
  /** Absolute path of the source folder given on the command line. */
  root: string;
  /** That folder's own name, e.g. `fastai-notes`: it prefixes `source` in frontmatter and reports. */
  rootName: string;
  abs: string;
  /** Path inside the source folder, with `/` separators. */
  rel: string;
  /** `rootName/rel`, how the file is named everywhere the user reads it. */
  display: string;
  /** Course lesson 1–12 when the file or folder name says so. */
  lesson?: number;
  /** README.md / index.md: an index or a study log rather than a note of its own. */
  readme: boolean;
}

const SKIP_DIRS = /^(\.|node_modules$|_site$|dist$)/;

/**
 * Every file under `root`, relative and sorted, so each run sees the same order on every OS.
 * Symbolic links are never followed (they could lead anywhere on the machine); when `symlinks` is
 * given, each one found is recorded there with its target.
 */
export function listFiles(root: string, symlinks?: Map<string, string>): string[] {
  const out: string[] = [];
  const walkDir = (dir: string, prefix: string) => {
    const entries = fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.test(e.name)) walkDir(path.join(dir, e.name), rel);
      } else if (e.isFile()) out.push(rel);
      else if (e.isSymbolicLink()) symlinks?.set(rel, fs.readlinkSync(path.join(dir, e.name)));
    }
  };
  walkDir(root, '');
  return out;
}

export function discover(root: string): SourceDoc[] {
  const abs = path.resolve(root);
  const rootName = path.basename(abs);
  return listFiles(abs)
    .filter((rel) => /\.(md|markdown)$/i.test(rel))
    .map((rel) => {
      const lesson = lessonNumber(rel);
      const doc: SourceDoc = {
        root: abs,
        rootName,
        abs: path.join(abs, rel),
        rel,
        display: `${rootName}/${rel}`,
        readme: isReadme(rel),
      };
      if (lesson !== undefined) doc.lesson = lesson;
      return doc;
    });
}

function stemOf(rel: string): string {
  return path.posix.basename(rel).replace(/\.(md|markdown)$/i, '');
}

export function isReadme(rel: string): boolean {
  return /^(readme|index)$/i.test(stemOf(rel));
}

const CN_NUMBERS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

/**
 * The lesson label a name starts with (`Lesson1`, `lesson 01`, `lesson-3-notes`, `第3课`,
 * `第十二课`): its number, if it is 1–12, and how much of the name it takes.
 */
function lessonLabel(name: string): { n: number; length: number } | undefined {
  const m =
    /^(?:lesson|lecture|lec)[\s_-]*0*(\d{1,2})(?=$|[\s_.-])/i.exec(name) ??
    /^第\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[课講讲]/.exec(name);
  const raw = m?.[1];
  if (!m || !raw) return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : CN_NUMBERS[raw];
  return n !== undefined && n >= 1 && n <= 12 ? { n, length: m[0].length } : undefined;
}

/**
 * Whether a file is named as the lesson itself, nothing more: `lesson9.md`, `Lesson 9.md`,
 * `第9课.md`, or a README or notes file in the lesson's folder. `lesson9-adam-paper.md` is about
 * lesson 9 but is not named as it.
 */
export function namedLikeLesson(rel: string): boolean {
  if (lessonNumber(rel) === undefined) return false;
  const stem = stemOf(rel);
  const label = lessonLabel(stem);
  // No label of its own: a README or notes file that takes the lesson from its folder.
  return !label || label.length === stem.length;
}

/**
 * The lesson a file is about, from its own name or, for generic names (`README`, `notes`), from its
 * folder: `chinese/Lesson1.md` → 1, `lesson8/lesson8.md` → 8, `lesson8/notes.md` → 8.
 * `lesson0 2020 notes.md` is not a course lesson (0 is outside 1–12) and stays a loose note.
 */
export function lessonNumber(rel: string): number | undefined {
  const stem = stemOf(rel);
  const own = lessonLabel(stem)?.n;
  if (own !== undefined) return own;
  const folder = path.posix.basename(path.posix.dirname(rel));
  if (/^(readme|index|notes?|笔记)$/i.test(stem) && /^(?:lesson|lecture)[\s_-]*\d{1,2}$|^第.{1,3}[课讲]$/i.test(folder))
    return lessonLabel(folder)?.n;
  return undefined;
}
