import path from 'node:path';
import { parseArgs } from 'node:util';
import { notesDir } from '../src/node/notes-dir';
import { readTranslationPairs } from '../src/data/translation-files';
import { needsWork, pairStatus } from '../src/lib/translation/status';
import { statusTable } from './lib/status-table';

/**
 * `npm run status [-- --json] [-- --strict]`: which pages are translated, which lack sections or
 * a whole language, and which fell behind their original. Reads the notes folder the site builds
 * (`content/`, or NOTES_DIR) and its git history; `--strict` exits 1 when anything needs work.
 */
const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, strict: { type: 'boolean', default: false } },
});
const root = notesDir();
let statuses;
try {
  statuses = readTranslationPairs(root).map(pairStatus);
} catch (error) {
  console.error(`status: ${(error as Error).message}`);
  process.exit(2);
}
if (values.json) console.log(JSON.stringify(statuses, null, 2));
else
  console.log(
    statusTable(
      statuses,
      path.relative(process.cwd(), root).startsWith('..') ? root : path.relative(process.cwd(), root) || '.',
    ),
  );
if (values.strict && statuses.some(needsWork)) process.exit(1);
