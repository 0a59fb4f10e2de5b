/*
 * The translation status of every page, computed once per build from the collections, with the
 * same rules as `npm run status` (which reads the files): the status page and the notices on
 * stale or incomplete pages read it from here.
 */
import { notesDir } from '../node/notes-dir';
import { translationSide } from './translation-files';
import { pairUp, type PairKind, type PairStatus } from '../lib/translation/status';
import { pageStatus } from './original-changes';
import { notebookMarkdown } from '../notebooks/source';
import { allLessons, allLogEntries, allLooseNotes, allNotebooks } from './entries';
import { perContentVersion } from '../node/live-collections';
import { entryOutline, type MarkdownEntry } from './rendered';
import { sourceOutline } from '../markdown/outline';
import type { OutlineSection } from '../lib/parallel/align';

/** Entries of the Markdown collections, whose outline their render stored. */
function rendered<E extends { entry: MarkdownEntry }>(entries: readonly E[]) {
  return entries.map((e) => ({ ...e, body: e.entry.body ?? '', outline: () => entryOutline(e.entry) }));
}

interface AnyEntry {
  slug: string;
  locale: 'zh' | 'en';
  title: string;
  entry: { filePath?: string | undefined; data: object };
  /** The prose the outline is read from: a note's body, a notebook's Markdown cells. */
  body: string;
  outline(): Promise<OutlineSection[]>;
}

/** A `translatedFrom` the build cannot follow does not stop it: the page falls back to dates. */
const warn = (message: string) => console.warn(`[translation] ${message}`);

/** Every pair in status order (lessons by number, then log by date, then notes, then notebooks). */
export const translationStatuses = perContentVersion(async (): Promise<PairStatus[]> => {
  const root = notesDir();
  const groups: [PairKind, AnyEntry[]][] = [
    ['lessons', rendered(await allLessons())],
    ['log', rendered(await allLogEntries())],
    ['notes', rendered(await allLooseNotes())],
    // A notebook's prose is its Markdown cells; they make its outline as a note's body does.
    [
      'notebooks',
      (await allNotebooks()).map((n) => {
        const body = notebookMarkdown(n.entry.data.cells);
        const file = n.entry.filePath ?? n.slug;
        return {
          ...n,
          body,
          outline: async () => sourceOutline(body, { file, frontmatter: n.entry.data, notesRoot: root }),
        };
      }),
    ],
  ];
  const sides = await Promise.all(
    groups.flatMap(([kind, entries]) =>
      entries.map(async (e) => ({
        kind,
        slug: e.slug,
        ...translationSide({
          locale: e.locale,
          file: e.entry.filePath ?? `${kind}/${e.locale}/${e.slug}`,
          title: e.title,
          outline: await e.outline(),
          body: e.body,
          data: e.entry.data as Record<string, unknown>,
          root,
        }),
      })),
    ),
  );
  return pairUp(sides).map((pair) => pageStatus(pair, root, warn));
});

/** The status of one page's pair. */
export async function translationStatus(kind: PairKind, slug: string): Promise<PairStatus | undefined> {
  return (await translationStatuses()).find((s) => s.kind === kind && s.slug === slug);
}
