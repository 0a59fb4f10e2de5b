import fs from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE_ENTRY, pagefindRuntime, wasmFile, type BundleEntry } from '../lib/search/bundles';

// What of Pagefind's output the site ships: the files our pages load, and one shared runtime.

/**
 * Whether a top-level file of a bundle is loaded by our pages: Pagefind's core script (moved out
 * to one copy for all bundles), the WebAssembly of the bundle's language (`wasm` from
 * pagefind-entry.json) and the data. Pagefind's ready-made UIs and highlighter (about 420 KB a
 * language) and its worker (search runs on the page, see search-ui.ts) are never loaded.
 * @example isShipped('pagefind-ui.js', ['unknown']) // false
 */
export function isShipped(file: string, wasmLanguages: (string | null)[]): boolean {
  if (/^pagefind-(ui|component-ui|modular-ui|highlight|worker)\./.test(file)) return false;
  return /^wasm\..+\.pagefind$/.test(file) ? wasmLanguages.some((wasm) => wasmFile(wasm) === file) : true;
}

export async function pruneBundle(dir: string): Promise<void> {
  const entry = JSON.parse(await fs.readFile(path.join(dir, BUNDLE_ENTRY), 'utf8')) as BundleEntry;
  const wasm = Object.values(entry.languages).map((l) => l.wasm);
  for (const file of await fs.readdir(dir)) {
    if (!isShipped(file, wasm)) await fs.rm(path.join(dir, file));
  }
}

/**
 * Adds what search reads besides Pagefind to a bundle's entry file (the common characters, a split
 * language's other parts, a rebuild's recent bundle), where the search dialog reads it
 * (search-bundles.ts); `fields` may be made from the entry as it is.
 */
export async function addToEntry(
  dir: string,
  fields: Partial<BundleEntry> | ((entry: BundleEntry) => Partial<BundleEntry>),
): Promise<void> {
  if (typeof fields === 'object' && !Object.keys(fields).length) return;
  const file = path.join(dir, BUNDLE_ENTRY);
  const entry = JSON.parse(await fs.readFile(file, 'utf8')) as BundleEntry;
  await fs.writeFile(file, JSON.stringify({ ...entry, ...(typeof fields === 'function' ? fields(entry) : fields) }));
}

/**
 * Keeps one copy of Pagefind's core script, at `pagefind/pagefind.js`, for every bundle: each
 * bundle's copy is the same file (the same Pagefind wrote them), and the search dialog loads each
 * bundle into an instance of that one runtime.
 */
export async function shareRuntime(root: string, bundles: string[]): Promise<void> {
  const copies = await Promise.all(bundles.map((dir) => fs.readFile(path.join(dir, 'pagefind.js'))));
  const [first] = copies;
  if (!first) return;
  if (copies.some((c) => !c.equals(first))) {
    throw new Error(`The Pagefind bundles in ${bundles.join(', ')} carry different runtimes; rebuild from clean.`);
  }
  await fs.writeFile(path.join(root, pagefindRuntime), first);
  await Promise.all(bundles.map((dir) => fs.rm(path.join(dir, 'pagefind.js'))));
}
