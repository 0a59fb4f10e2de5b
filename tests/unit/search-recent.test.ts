import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageChanges, recentLimit, RECENT_FROM_PAGES } from '../../src/integrations/search-recent';
import { BUNDLE_ENTRY, type BundleEntry } from '../../src/lib/search/bundles';
import { search } from '../../src/lib/search/engine';
import { fakeBundle } from '../support/fake-pagefind';
import { cacheFolder, index, writeSite } from '../support/indexed-site';

const many = (n: number, hash = (i: number) => `h${i}`) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`/zh/${i}/`, hash(i)]));
const kept = (n: number) => ({
  key: 'k',
  sizes: {},
  code: 'c',
  pages: many(n),
  ids: many(n, (i) => `zh_${i}`),
});

describe('which changed pages a rebuild indexes apart', () => {
  it('takes a few of a large bundle’s pages, none of a small one’s', () => {
    expect(recentLimit(RECENT_FROM_PAGES - 1)).toBe(0);
    expect(recentLimit(RECENT_FROM_PAGES)).toBe(10);
    expect(recentLimit(2000)).toBe(100);
  });

  it('names the changed, new and gone pages, and the kept bundle’s ids of the changed and gone ones', () => {
    const now = { code: 'c', pages: { ...many(300), '/zh/5/': 'edited', '/zh/new/': 'n' } };
    delete (now.pages as Record<string, string>)['/zh/7/'];
    expect(pageChanges(kept(300), now)).toEqual({
      changed: ['/zh/5/', '/zh/new/'],
      gone: ['/zh/7/'],
      hidden: ['zh_5', 'zh_7'],
      earlier: { '/zh/5/': 'zh_5' },
    });
  });

  it('takes nothing made by other indexing code, too many changes, or a bundle kept without page hashes', () => {
    expect(pageChanges(kept(300), { code: 'other', pages: many(300) })).toBeUndefined();
    expect(pageChanges(kept(300), { code: 'c', pages: many(300, (i) => (i < 16 ? 'x' : `h${i}`)) })).toBeUndefined();
    expect(pageChanges({ key: 'k', sizes: {} }, { code: 'c', pages: many(300) })).toBeUndefined();
  });
});

describe('a rebuild’s recent bundle', () => {
  it(
    'holds the pages changed since the language was indexed whole, and hides their earlier versions',
    { timeout: 60_000 },
    async () => {
      const dist = writeSite(RECENT_FROM_PAGES);
      const cache = cacheFolder();
      await index(dist, cache);
      const entry = () =>
        JSON.parse(fs.readFileSync(path.join(dist, 'pagefind', 'zh', BUNDLE_ENTRY), 'utf8')) as BundleEntry;
      expect(entry().recent).toBeUndefined();
      const fragments = (folder: string) => {
        const dir = path.join(dist, 'pagefind', folder, 'fragment');
        return fs.readdirSync(dir).map((f) => ({
          id: f.replace('.pf_fragment', ''),
          text: gunzipSync(fs.readFileSync(path.join(dir, f))).toString(),
        }));
      };
      const idOf = (folder: string, url: string) =>
        fragments(folder).find((f) => f.text.includes(`"url":"${url}"`))?.id;
      const before = { three: idOf('zh', '/zh/3/'), five: idOf('zh', '/zh/5/') };
      expect(before.three).toBeDefined();

      const edit = (i: number, text: string) => {
        const file = path.join(dist, 'zh', String(i), 'index.html');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('</main>', `<p>${text}</p></main>`));
      };
      edit(3, '新加的一段话');
      const said = await index(dist, cache);
      expect(said).toContain('indexed 1 changed zh pages into pagefind/zh/recent/');
      expect(said.filter((l) => /^indexed \d+ (zh|en) pages/.test(l))).toEqual([]);
      expect(entry()).toMatchObject({ parts: ['recent/'], recent: 'recent/', hidden: [before.three] });
      // The recent bundle says which result each of its pages replaces.
      const recentEntry = JSON.parse(
        fs.readFileSync(path.join(dist, 'pagefind', 'zh', 'recent', BUNDLE_ENTRY), 'utf8'),
      ) as BundleEntry;
      expect(recentEntry.earlier).toEqual({ [idOf('zh/recent', '/zh/3/')!]: before.three });
      expect(
        fragments('zh/recent')
          .map((f) => f.text)
          .join(),
      ).toContain('新\u200b加\u200b的');
      // The bundle made whole is the one kept: its earlier version of the page is still there, hidden.
      expect(idOf('zh', '/zh/3/')).toBe(before.three);

      // A second edit: the recent bundle holds both pages changed since the whole index.
      edit(5, '又一段');
      const again = await index(dist, cache);
      expect(again).toContain('indexed 2 changed zh pages into pagefind/zh/recent/');
      expect(entry().hidden?.sort()).toEqual([before.three, before.five].sort());
    },
  );
});

describe('search with a recent bundle', () => {
  it('leaves out the hidden earlier versions and finds the newer ones', async () => {
    const url = '/zh/recent-search/';
    const whole = fakeBundle([
      { url, title: '第三节', content: '旧的说法：梯度下降' },
      { url: '/zh/recent-other/', title: '别的', content: '梯度下降也在这里' },
    ]);
    const recent = fakeBundle([{ url, title: '第三节', content: '新的说法：梯度下降' }]);
    const bundles = [
      { lang: 'zh', pagefind: whole, hidden: new Set([url]) },
      { lang: 'zh', pagefind: recent },
    ];
    const found = await search(bundles, '梯度下降');
    expect(found.total).toBe(2);
    const hits = await found.next();
    expect(hits.map((h) => h.url).sort()).toEqual([url, '/zh/recent-other/'].sort());
    expect((await search(bundles, '旧的说法')).total).toBe(0);
    expect((await search(bundles, '新的说法')).total).toBe(1);
  });

  it('ranks a page of the recent bundle as its earlier version ranks in the whole index', async () => {
    const edited = '/en/recent-rank-edited/';
    const other = '/en/recent-rank-other/';
    const whole = fakeBundle([
      { url: edited, title: 'Edited', content: 'dropout dropout dropout dropout dropout dropout' },
      { url: other, title: 'Other', content: 'dropout dropout dropout' },
    ]);
    // Scored against itself alone, the newer version's one occurrence would rank it last.
    const recent = fakeBundle([{ url: `${edited}new`, title: 'Edited', content: 'dropout, once now' }]);
    const bundles = [
      { lang: 'en', pagefind: whole, hidden: new Set([edited]) },
      { lang: 'en', pagefind: recent, earlier: new Map([[`${edited}new`, edited]]) },
    ];
    expect((await (await search(bundles, 'dropout')).next()).map((h) => h.url)).toEqual([`${edited}new`, other]);
    const unranked = [bundles[0]!, { lang: 'en', pagefind: recent }];
    expect((await (await search(unranked, 'dropout')).next()).map((h) => h.url)).toEqual([other, `${edited}new`]);
  });
});
