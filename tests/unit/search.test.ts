import { describe, expect, it } from 'vitest';
import { INDEX_SEPARATOR, hasCjk, normalizeForMatch, prepareQuery, spaceCjk, spaceCjkNode, unspaceCjk } from '../../src/lib/search/cjk';
import { countPhrase, excerptFromPagefind, makeExcerpt } from '../../src/lib/search/excerpt';
import { mayHavePhrase, runSearch, type PagefindFragment, type PagefindLike } from '../../src/lib/search/engine';
import { indexableHtml } from '../../src/integrations/search-index';

const Z = INDEX_SEPARATOR;

describe('CJK indexing form', () => {
  it('separates every CJK character and CJK from Latin, invisibly and reversibly', () => {
    expect(spaceCjk('用SGD优化器训练')).toBe(`用${Z}SGD${Z}优${Z}化${Z}器${Z}训${Z}练`);
    expect(spaceCjk('plain English text')).toBe('plain English text');
    const original = '这是一段简单的测试文本，用 Adam 和SGD优化器 2023年5月';
    expect(unspaceCjk(spaceCjk(original))).toBe(original);
  });

  it('separates CJK at the edges of a text node, where the next node continues the run', () => {
    expect(spaceCjkNode('一段')).toBe(`${Z}一${Z}段${Z}`);
    expect(spaceCjkNode('xxeos')).toBe('xxeos');
    const out = indexableHtml('<html lang="zh-CN"><body><p><code>xxeos</code>一段<strong>仿射</strong>函数</p></body></html>');
    expect(out).toContain(`xxeos</code>${Z}一`);
    expect(out).toContain(`射${Z}</strong>${Z}函`);
  });

  it('prepares Chinese queries as characters plus an exact phrase, English queries unchanged', () => {
    expect(prepareQuery(' 简单的 ')).toEqual({ pagefind: '简 单 的', phrase: '简单的', highlights: ['简单的'] });
    expect(prepareQuery('SGD优化器').pagefind).toBe('SGD 优 化 器');
    expect(prepareQuery('SGD优化器').phrase).toBe('sgd优化器');
    expect(prepareQuery('learning  rate')).toEqual({ pagefind: 'learning rate', phrase: undefined, highlights: ['learning', 'rate'] });
    expect(hasCjk('rate')).toBe(false);
  });

  it('compares text ignoring case, index separators and spaces next to Chinese', () => {
    expect(normalizeForMatch(`SGD 优${Z}化器`)).toBe('sgd优化器');
    expect(countPhrase(`用 SGD 优化器，再用SGD优化器`, 'sgd优化器')).toBe(2);
    expect(countPhrase('没有', 'sgd')).toBe(0);
  });

  it('indexes the page text in the CJK form and each formula once, as TeX', () => {
    const html = '<html lang="zh-CN"><body><main data-pagefind-body><p>学习率</p><span class="katex"><span class="katex-mathml"><math><semantics><mi>x</mi><annotation encoding="application/x-tex">\\alpha x</annotation></semantics></math></span><span class="katex-html">x</span></span><script>var a="中文"</script></main></body></html>';
    const out = indexableHtml(html);
    expect(out).toContain(`学${Z}习${Z}率`);
    expect(out).toContain('\\alpha x');
    expect(out).not.toContain('katex-html');
    expect(out).toContain('var a="中文"');
  });
});

describe('indexed text', () => {
  it('keeps block boundaries so a term cannot span two elements', async () => {
    const { indexedText } = await import('../../src/integrations/search-index');
    const text = indexedText('<html lang="zh-CN"><body><article data-pagefind-body><ul><li>map</li></ul><p>上周五 <span data-pagefind-ignore>跳过</span>读代码</p><table><tr><td>PyTorch</td><td>拿到</td></tr></table></article></body></html>');
    expect(text).toBe('map ¶ 上周五 读代码 ¶ PyTorch ¶ 拿到');
  });
});

