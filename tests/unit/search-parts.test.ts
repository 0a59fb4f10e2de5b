import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { partBytesFrom, partCount, splitIntoParts, PART_BYTES } from '../../src/integrations/search-parts';
import { BUNDLE_ENTRY, type BundleEntry } from '../../src/lib/search/bundles';
import { cacheFolder, index, writeSite } from '../support/indexed-site';

const page = (url: string, bytes = 100) => ({ file: `/dist${url}index.html`, url, bytes, mtimeMs: 0 });

describe('splitting a language into parts', () => {
  it('takes as many parts as the pages’ bytes fill, at least one', () => {
    expect(partCount([], 1000)).toBe(1);
    expect(partCount([page('/a/', 1000)], 1000)).toBe(1);
    expect(partCount([page('/a/', 1000), page('/b/', 1)], 1000)).toBe(2);
  });

  it('puts each page in one part by its address, the same in every build, in the order given', () => {
    const pages = Array.from({ length: 200 }, (_, i) => page(`/zh/notes/${i}/`));
    const parts = splitIntoParts(pages, 3);
    expect(parts.flat().sort((a, b) => a.url.localeCompare(b.url))).toEqual(
      [...pages].sort((a, b) => a.url.localeCompare(b.url)),
    );
    for (const part of parts) {
      expect(part.length).toBeGreaterThan(40);
      expect(part).toEqual(pages.filter((p) => part.includes(p)));
    }
    // The same pages with one more: every other page stays where it was.
    const grown = splitIntoParts([...pages, page('/zh/notes/new/')], 3);
    expect(grown.map((part) => part.filter((p) => p.url !== '/zh/notes/new/'))).toEqual(parts);
  });

  it('reads the part size a build asks for, and says what is wrong with a bad one', () => {
    expect(partBytesFrom({})).toBe(PART_BYTES);
    expect(partBytesFrom({ SEARCH_PART_BYTES: '2000000' })).toBe(2_000_000);
    expect(() => partBytesFrom({ SEARCH_PART_BYTES: '2 MB' })).toThrow(
      /SEARCH_PART_BYTES is "2 MB": set it to a whole number/,
    );
  });
});

describe('a language indexed in parts', () => {
  it(
    'indexes each part into its folder, names them in the first part’s entry, and indexes only an edited page’s part again',
    { timeout: 60_000 },
    async () => {
      vi.stubEnv('SEARCH_PART_BYTES', '600');
      onTestFinished(() => void vi.unstubAllEnvs());
      const dist = writeSite();
      const cache = cacheFolder();
      const said = await index(dist, cache);
      const entry = (folder: string) =>
        JSON.parse(fs.readFileSync(path.join(dist, 'pagefind', folder, BUNDLE_ENTRY), 'utf8')) as BundleEntry;
      const { parts } = entry('zh');
      expect(parts?.length).toBeGreaterThan(1);
      expect(parts).toEqual(parts!.map((_, i) => `part-${i + 1}/`));
      for (const folder of parts!) expect(entry(`zh/${folder}`).parts).toBeUndefined();
      const indexed = (lines: string[]) =>
        lines.flatMap((line) => {
          const m = /^indexed (\d+) zh pages into (\S+)$/.exec(line);
          return m ? [{ pages: Number(m[1]), into: m[2]! }] : [];
        });
      const zh = indexed(said);
      expect(zh.map((p) => p.into)).toEqual(['pagefind/zh/', ...parts!.map((f) => `pagefind/zh/${f}`)]);
      expect(zh.reduce((sum, p) => sum + p.pages, 0)).toBe(6);

      // Edit one page: only its part is indexed again, and it holds the new text.
      const zhPage = path.join(dist, 'zh', '3', 'index.html');
      fs.writeFileSync(zhPage, fs.readFileSync(zhPage, 'utf8').replace('</main>', '<p>新加的一段话</p></main>'));
      const again = await index(dist, cache);
      const redone = indexed(again);
      expect(redone).toHaveLength(1);
      expect(again.filter((l) => l.startsWith('kept the zh'))).toHaveLength(parts!.length);
      const fragments = path.join(dist, redone[0]!.into, 'fragment');
      const texts = fs
        .readdirSync(fragments)
        .map((f) => gunzipSync(fs.readFileSync(path.join(fragments, f))).toString());
      expect(texts.some((t) => t.includes('新\u200b加\u200b的'))).toBe(true);
      // The other parts are where they were, and the first part still names them.
      expect(entry('zh').parts).toEqual(parts);
      for (const folder of parts!)
        expect(fs.existsSync(path.join(dist, 'pagefind', 'zh', folder, BUNDLE_ENTRY))).toBe(true);
    },
  );
});
