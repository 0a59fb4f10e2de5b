import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import type { ContentEntryType } from 'astro';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rendererOptions } from '../../../src/markdown/config';
import { htmlFileOf } from '../../../src/lib/stored-html';
import { noteHtmlDir } from '../../../src/markdown/note-html';
import { MAIN_THREAD_NOTES } from '../../../src/markdown/workers/notes-glob';
import { renderThreads } from '../../../src/markdown/workers/pool';

/** On a single core no threads start, and every note renders on the main thread. */
const threaded = renderThreads() > 0;

/** What the test looks at of an entry glob() stores. */
interface StoredEntry {
  id: string;
  rendered?: { html: string; metadata?: Record<string, unknown> };
}

/** Notes a language needs for a build to start threads: more than the main thread renders alone. */
const THREADED_SIZE = MAIN_THREAD_NOTES / 2 + 1;

/** The notes folders setUp made, removed when the file is done. */
const madeFolders: string[] = [];
afterAll(() => madeFolders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

/**
 * A notes folder of `perLanguage` lessons in each language (a.md, then b.md…), and what Astro's
 * content layer hands a loader, cut down to what glob() reads.
 */
function setUp(root: URL, perLanguage = 1) {
  const notes = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-glob-'));
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-glob-cache-'));
  madeFolders.push(notes, cacheDir);
  for (const lang of ['zh', 'en']) {
    fs.mkdirSync(path.join(notes, lang));
    for (let i = 0; i < perLanguage; i++) {
      const name = `${String.fromCharCode(97 + (i % 26))}${i >= 26 ? i : ''}.md`;
      fs.writeFileSync(path.join(notes, lang, name), `---\ntitle: A\n---\n\n## Rate {#rate}\n\n$x^2$ in ${lang}\n`);
    }
  }
  const stored = new Map<string, StoredEntry>();
  const warnings: string[] = [];
  // Where the main thread would render: marked, so a test can tell it from a thread's work.
  const markdownType = {
    extensions: ['.md'],
    async getEntryInfo({ contents }: { contents: string }) {
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(contents) ?? [];
      return { data: { title: /title: (.*)/.exec(front)?.[1] }, body, slug: '', rawData: front };
    },
    async getRenderFunction() {
      return async () => ({ html: 'rendered on the main thread', metadata: {} });
    },
  } as unknown as ContentEntryType;
  const context = {
    collection: 'lessons',
    config: {
      root,
      srcDir: new URL('src/', root),
      cacheDir: pathToFileURL(`${cacheDir}/`),
      markdown: { ...markdownConfigDefaults, ...rendererOptions },
      image: {},
    },
    logger: { warn: (m: string) => warnings.push(m), info: () => {}, error: (m: string) => warnings.push(m) },
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: (s: string) => String(s.length),
    store: {
      keys: () => [...stored.keys()],
      values: () => [...stored.values()],
      get: (id: string) => stored.get(id),
      set: (entry: StoredEntry) => Boolean(stored.set(entry.id, entry)),
      delete: (id: string) => void stored.delete(id),
      addAssetImports: () => {},
      addModuleImport: () => {},
    },
    entryTypes: new Map([['.md', markdownType]]),
  } as unknown as LoaderContext;
  return { notes, context, stored, warnings, htmlDir: noteHtmlDir(cacheDir) };
}

/** A stored note's HTML, from the file a build keeps it in or, in dev, from the store. */
const htmlOf = (e: StoredEntry) => {
  const file = htmlFileOf(e.rendered);
  return file ? fs.readFileSync(file, 'utf8') : e.rendered?.html;
};
const html = (stored: Map<string, StoredEntry>) => [...stored.values()].map(htmlOf);

describe('notesGlob: the collections’ loader', () => {
  beforeEach(() => vi.resetModules()); // each test gets a pool of its own

  it('renders the notes of a large folder on threads, through the site’s own pipeline, and on the main thread while they are busy', async () => {
    const { notesGlob } = await import('../../../src/markdown/workers/notes-glob');
    const { notes, context, stored, warnings } = setUp(pathToFileURL(`${process.cwd()}/`), THREADED_SIZE);
    await notesGlob({ pattern: '{zh,en}/*.md', base: notes }).load(context);
    expect(stored.size).toBe(2 * THREADED_SIZE);
    const onThreads = html(stored).filter((rendered) => rendered !== 'rendered on the main thread');
    for (const rendered of onThreads) {
      expect(rendered).toContain('<h2 id="rate" data-section="">');
      expect(rendered).toContain('class="katex"');
    }
    if (threaded) {
      expect(onThreads.length).toBeGreaterThan(0);
      // The loader renders several notes at once: beyond what the threads hold, the main thread's.
      expect(onThreads.length).toBeLessThan(stored.size);
    } else expect(onThreads).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('stops the render threads as soon as the last load is done, before Astro writes its store', async () => {
    const { notesGlob } = await import('../../../src/markdown/workers/notes-glob');
    const { RenderPool } = await import('../../../src/markdown/workers/pool');
    const lessons = setUp(pathToFileURL(`${process.cwd()}/`), THREADED_SIZE);
    const notes = setUp(pathToFileURL(`${process.cwd()}/`), 1);
    // Two collections loading at once, as Astro loads them: whichever ends first leaves the threads
    // to the other, and the last one stops them as it ends.
    const done = { lessons: false, notes: false };
    const finishedAtClose: number[] = [];
    const original = RenderPool.prototype.close;
    const close = vi.spyOn(RenderPool.prototype, 'close').mockImplementation(function (
      this: InstanceType<typeof RenderPool>,
    ) {
      finishedAtClose.push(Number(done.lessons) + Number(done.notes));
      return original.call(this);
    });
    await Promise.all([
      notesGlob({ pattern: '{zh,en}/*.md', base: lessons.notes })
        .load(lessons.context)
        .then(() => (done.lessons = true)),
      notesGlob({ pattern: '{zh,en}/*.md', base: notes.notes })
        .load(notes.context)
        .then(() => (done.notes = true)),
    ]);
    // Once, when one load had ended and the other was ending.
    expect(finishedAtClose).toEqual(threaded ? [1] : []);
    close.mockRestore();
  });

  it('renders a small notes folder on the main thread, where starting threads would cost more than they save', async () => {
    const { notesGlob } = await import('../../../src/markdown/workers/notes-glob');
    const { notes, context, stored, warnings } = setUp(pathToFileURL(`${process.cwd()}/`), MAIN_THREAD_NOTES / 2);
    await notesGlob({ pattern: '{zh,en}/*.md', base: notes }).load(context);
    expect(new Set(html(stored))).toEqual(new Set(['rendered on the main thread']));
    expect(warnings).toEqual([]);
  });

  it('leaves the dev server’s notes to the main thread', async () => {
    const { notesGlob } = await import('../../../src/markdown/workers/notes-glob');
    const { notes, context, stored } = setUp(pathToFileURL(`${process.cwd()}/`));
    const watcher = { add: () => {}, on: () => {} };
    await notesGlob({ pattern: '{zh,en}/*.md', base: notes }).load({ ...context, watcher } as unknown as LoaderContext);
    expect(html(stored)).toEqual(['rendered on the main thread', 'rendered on the main thread']);
    // The dev server's store keeps the HTML itself: a saved note is there to show at once.
    expect([...stored.values()].map((e) => e.rendered?.html)).toEqual(html(stored));
  });

  it('keeps a build’s HTML out of the store, in files it prunes, and renders again a note whose file is gone', async () => {
    const { notesGlob } = await import('../../../src/markdown/workers/notes-glob');
    const { notes, context, stored, htmlDir } = setUp(pathToFileURL(`${process.cwd()}/`), 2);
    const loader = notesGlob({ pattern: '{zh,en}/*.md', base: notes });
    await loader.load(context);
    expect([...stored.values()].map((e) => e.rendered?.html)).toEqual(['', '', '', '']);
    const files = () => fs.readdirSync(htmlDir).sort();
    // The four notes render to the same HTML here: one file.
    expect(files()).toHaveLength(1);
    expect(htmlOf([...stored.values()][0]!)).toBe('rendered on the main thread');

    // A file no stored note points to (a note since edited) goes at the end of the next sync.
    fs.writeFileSync(path.join(htmlDir, 'stale.html'), 'old');
    fs.writeFileSync(path.join(htmlDir, 'another-build.html.123.tmp'), 'being written');
    await loader.load(context);
    expect(files()).not.toContain('stale.html');
    expect(files()).toContain('another-build.html.123.tmp');

    // A cache folder cleared by hand: the store's notes point nowhere, and are rendered again.
    fs.rmSync(htmlDir, { recursive: true });
    const [first] = stored.values();
    stored.set(first!.id, {
      ...first!,
      rendered: { html: '', metadata: { htmlFile: path.join(htmlDir, 'gone.html') } },
    });
    await loader.load(context);
    expect(html(stored)).toEqual(Array(4).fill('rendered on the main thread'));
  });

  it('in dev, gives pages a saved note as soon as it is stored, and tells the server once a save', async () => {
    const { notesGlob } = await import('../../../src/markdown/workers/notes-glob');
    const live = await import('../../../src/node/live-collections');
    const { notes, context } = setUp(pathToFileURL(`${process.cwd()}/`));
    const handlers = new Map<string, (file: string) => Promise<void>>();
    const watcher = {
      add: () => {},
      on: (event: string, handler: (file: string) => Promise<void>) => handlers.set(event, handler),
    };
    let announced = 0;
    live.onLiveChange(() => announced++);
    const titles = live.perContentVersion(() =>
      live
        .liveEntries('lessons')
        ?.map((e) => String(e.data['title']))
        .sort(),
    );
    await notesGlob({ pattern: '{zh,en}/*.md', base: notes }).load({ ...context, watcher } as unknown as LoaderContext);
    expect(titles()).toEqual(['A', 'A']);
    await new Promise((done) => setImmediate(done));
    announced = 0;

    const file = path.join(notes, 'en', 'a.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: A', 'title: Saved'));
    await handlers.get('change')?.(file);
    expect(titles()).toEqual(['A', 'Saved']);
    await new Promise((done) => setImmediate(done));
    expect(announced).toBe(1);
    live.onLiveChange(() => {});
  });

  it('says once that the threads failed, and renders on the main thread', async () => {
    const { notesGlob } = await import('../../../src/markdown/workers/notes-glob');
    // A project root without the site's sources: there is no pipeline to start threads with.
    const { notes, context, stored, warnings } = setUp(pathToFileURL(`${os.tmpdir()}/no-project-here/`), THREADED_SIZE);
    await notesGlob({ pattern: '{zh,en}/*.md', base: notes }).load(context);
    expect(new Set(html(stored))).toEqual(new Set(['rendered on the main thread']));
    expect(warnings).toHaveLength(threaded ? 1 : 0);
    if (threaded) expect(warnings[0]).toMatch(/pipeline could not be bundled.*main thread/);
  });
});
