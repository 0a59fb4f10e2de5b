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

/** Every entry that has a status, by kind, with how to read its outline. */
const entriesByKind = perContentVersion(async (): Promise<[PairKind, AnyEntry[]][]> => {
  const root = notesDir();
  return [
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
});

/**
 * Sides and statuses already worked out, by page: a page's own status needs only its pair (in
 * `astro dev`, a lesson page then renders no MDX note to learn its outline), and the status page
 * reuses what the pages worked out.
 */
const worked = perContentVersion(() => ({
  sides: new Map<string, Promise<Side>>(),
  statuses: new Map<string, PairStatus>(),
}));

type Side = ReturnType<typeof translationSide> & { kind: PairKind; slug: string };

function sideOf(kind: PairKind, e: AnyEntry): Promise<Side> {
  const { sides } = worked();
  const key = `${kind}/${e.locale}/${e.slug}`;
  let side = sides.get(key);
  if (!side) {
    side = e.outline().then((outline) => ({
      kind,
      slug: e.slug,
      ...translationSide({
        locale: e.locale,
        file: e.entry.filePath ?? `${kind}/${e.locale}/${e.slug}`,
        title: e.title,
        outline,
        body: e.body,
        data: e.entry.data as Record<string, unknown>,
        root: notesDir(),
      }),
    }));
    sides.set(key, side);
  }
  return side;
}

/** The statuses of the pairs `wanted` keeps, in status order. */
async function statusesOf(wanted: (kind: PairKind, slug: string) => boolean): Promise<PairStatus[]> {
  const sides = await Promise.all(
    (await entriesByKind()).flatMap(([kind, entries]) =>
      entries.filter((e) => wanted(kind, e.slug)).map((e) => sideOf(kind, e)),
    ),
  );
  const { statuses } = worked();
  return pairUp(sides).map((pair) => {
    const key = `${pair.kind}/${pair.slug}`;
    const status = statuses.get(key) ?? pageStatus(pair, notesDir(), warn);
    statuses.set(key, status);
    return status;
  });
}

/** Every pair in status order (lessons by number, then log by date, then notes, then notebooks). */
export const translationStatuses = perContentVersion(() => statusesOf(() => true));

/** The status of one page's pair. */
export async function translationStatus(kind: PairKind, slug: string): Promise<PairStatus | undefined> {
  return (await statusesOf((k, s) => k === kind && s === slug))[0];
}
