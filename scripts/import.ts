import { main } from '../src/import/cli';

/**
 * `npm run import -- <source-dir>… --out <notes-dir> [--dry-run] [--force] [--json <file>]`:
 * turns a notes repository into a notes folder the site builds (NOTES_DIR=<notes-dir>).
 */
process.exitCode = main(process.argv.slice(2));
