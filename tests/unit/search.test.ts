import { describe, expect, it } from 'vitest';
import {
  INDEX_SEPARATOR,
  hasCjk,
  normalizeForMatch,
  prepareQuery,
  spaceCjk,
  spaceCjkNode,
  unspaceCjk,
} from '../../src/lib/search/cjk';
import { countPhrase, excerptFromPagefind, makeExcerpt } from '../../src/lib/search/excerpt';
import { languagePlan } from '../../src/lib/search/languages';
import { PAGE_SIZE, hasExactMatch, phraseRuns, search, type PagefindLike } from '../../src/lib/search/engine';
import { indexableHtml } from '../../src/integrations/search-index';
import { fakeBundle } from '../support/fake-pagefind';
import { runSearch } from '../support/run-search';
import { seededRandom } from '../../scripts/bench/seeded-random';

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
    const out = indexableHtml(
      '<html lang="zh-CN"><body><p><code>xxeos</code>一段<strong>仿射</strong>函数</p></body></html>',
    );
    expect(out).toContain(`xxeos</code>${Z}一`);
    expect(out).toContain(`射${Z}</strong>${Z}函`);
  });

  it('prepares Chinese queries as characters plus an exact phrase, English queries unchanged', () => {
    expect(prepareQuery(' 简单的 ')).toEqual({ pagefind: '简 单 的', phrase: '简单的', highlights: ['简单的'] });
    expect(prepareQuery('SGD优化器').pagefind).toBe('SGD 优 化 器');
    expect(prepareQuery('SGD优化器').phrase).toBe('sgd优化器');
    expect(prepareQuery('learning  rate')).toEqual({
      pagefind: 'learning rate',
      phrase: undefined,
      highlights: ['learning', 'rate'],
    });
    expect(hasCjk('rate')).toBe(false);
  });

  it('compares text ignoring case, index separators and spaces next to Chinese', () => {
    expect(normalizeForMatch(`SGD 优${Z}化器`)).toBe('sgd优化器');
    expect(normalizeForMatch(' 学习  率\n是 a  Step ')).toBe('学习率是a step');
    expect(normalizeForMatch('（ 中 ） x y')).toBe('（中） x y');
    expect(countPhrase(`用 SGD 优化器，再用SGD优化器`, 'sgd优化器')).toBe(2);
    expect(countPhrase('没有', 'sgd')).toBe(0);
  });

  it('indexes the page text in the CJK form and each formula once, as TeX', () => {
    const html =
      '<html lang="zh-CN"><body><main data-pagefind-body><p>学习率</p><span class="katex"><span class="katex-mathml"><math><semantics><mi>x</mi><annotation encoding="application/x-tex">\\alpha x</annotation></semantics></math></span><span class="katex-html">x</span></span><script>var a="中文"</script></main></body></html>';
    const out = indexableHtml(html);
    expect(out).toContain(`学${Z}习${Z}率`);
    expect(out).toContain('\\alpha x');
    expect(out).not.toContain('katex-html');
    expect(out).toContain('var a="中文"');
  });
});

describe('indexing form of a whole page', () => {
  it('replaces each formula, nested spans and all, by its TeX and leaves scripts and tags alone', () => {
    const formula = (tex: string) =>
      `<span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>x</mi></mrow><annotation encoding="application/x-tex">${tex}</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base"><span class="mord">x</span></span></span></span>`;
    const html = `<html lang="zh-CN"><head><title>第一课</title><script>if (a < b) x = "中文";</script></head><body><p title="标题">前${formula('\\text{中文} x')}后</p><span class="katex-display">${formula('y^2')}</span><p>尾</p></body></html>`;
    const out = indexableHtml(html);
    expect(out).toContain(`<p title="标题">${Z}前${Z}<span class="katex"> \\text{中文} x </span>${Z}后</p>`);
    expect(out).toContain('<span class="katex-display"><span class="katex"> y^2 </span></span>');
    expect(out).toContain('<script>if (a < b) x = "中文";</script>');
    expect(out).toContain(`<title>${Z}第${Z}一${Z}课${Z}</title>`);
    expect(out).not.toContain('katex-html');
  });

  it('gives Pagefind no element ids, so a result it loads carries no anchors to build excerpts for', () => {
    const out = indexableHtml(
      '<main data-pagefind-body><h2 id="sgd" class="h">SGD</h2><p data-id="keep" id=\'x\'>text<a id=y>a</a></p></main>',
    );
    expect(out).toBe('<main data-pagefind-body><h2 class="h">SGD</h2><p data-id="keep">text<a>a</a></p></main>');
  });

  it('leaves out what Pagefind ignores, and ends no block with a separator', () => {
    const out = indexableHtml(
      '<h3 id="m">主权重<a class="heading-anchor" data-pagefind-ignore="" href="#m"><span>#</span></a></h3>' +
        '<p>整套<span data-pagefind-ignore><span>跳</span>过</span>方案<img data-pagefind-ignore src="x.png" alt="">。</p>' +
        '<p title="a data-pagefind-ignore b">留下</p>',
    );
    expect(out).toBe(
      `<h3>${Z}主${Z}权${Z}重</h3><p>${Z}整${Z}套${Z}方${Z}案${Z}。</p><p title="a data-pagefind-ignore b">${Z}留${Z}下</p>`,
    );
  });
});

