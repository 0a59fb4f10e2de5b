import { notesDir } from '../src/node/notes-dir';
import { newLog } from '../src/scaffold/cli';

/** `npm run new:log -- [--date YYYY-MM-DD] [--title "…"] [--tags a,b]`: a new study-log entry in both languages. */
process.exitCode = newLog(process.argv.slice(2), {
  notesRoot: notesDir(),
  now: new Date(),
  out: console.log,
  err: console.error,
});
