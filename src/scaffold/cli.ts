import path from 'node:path';
import { readCommandLine as parseArgs, UsageError } from '../lib/command-line';
import {
  entryNames,
  localNow,
  parseDay,
  parseTags,
  planLesson,
  planLogEntry,
  ScaffoldError,
  writeNewFiles,
  type NewFile,
} from './new-entry';

export const LOG_USAGE = `Usage: npm run new:log -- [--date YYYY-MM-DD] [--title "…"] [--tags a,b]

  Creates log/zh/<date>.md and log/en/<date>.md in the notes folder (NOTES_DIR, default content/),
  or <date>-2.md, <date>-3.md… when the day already has an entry. Never overwrites a file.
  --date   the entry's day (default: today on this computer's clock; the time is now)
  --title  the title in both languages (default: a placeholder in each language to replace)
  --tags   comma-separated tags, lowercase with hyphens: --tags object-detection,yolo`;

export const LESSON_USAGE = `Usage: npm run new:lesson -- <n> [--title "…"]

  Creates lessons/zh/lesson-<n>.md and lessons/en/lesson-<n>.md in the notes folder (NOTES_DIR,
  default content/) with the frontmatter a lesson needs. Never overwrites a file.`;

interface Io {
  notesRoot: string;
  now: Date;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs a scaffold: plans the files, writes them and prints their paths; returns the exit code. */
function run(usage: string, io: Io, plan: () => NewFile[]): number {
  try {
    for (const written of writeNewFiles(io.notesRoot, plan())) {
      const relative = path.relative(process.cwd(), written);
      io.out(relative.startsWith('..') ? written : relative);
    }
    return 0;
  } catch (error) {
    const badArgs = error instanceof UsageError;
    if (!(error instanceof ScaffoldError) && !badArgs) throw error;
    io.err(`error: ${(error as Error).message}`);
    if (badArgs) io.err(usage);
    return 2;
  }
}

/** `npm run new:log`: today's study-log entry in both languages. */
export function newLog(argv: string[], io: Io): number {
  return run(LOG_USAGE, io, () => {
    const { values } = parseArgs({
      args: argv,
      options: { date: { type: 'string' }, title: { type: 'string' }, tags: { type: 'string' } },
      strict: true,
    });
    const now = localNow(io.now);
    const date = values.date === undefined ? now.date : parseDay(values.date);
    const taken = ['zh', 'en'].flatMap((l) => entryNames(path.join(io.notesRoot, 'log', l)));
    return planLogEntry({
      date,
      time: now.time,
      title: values.title?.trim() || undefined,
      tags: parseTags(values.tags),
      taken,
    });
  });
}

/** `npm run new:lesson <n>`: a lesson's two files. */
export function newLesson(argv: string[], io: Io): number {
  return run(LESSON_USAGE, io, () => {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { title: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1)
      throw new ScaffoldError(`give exactly one lesson number, e.g. npm run new:lesson 7\n${LESSON_USAGE}`);
    return planLesson(positionals[0] ?? '', values.title?.trim() || undefined);
  });
}