describe('indexed text', () => {
  it('keeps block boundaries so a term cannot span two elements', async () => {
    const { indexedText } = await import('../../scripts/bench/indexed-text');
    const text = indexedText(
      '<html lang="zh-CN"><body><article data-pagefind-body><ul><li>map</li></ul><p>上周五 <span data-pagefind-ignore>跳过</span>读代码</p><table><tr><td>PyTorch</td><td>拿到</td></tr></table></article></body></html>',
    );
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

describe('phraseRuns', () => {
  it('counts non-overlapping runs of consecutive matched positions as long as the query', () => {
    expect(phraseRuns([3, 4, 5, 9, 10, 11, 12], 3)).toBe(2);
    expect(phraseRuns([3, 9, 11, 40], 3)).toBe(0);
    expect(phraseRuns([1, 2, 3, 4, 5, 6], 3)).toBe(2);
    expect(phraseRuns([5, 8], 1)).toBe(2);
    expect(phraseRuns(undefined, 2)).toBe(0);
    expect(phraseRuns([12, 4, 5, 4, 3, 11, 10], 3)).toBe(2);
  });

  it('counts what greedy runs from the first position count, in any order and with repeats', () => {
    // The definition: from each position still unclaimed, in order, claim `tokens` consecutive ones.
    const greedy = (words: number[], tokens: number) => {
      const left = new Set(words);
      let runs = 0;
      for (const start of [...left].sort((a, b) => a - b)) {
        let length = 0;
        while (length < tokens && left.has(start + length)) length++;
        if (length < tokens) continue;
        runs++;
        for (let i = 0; i < tokens; i++) left.delete(start + i);
      }
      return runs;
    };
    const random = seededRandom(7);
    for (let n = 0; n < 500; n++) {
      const words = Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 60));
      if (random() < 0.5) words.sort((a, b) => a - b);
      const tokens = 1 + Math.floor(random() * 4);
      expect(phraseRuns(words, tokens), `${tokens} in ${words.join(',')}`).toBe(greedy(words, tokens));
    }
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

  it('scores a Chinese phrase only when some page has it: one that none has is one exact search', async () => {
    const asked: string[] = [];
    const recording: PagefindLike = {
      search: (term, options) => {
        asked.push(term);
        return zh.search(term, options);
      },
    };
    expect(await runSearch([{ lang: 'zh', pagefind: recording }], '单简')).toEqual([]);
    expect(asked).toEqual(['"单 简"']);
    asked.length = 0;
    expect((await runSearch([{ lang: 'zh', pagefind: recording }], '简单')).length).toBe(3);
    expect(asked).toEqual(['"简 单"', '简 单']);
  });

  it('applies the kind filter and merges both languages when asked', async () => {
    expect((await runSearch([{ lang: 'zh', pagefind: zh }], '简单的', { kind: 'lesson' })).map((h) => h.url)).toEqual([
      '/zh/b/',
    ]);
    const both = await runSearch(
      [
        { lang: 'zh', pagefind: zh },
        { lang: 'en', pagefind: en },
      ],
      'learning',
    );
    expect(both.map((h) => [h.lang, h.url])).toEqual([['en', '/en/a/']]);
  });

  it('sorts by date when asked and returns nothing for an empty query', async () => {
    const byDate = await runSearch([{ lang: 'zh', pagefind: zh }], '简单的', { kind: 'log', sort: 'date' });
    expect(byDate.map((h) => h.date)).toEqual(['2023-08-01', '2023-05-11']);
    expect(await runSearch([{ lang: 'zh', pagefind: zh }], '   ')).toEqual([]);
  });
});

describe('search, a page of results at a time', () => {
  const many = Array.from({ length: 25 }, (_, i) => ({
    url: `/zh/${i}/`,
    title: `第${i}篇`,
    content: `${'其他文字'.repeat(i % 3)}梯度下降`,
    kind: 'lesson',
  }));

  it('loads the text of only the results shown, and more when asked', async () => {
    const loads: string[] = [];
    const list = await search([{ lang: 'zh', pagefind: fakeBundle(many, loads) }], '梯度下降');
    expect(list.total).toBe(25);
    expect(await list.next()).toHaveLength(PAGE_SIZE);
    expect(loads).toHaveLength(PAGE_SIZE);
    let shown = PAGE_SIZE;
    while (!list.done) shown += (await list.next()).length;
    expect(shown).toBe(25);
    expect(loads).toHaveLength(25);
    expect(await list.next()).toEqual([]);
  });

  it('drops a page whose matched positions run from one block into the next, and fills the page from the rest', async () => {
    const pages = [
      { url: '/zh/split/', title: '梯度', content: '下降的标题之后', kind: 'lesson' },
      ...many.slice(0, 11),
    ];
    const list = await search([{ lang: 'zh', pagefind: fakeBundle(pages) }], '梯度下降');
    expect(list.total).toBe(12);
    const first = await list.next();
    expect(first).toHaveLength(PAGE_SIZE);
    const rest = [];
    while (!list.done) rest.push(...(await list.next()));
    expect([...first, ...rest].map((h) => h.url)).not.toContain('/zh/split/');
    expect(first.length + rest.length).toBe(11);
  });

  it('merges two languages by date, loading one page ahead per language', async () => {
    const zh = fakeBundle([
      { url: '/zh/1/', title: '甲', content: 'SGD 笔记', kind: 'log', date: '2023-05-11' },
      { url: '/zh/3/', title: '丙', content: 'SGD 笔记', kind: 'log', date: '2023-06-01' },
    ]);
    const en = fakeBundle([{ url: '/en/2/', title: 'B', content: 'SGD notes', kind: 'log', date: '2023-05-20' }]);
    const hits = await runSearch(
      [
        { lang: 'zh', pagefind: zh },
        { lang: 'en', pagefind: en },
      ],
      'sgd',
      { sort: 'date' },
    );
    expect(hits.map((h) => h.url)).toEqual(['/zh/3/', '/en/2/', '/zh/1/']);
  });
});

describe('languagePlan', () => {
  it("searches Chinese too when an English page's query is written in Chinese characters", () => {
    expect(languagePlan(['en', 'zh'], '交叉熵', false)).toEqual({ now: ['en', 'zh'], ifNothing: [] });
    expect(languagePlan(['en', 'zh'], 'SGD优化器', false)).toEqual({ now: ['en', 'zh'], ifNothing: [] });
    expect(languagePlan(['en', 'zh'], 'cross entropy', false)).toEqual({ now: ['en'], ifNothing: [] });
  });

  it('looks up Latin words in English only when the Chinese notes have nothing', () => {
    expect(languagePlan(['zh', 'en'], 'dropout', false)).toEqual({ now: ['zh'], ifNothing: ['en'] });
    expect(languagePlan(['zh', 'en'], '学习率', false)).toEqual({ now: ['zh'], ifNothing: [] });
    expect(languagePlan(['zh', 'en'], '2019', false)).toEqual({ now: ['zh'], ifNothing: [] });
  });

  it('searches every language when both are asked for', () => {
    expect(languagePlan(['zh', 'en'], 'dropout', true)).toEqual({ now: ['zh', 'en'], ifNothing: [] });
  });
});

describe('hasExactMatch', () => {
  it('tells words a bundle has as written from words it only matches loosely', async () => {
    const zh = fakeBundle([{ url: '/zh/a/', title: '甲', content: '用 dropout 正则化', kind: 'lesson' }]);
    expect(await hasExactMatch([{ pagefind: zh }], 'dropout')).toBe(true);
    expect(await hasExactMatch([{ pagefind: zh }], 'drop')).toBe(false);
    expect(await hasExactMatch([{ pagefind: zh }], 'analogy')).toBe(false);
  });
});

describe('search bundle files', () => {
  it("ships Pagefind's core, the bundle language's WebAssembly and data, not its UIs or worker", async () => {
    const { isShipped } = await import('../../src/integrations/shipped-bundles');
    for (const kept of [
      'pagefind.js',
      'pagefind-entry.json',
      'pagefind.zh_1.pf_meta',
      'wasm.unknown.pagefind',
      'index',
      'fragment',
    ]) {
      expect(isShipped(kept, ['unknown']), kept).toBe(true);
    }
    for (const dropped of [
      'pagefind-ui.js',
      'pagefind-ui.css',
      'pagefind-component-ui.js',
      'pagefind-modular-ui.css',
      'pagefind-highlight.js',
      'pagefind-worker.js',
      'wasm.en.pagefind',
    ]) {
      expect(isShipped(dropped, ['unknown']), dropped).toBe(false);
    }
    expect(isShipped('wasm.en.pagefind', ['en'])).toBe(true);
  });
});
