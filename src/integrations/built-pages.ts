import fs from 'node:fs/promises';
import path from 'node:path';

/** A page of the built site: its file, its address below the site's root, its size and when it was written. */
export interface BuiltPage {
  file: string;
  url: string;
  bytes: number;
  mtimeMs: number;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Reads `<html lang="zh-CN">` as `zh`. */
export function pageLanguage(html: string): string | undefined {
  return /<html[^>]*\blang="([a-zA-Z]+)/.exec(html)?.[1]?.toLowerCase();
}

/** The start of a page, where Astro writes `<html lang>`, and the page's size and time. */
async function pageHead(file: string): Promise<{ head: string; bytes: number; mtimeMs: number }> {
  const handle = await fs.open(file);
  try {
    const [{ buffer, bytesRead }, { size, mtimeMs }] = await Promise.all([
      handle.read(Buffer.alloc(1024), 0, 1024, 0),
      handle.stat(),
    ]);
    return { head: buffer.toString('utf8', 0, bytesRead), bytes: size, mtimeMs };
  } finally {
    await handle.close();
  }
}

/** The built pages by language (`<html lang>`), languages in order; only their start is read here. */
export async function pagesByLanguage(root: string): Promise<Map<string, BuiltPage[]>> {
  const byLang = new Map<string, BuiltPage[]>();
  for (const file of await htmlFiles(root)) {
    const { head, bytes, mtimeMs } = await pageHead(file);
    const lang = pageLanguage(head);
    if (!lang) continue;
    const rel = path.relative(root, file).split(path.sep).join('/');
    const pages = byLang.get(lang) ?? [];
    if (!pages.length) byLang.set(lang, pages);
    pages.push({ file, url: '/' + rel.replace(/index\.html$/, ''), bytes, mtimeMs });
  }
  return new Map([...byLang].sort(([a], [b]) => a.localeCompare(b)));
}

/** Whether the site's pages are still those of `then`: the same files, of the same size, not written since. */
export function samePages(then: Map<string, BuiltPage[]>, now: Map<string, BuiltPage[]>): boolean {
  const list = (byLanguage: Map<string, BuiltPage[]>) =>
    [...byLanguage].flatMap(([lang, pages]) => pages.map((p) => `${lang} ${p.file} ${p.bytes} ${p.mtimeMs}`));
  const [before, after] = [list(then), list(now)];
  return before.length === after.length && before.every((page, i) => page === after[i]);
}