describe('excerpts', () => {
  it("reads Pagefind's excerpt into marked parts, decoding entities and dropping separators", () => {
    const parts = excerptFromPagefind(`a &lt;b&gt; <mark>learning</mark> rate 学${Z}习 &amp; <mark>Learned</mark>`);
    expect(parts).toEqual([
      { text: 'a <b> ', mark: false },
      { text: 'learning', mark: true },
      { text: ' rate 学习 & ', mark: false },
      { text: 'Learned', mark: true },
    ]);
  });

  it('marks every occurrence of the phrase in a window around the first one', () => {
    const parts = makeExcerpt(`开头${Z}文字。这是一段简单的测试文本，简单的例子。`, ['简单的'], 8);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['简单的', '简单的']);
    expect(parts.map((p) => p.text).join('')).not.toContain(Z);
  });

  it('marks English words as prefixes so stemmed matches are shown', () => {
    const parts = makeExcerpt('We learn by learning things.', ['learn']);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['learn', 'learn']);
  });
});

function fakeBundle(pages: { url: string; title: string; content: string; kind?: string; date?: string }[]): PagefindLike {
  // Stands in for Pagefind: returns every page containing all query characters/words, in input order.
  return {
    async search(term, options) {
      const words = term.toLowerCase().split(' ').filter(Boolean);
      const results = pages
        .filter((p) => words.every((w) => p.content.toLowerCase().includes(w)))
        .filter((p) => !options?.filters?.['kind'] || p.kind === options.filters['kind'])
        .map((p, i) => ({
          score: 10 - i,
          data: async (): Promise<PagefindFragment> => ({ url: p.url, content: p.content, meta: { title: p.title, kind: p.kind, date: p.date } }),
        }));
      return { results };
    },
  };
}

describe('mayHavePhrase', () => {
  it('needs a run of consecutive matched positions as long as the query', () => {
    expect(mayHavePhrase([3, 9, 10, 11, 40], 3)).toBe(true);
    expect(mayHavePhrase([3, 9, 11, 40], 3)).toBe(false);
    expect(mayHavePhrase(undefined, 3)).toBe(true);
    expect(mayHavePhrase([5], 1)).toBe(true);
  });
});

describe('runSearch', () => {
  const zh = fakeBundle([
    { url: '/zh/a/', title: '甲', content: '单的简直是测试', kind: 'lesson' },
    { url: '/zh/b/', title: '乙', content: '这是一段简单的测试文本', kind: 'lesson' },
    { url: '/zh/c/', title: '简单的标题', content: '简单的开头，再说简单的', kind: 'log', date: '2023-05-11' },
    { url: '/zh/d/', title: '丁', content: '后来又写了简单的一篇', kind: 'log', date: '2023-08-01' },
  ]);
  const en = fakeBundle([{ url: '/en/a/', title: 'A', content: 'simple learning notes', kind: 'lesson' }]);

  it('drops pages that have the characters but not the phrase, and ranks title and frequency first', async () => {
    const hits = await runSearch([{ lang: 'zh', pagefind: zh }], '简单的');
    expect(hits.map((h) => h.url).slice(0, 1)).toEqual(['/zh/c/']);
    expect(hits.map((h) => h.url).sort()).toEqual(['/zh/b/', '/zh/c/', '/zh/d/']);
  });

  it('applies the kind filter and merges both languages when asked', async () => {
    expect((await runSearch([{ lang: 'zh', pagefind: zh }], '简单的', { kind: 'lesson' })).map((h) => h.url)).toEqual(['/zh/b/']);
    const both = await runSearch([{ lang: 'zh', pagefind: zh }, { lang: 'en', pagefind: en }], 'learning');
    expect(both.map((h) => [h.lang, h.url])).toEqual([['en', '/en/a/']]);
  });

  it('sorts by date when asked and returns nothing for an empty query', async () => {
    const byDate = await runSearch([{ lang: 'zh', pagefind: zh }], '简单的', { kind: 'log', sort: 'date' });
    expect(byDate.map((h) => h.date)).toEqual(['2023-08-01', '2023-05-11']);
    expect(await runSearch([{ lang: 'zh', pagefind: zh }], '   ')).toEqual([]);
  });
});
