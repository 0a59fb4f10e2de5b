import path from 'node:path';
import { notesDir } from '../src/node/notes-dir';
import { pageStatus } from '../src/data/original-changes';
import { readTranslationPairs } from '../src/data/translation-files';
import { readCommandLine, UsageError, withUsage } from '../src/lib/command-line';
import { needsWork, type PairStatus, type TranslationPair } from '../src/lib/translation/status';
import { markFollowed } from './lib/mark-followed';
import { changesText, statusTable } from './lib/status-table';

const USAGE = `Usage: npm run status [-- --json] [-- --strict] [-- --diff <page>] [-- --mark <page>]

  (nothing)      every page and its translation: complete, in one language only, lacking sections,
                 or behind its original (with the sections of the original that changed)
  --json         the same as JSON, with the changed sections and their diffs
  --strict       exit 1 when any page needs work
  --diff <page>  the diff of each section of the page's original that changed since its
                 translation followed it (by word in English, by character in Chinese)
  --mark <page>  record that the translation now follows its original: writes translatedFrom:
                 <the original's last commit> into the translation's frontmatter
  <page>         lessons/lesson-3, or lesson-3 when one kind has it, or the path of either file`;

/**
 * `npm run status`: reads the notes folder the site builds (`content/`, or NOTES_DIR) and its git
 * history, as the status page does.
 */
const { values } = withUsage('status', USAGE, () =>
  readCommandLine({
    options: {
      json: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      diff: { type: 'string' },
      mark: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }),
);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const root = notesDir();
const shown = (p: string) =>
  path.relative(process.cwd(), p).startsWith('..') ? p : path.relative(process.cwd(), p) || '.';
let pairs: TranslationPair[];
let statuses: PairStatus[];
try {
  pairs = readTranslationPairs(root);
  statuses = pairs.map((pair) => pageStatus(pair, root, (m) => console.warn(`status: ${m}`)));
} catch (error) {
  console.error(`status: ${(error as Error).message}`);
  process.exit(2);
}

/** The page a `<page>` argument names: `kind/slug`, a slug one kind has, or a file of either language. */
function findPage(spec: string): number {
  const file = path.resolve(spec);
  const found = statuses.flatMap((s, i) => {
    const byName = `${s.kind}/${s.slug}` === spec || s.slug === spec;
    const byFile = Object.values(s.files).some((f) => f && path.resolve(f) === file);
    return byName || byFile ? [i] : [];
  });
  if (found.length === 1) return found[0]!;
  const which = found.map((i) => `${statuses[i]!.kind}/${statuses[i]!.slug}`).join(', ');
  throw new UsageError(
    found.length ? `${spec} names several pages (${which}); write kind/slug` : `no page ${spec} in ${shown(root)}`,
  );
}

withUsage('status', USAGE, () => {
  if (values.mark !== undefined) {
    const i = findPage(values.mark);
    try {
      console.log(markFollowed(pairs[i]!, statuses[i]!));
    } catch (error) {
      console.error(`status: ${(error as Error).message}`);
      process.exit(1);
    }
    return;
  }
  if (values.diff !== undefined) {
    const colour = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'];
    console.log(changesText(statuses[findPage(values.diff)]!, colour));
    return;
  }
  if (values.json) console.log(JSON.stringify(statuses, null, 2));
  else console.log(statusTable(statuses, shown(root)));
  if (values.strict && statuses.some(needsWork)) process.exit(1);
});
