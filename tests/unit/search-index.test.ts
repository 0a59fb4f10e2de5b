import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { describe, expect, it, vi } from 'vitest';
import { indexableHtml, indexBesideAstro } from '../../src/integrations/search-index';
import { changedSince } from '../../src/integrations/search-index-cache';
import { PART_BYTES } from '../../src/integrations/search-parts';
import { BUNDLE_ENTRY, type BundleEntry } from '../../src/lib/search/bundles';
import { bundles, cacheFolder, index, tempFolder, writeSite } from '../support/indexed-site';

describe('search index integration', () => {
  it(
    'indexes each language’s pages with content, and the same site gives the same bundles',
    { timeout: 60_000 },
    async () => {
      const dist = writeSite();
      expect(await index(dist)).toEqual([
        'indexed 6 en pages into pagefind/en/',
        'indexed 6 zh pages into pagefind/zh/',
      ]);
      const first = bundles(dist);
      expect(Object.keys(first)).toContain('pagefind.js');
      fs.rmSync(path.join(dist, 'pagefind'), { recursive: true });
      await index(dist);
      expect(bundles(dist)).toEqual(first);
    },
  );

  it(
    'sends pages ahead of Pagefind’s answers and gets the bundle Pagefind makes of them one at a time, in order',
    { timeout: 60_000 },
    async () => {
      const dist = writeSite();
      const reference = tempFolder('search-reference-');
      await index(dist);
      const { index: one } = await pagefind.createIndex({ forceLanguage: 'zh' });
      for (let i = 0; i < 6; i++) {
        const html = fs.readFileSync(path.join(dist, 'zh', String(i), 'index.html'), 'utf8');
        await one!.addHTMLFile({ url: `/zh/${i}/`, content: indexableHtml(html) });
      }
      await one!.writeFiles({ outputPath: reference });
      await pagefind.close();
      const ours = path.join(dist, 'pagefind', 'zh');
      const files = fs.readdirSync(ours, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) {
        const rel = path.relative(ours, path.join(file.parentPath, file.name));
        if (rel === BUNDLE_ENTRY) continue;
        expect(fs.readFileSync(path.join(ours, rel)).equals(fs.readFileSync(path.join(reference, rel))), rel).toBe(
          true,
        );
      }
      // The entry is Pagefind's, with the common characters added.
      const entry = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, BUNDLE_ENTRY), 'utf8')) as BundleEntry;
      const { commonCharacters, ...pagefinds } = entry(ours);
      expect(pagefinds).toEqual(entry(reference));
      expect([...commonCharacters!].sort()).toEqual([...'第节梯度下降与学习率'].sort());
      expect(entry(path.join(dist, 'pagefind', 'en')).commonCharacters).toBeUndefined();
    },
  );

  it(
    'keeps a language’s bundle from the last build when none of its pages changed, and only that one',
    { timeout: 60_000 },
    async () => {
      const dist = writeSite();
      const cache = cacheFolder();
      await index(dist, cache);
      const fresh = bundles(dist);
      fs.rmSync(path.join(dist, 'pagefind'), { recursive: true });
      // The next build's name is written into every page; that alone changes nothing indexed.
      for (const page of fs.globSync('*/*/index.html', { cwd: dist }).map((p) => path.join(dist, p)))
        fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('000000000000', 'a1b2c3d4e5f6'));
      expect(await index(dist, cache)).toEqual([
        'kept the en search bundle: its pages are the ones it was made from',
        'kept the zh search bundle: its pages are the ones it was made from',
      ]);
      expect(bundles(dist)).toEqual(fresh);

      // A page of another size: indexed again without reading the pages for the key first.
      const zhPage = path.join(dist, 'zh', '3', 'index.html');
      fs.writeFileSync(zhPage, fs.readFileSync(zhPage, 'utf8').replace('</main>', '<p>新加的一段话</p></main>'));
      expect(await index(dist, cache)).toEqual([
        'kept the en search bundle: its pages are the ones it was made from',
        'indexed 6 zh pages into pagefind/zh/',
      ]);
      expect(bundles(dist)).not.toEqual(fresh);

      // A change that keeps every size is found by the key.
      const changed = bundles(dist);
      fs.writeFileSync(zhPage, fs.readFileSync(zhPage, 'utf8').replace('梯度下降', '梯度上升'));
      expect(await index(dist, cache)).toEqual([
        'kept the en search bundle: its pages are the ones it was made from',
        'indexed 6 zh pages into pagefind/zh/',
      ]);
      expect(bundles(dist)).not.toEqual(changed);
    },
  );

  it(
    'indexes once the pages are written, while Astro makes the images, and the step after Astro keeps that index',
    { timeout: 60_000 },
    async () => {
      const [dist, plain] = [writeSite(), writeSite()];
      const cache = cacheFolder();
      expect(await index(dist, cache, { imagesMade: true })).toEqual([
        'indexing search while Astro makes the images',
        'indexed 6 en pages into pagefind/en/',
        'indexed 6 zh pages into pagefind/zh/',
        'the search index made while Astro made the images stands: no page was written since',
      ]);
      await index(plain);
      expect(bundles(dist)).toEqual(bundles(plain));
    },
  );

  it(
    'indexes a language again after Astro when one of its pages was written after the early index',
    { timeout: 60_000 },
    async () => {
      const dist = writeSite();
      const cache = cacheFolder();
      const said = await index(dist, cache, {
        imagesMade: true,
        whileImagesAreMade: async (said) => {
          await vi.waitFor(() => expect(said).toContain('indexed 6 zh pages into pagefind/zh/'), { timeout: 30_000 });
          const zhPage = path.join(dist, 'zh', '3', 'index.html');
          fs.writeFileSync(zhPage, fs.readFileSync(zhPage, 'utf8').replace('</main>', '<p>后来加的一段话</p></main>'));
        },
      });
      expect(said.slice(3)).toEqual([
        'kept the en search bundle: its pages are the ones it was made from',
        'indexed 6 zh pages into pagefind/zh/',
      ]);
    },
  );

  it('leaves a site whose pages pass the size limit to the step after Astro', async () => {
    const dist = writeSite();
    const cache = cacheFolder();
    const said: string[] = [];
    const options = {
      root: dist,
      cacheDir: cache,
      lockfile: path.join(dist, 'package-lock.json'),
      partBytes: PART_BYTES,
    };
    await indexBesideAstro(options, { info: (m) => said.push(m), warn: (m) => said.push(m) }, 1024);
    expect(said).toEqual(['the search index waits for Astro: the en pages hold 0.0 MB']);
    expect(fs.existsSync(path.join(dist, 'pagefind'))).toBe(false);
    expect(fs.readdirSync(cache)).toEqual([]);
  });
});

describe('telling a kept bundle is out of date without reading the pages', () => {
  const kept = { key: 'k', sizes: { '/zh/a/': 100, '/zh/b/': 200 } };
  it('says so when a page it indexed has another size or is gone, and leaves equal sizes to the key', () => {
    expect(
      changedSince(kept, [
        { url: '/zh/a/', bytes: 100 },
        { url: '/zh/b/', bytes: 201 },
      ]),
    ).toBe(true);
    expect(changedSince(kept, [{ url: '/zh/a/', bytes: 100 }])).toBe(true);
    expect(
      changedSince(kept, [
        { url: '/zh/a/', bytes: 100 },
        { url: '/zh/b/', bytes: 200 },
      ]),
    ).toBe(false);
    // A page it did not index may be a new one or one without content to index: the key tells.
    expect(
      changedSince(kept, [
        { url: '/zh/a/', bytes: 100 },
        { url: '/zh/b/', bytes: 200 },
        { url: '/zh/c/', bytes: 5 },
      ]),
    ).toBe(false);
  });
});
