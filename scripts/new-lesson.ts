import { notesDir } from '../src/node/notes-dir';
import { newLesson } from '../src/scaffold/cli';

/** `npm run new:lesson -- <n> [--title "…"]`: a new lesson's file in both languages. */
process.exitCode = newLesson(process.argv.slice(2), {
  notesRoot: notesDir(),
  now: new Date(),
  out: console.log,
  err: console.error,
});
