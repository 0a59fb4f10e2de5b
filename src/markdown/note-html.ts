import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DataStore } from 'astro/loaders';
import { HTML_FILE, htmlFileOf, type StoredRender } from '../lib/stored-html';

/**
 * A build keeps each Markdown note's rendered HTML in a file of its own, in Astro's cache folder,
 * and stores only the file's path (in the render's metadata) in the content store. Held in the
 * store, every note's HTML stayed in the build's memory from its render to the end of content
 * sync, where Astro serialised all of it into one string: at 1,000 notes a language the build's
 * process grew by about 700 MB during sync, and its store file was 500 MB. The pages read a
 * note's file when they show it (src/data/rendered.ts); the dev server keeps HTML in its store.
 */

/** Where a build's notes are kept: inside Astro's cache folder, so `--force` and a new cache go with it. */
export function noteHtmlDir(cacheDir: string): string {
  return path.join(cacheDir, 'note-html');
}

/**
 * Writes `rendered.html` to a file named by its content in `dir` (once: the same HTML is the same
 * file) and returns the render with the file's path in place of the HTML.
 */
export function keepHtmlAside<R extends StoredRender>(dir: string, rendered: R): R {
  const name = `${createHash('sha256').update(rendered.html).digest('hex').slice(0, 40)}.html`;
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    // Written aside and renamed: a page reading it never sees half of it.
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(partial, rendered.html);
    fs.renameSync(partial, file);
  }
  return { ...rendered, html: '', metadata: { ...rendered.metadata, [HTML_FILE]: file } };
}

/**
 * The kept HTML of one content sync, which loads each collection at once: a load first forgets
 * the notes whose file is gone (a cache folder cleared by hand) so that glob() renders them again,
 * and notes the files its store points to; once the last load is done, the files no note points
 * to any more (notes edited or deleted since) are removed.
 */
export class KeptHtml {
  readonly #kept = new Map<string, Set<string>>();

  /** Before a collection loads: its notes whose file is gone leave the store. */
  forgetMissing(store: DataStore): void {
    for (const entry of store.values()) {
      const file = htmlFileOf(entry.rendered);
      if (file && !fs.existsSync(file)) store.delete(entry.id);
    }
  }

  /** After a collection loaded: the files its notes point to, in `dir`. */
  keep(store: DataStore, dir: string): void {
    const kept = this.#kept.get(dir) ?? new Set<string>();
    for (const entry of store.values()) {
      const file = htmlFileOf(entry.rendered);
      if (file) kept.add(file);
    }
    this.#kept.set(dir, kept);
  }

  /** After the last load: every other file of those folders goes. */
  prune(): void {
    for (const [dir, kept] of this.#kept) pruneFolder(dir, kept);
    this.#kept.clear();
  }
}

/** Removes the files of `dir` no stored render points to (notes edited or deleted since). */
function pruneFolder(dir: string, kept: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return; // nothing kept yet
  }
  for (const name of names) {
    const file = path.join(dir, name);
    // A file another build is writing at this moment (….html.<pid>.<n>.tmp) is its own.
    if (!kept.has(file) && !name.endsWith('.tmp')) fs.rmSync(file, { force: true });
  }
}
