/*
 * The translation status of every page, computed once per build from the collections, with the
 * same rules as `npm run status` (which reads the files): the status page and the notices on
 * stale or incomplete pages read it from here.
 */
import { notesDir } from '../node/notes-dir';
import { translationSide } from './translation-files';
import { pairStatus, pairUp, type PairKind, type PairStatus } from '../lib/translation/status';
import { notebookMarkdown } from '../notebooks/source';
import { allLessons, allLogEntries, allLooseNotes, allNotebooks } from './entries';

interface AnyEntry {
  slug: string;
  locale: 'zh' | 'en';
  title: string;
  entry: { body?: string | undefined; filePath?: string | undefined; data: object };
}

let cache: Promise<PairStatus[]> | undefined;

/** Every pair in status order (lessons by number, then log by date, then notes, then notebooks). */
export function translationStatuses(): Promise<PairStatus[]> {
  cache ??= (async () => {
    const root = notesDir();
    const groups: [PairKind, AnyEntry[]][] = [
      ['lessons', await allLessons()],
      ['log', await allLogEntries()],
      ['notes', await allLooseNotes()],
      // A notebook's prose is its Markdown cells; they make its outline as a note's body does.
      [
        'notebooks',
        (await allNotebooks()).map((n) => ({
          ...n,
          entry: { ...n.entry, body: notebookMarkdown(n.entry.data.cells) },
        })),
      ],
    ];
    const sides = groups.flatMap(([kind, entries]) =>
      entries.map((e) => ({
        kind,
        slug: e.slug,
        ...translationSide({
          locale: e.locale,
          file: e.entry.filePath ?? `${kind}/${e.locale}/${e.slug}`,
          title: e.title,
          body: e.entry.body ?? '',
          data: e.entry.data as Record<string, unknown>,
          root,
        }),
      })),
    );
    return pairUp(sides).map(pairStatus);
  })();
  return cache;
}

/** The status of one page's pair. */
export async function translationStatus(kind: PairKind, slug: string): Promise<PairStatus | undefined> {
  return (await translationStatuses()).find((s) => s.kind === kind && s.slug === slug);
}
