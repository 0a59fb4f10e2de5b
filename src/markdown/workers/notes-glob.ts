import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, ContentEntryRenderFunction, ContentEntryType } from 'astro';
import { AstroError } from 'astro/errors';
import { glob, type DataStore, type Loader, type LoaderContext } from 'astro/loaders';
import { noteImagesFound } from '../../node/early-images';
import { shareLiveStore } from '../../node/live-collections';
import { notesDir } from '../../node/notes-dir';
import { KeptHtml, keepHtmlAside, noteHtmlDir } from '../note-html';
import { bundledPipeline } from './pipeline-bundle';
import { PoolUnavailable, RenderPool, renderThreads } from './pool';

/**
 * Made with the first note a build renders; null where the main thread renders (one core, or a
 * small notes folder).
 */
let pool: RenderPool | null | undefined;

/**
 * Up to this many Markdown notes, the main thread renders them all. A thread loads its own Shiki and
 * KaTeX and compiles the pipeline afresh (over a second of CPU and about 150 MB), and two renderers
 * on this project's two-core machines run each slower (they share memory bandwidth and V8's helper
 * threads): on the real corpus (39 notes) a thread beside the main thread saved nothing and cost
 * 2.5 s of CPU and 150 MB; at 300 notes it saved about a second.
 */
export const MAIN_THREAD_NOTES = 100;

/** The folders every notesGlob of the content config reads (registered as the config defines them). */
const folders = new Set<string>();

/** The `.md` files in those folders: what a clean build renders. */
function markdownNotes(): number {
  let count = 0;
  for (const folder of folders) {
    try {
      count += fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).length;
    } catch {
      // A collection folder the notes do not have.
    }
  }
  return count;
}

function poolFor(config: AstroConfig): RenderPool | null {
  if (pool === undefined) pool = markdownNotes() > MAIN_THREAD_NOTES ? startPool(config) : null;
  return pool;
}

function startPool(config: AstroConfig): RenderPool | null {
  const size = renderThreads();
  if (!size) return null;
  // What the notes' renderer reads of Astro's Markdown options (renderer.ts); the pipeline itself,
  // with its code highlighting, is rebuilt in each thread from the same setup.
  const { markdown, image } = config;
  const shared = { image: { domains: image.domains, remotePatterns: image.remotePatterns }, gfm: markdown.gfm };
  const worker = new URL('src/markdown/workers/render-worker.mjs', config.root);
  return new RenderPool(worker, () => bundledPipeline(config.root), shared, size, htmlDirOf(config));
}

const htmlDirOf = (config: Pick<AstroConfig, 'cacheDir'>) => noteHtmlDir(fileURLToPath(config.cacheDir));

/** Loads under way that may render on the threads. */
let loads = 0;

/** The kept HTML of the sync under way. */
const keptHtml = new KeptHtml();

/**
 * Runs a load, and stops the render threads as soon as no load is left: Astro writes its store
 * right after the last one, and the thread's own copy of the pipeline need not be part of its
 * memory then. The last load also removes the kept HTML no stored note points to any more.
 */
async function loading(load: () => Promise<void>, store: DataStore, htmlDir: string): Promise<void> {
  loads++;
  try {
    keptHtml.forgetMissing(store);
    await load();
    keptHtml.keep(store, htmlDir);
  } finally {
    if (--loads === 0) {
      if (pool) {
        const stopping = pool;
        pool = undefined;
        await stopping.close();
      }
      keptHtml.prune();
    }
  }
}

/** An entry as the loader stores it: what a rule on the whole file (body and file name) can read. */
export interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  body?: string | undefined;
  filePath?: string | undefined;
}

/** What an entry breaks: the message names the file (and line, when there is one) and what to do. */
export interface EntryProblem {
  message: string;
  line?: number | undefined;
}

/** A rule the schema cannot state, run on each entry as it is stored. */
export type EntryCheck = (entry: StoredEntry) => EntryProblem | undefined;

/**
 * The store, refusing an entry that breaks the rule: the build stops at content sync, before any
 * page is rendered, as it does for a schema error; in dev the content layer logs it and keeps the
 * entry as it was.
 */
function checkedStore(store: DataStore, check: EntryCheck): DataStore {
  return {
    ...store,
    set: (entry) => {
      const problem = check(entry);
      // Astro prints its own errors with their location: the note's file, as for a schema error.
      if (problem)
        throw Object.assign(new AstroError(problem.message), {
          loc: { file: path.resolve(entry.filePath ?? entry.id), line: problem.line ?? 0, column: 0 },
        });
      return store.set(entry);
    },
  };
}

/**
 * Astro's glob loader, with the `.md` notes of a build rendered on worker threads (see RenderPool).
 * Everything else is glob's own: ids, digests and the content cache, schema checks, `.mdx`, the dev
 * server.
 * The glob loader renders through the entry type it is handed, so only that is swapped; should a
 * thread fail, notes render on the main thread as before.
 */
export function notesGlob({ check, ...options }: Parameters<typeof glob>[0] & { check?: EntryCheck }): Loader {
  const inner = glob(options);
  const { base } = options;
  if (base) folders.add(base instanceof URL ? fileURLToPath(base) : path.resolve(base));
  return {
    name: 'notes-glob-loader',
    load(given) {
      const context = check ? { ...given, store: checkedStore(given.store, check) } : given;
      // Not in LoaderContext's type, but what glob() reads its entry types from.
      const types = (context as LoaderContext & { entryTypes?: Map<string, ContentEntryType> }).entryTypes;
      const markdown = types?.get('.md');
      // The dev server (it has a watcher) renders a note per save, sooner here than on threads
      // that would start for it, and its pages read the store as it is (live-collections.ts).
      if (context.watcher) return inner.load({ ...context, store: shareLiveStore(context.collection, context.store) });
      if (!types || !markdown?.getRenderFunction) return inner.load(context);
      const htmlDir = htmlDirOf(context.config);
      const threaded: ContentEntryType = {
        ...markdown,
        async getRenderFunction(config) {
          // The main thread renders when the threads have notes queued, and should they fail.
          let onMainThread: Promise<ContentEntryRenderFunction> | undefined;
          const here: ContentEntryRenderFunction = async (entry) => {
            const rendered = await (await (onMainThread ??= markdown.getRenderFunction!(config)))(entry);
            return keepHtmlAside(htmlDir, rendered);
          };
          // A clean build makes each image a note shows as soon as the note is rendered.
          const withImages =
            (render: ContentEntryRenderFunction): ContentEntryRenderFunction =>
            async (entry) => {
              const rendered = await render(entry);
              const images = rendered?.metadata?.['imagePaths'];
              if (entry.filePath && Array.isArray(images) && images.length)
                noteImagesFound(config, context.logger, notesDir(), entry.filePath, images as string[]);
              return rendered;
            };
          const threads = poolFor(config);
          if (!threads) return withImages(here);
          let warned = false;
          return withImages(async (entry) => {
            if (threads.busy()) return here(entry);
            try {
              return await threads.render({
                body: entry.body ?? '',
                frontmatter: entry.data,
                filePath: entry.filePath,
              });
            } catch (error) {
              if (!(error instanceof PoolUnavailable)) throw error;
              if (!warned) context.logger.warn(`${error.message}; the notes left render on the main thread`);
              warned = true;
              return here(entry);
            }
          });
        },
      };
      return loading(
        () => inner.load({ ...context, entryTypes: new Map([...types, ['.md', threaded]]) } as LoaderContext),
        context.store,
        htmlDir,
      );
    },
  };
}
