import { notesDir } from '../src/lib/notes-dir.ts';
import { newLog } from '../src/scaffold/cli.ts';

/** `npm run new:log -- [--date YYYY-MM-DD] [--title "…"] [--tags a,b]`: a new study-log entry in both languages. */
process.exitCode = newLog(process.argv.slice(2), {
  notesRoot: notesDir(),
  now: new Date(),
  out: console.log,
  err: console.error,
});
