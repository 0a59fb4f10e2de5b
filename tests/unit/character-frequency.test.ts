import { describe, expect, it } from 'vitest';
import { CharacterCounts, rarestCharacter } from '../../src/lib/search/character-frequency';
import type { PagefindLike } from '../../src/lib/search/engine';
import { fakeBundle } from '../support/fake-pagefind';
import { runSearch } from '../support/run-search';

describe('character counts', () => {
  it('names Chinese characters most frequent first, and nothing else', () => {
    const counts = new CharacterCounts();
    counts.add('<p>学习率</p>');
    counts.add('学习，learning 的的的的 rate。率学率');
    expect(counts.mostFrequent()).toBe('的学率习');
    expect(counts.mostFrequent(2)).toBe('的学');
    expect(new CharacterCounts().mostFrequent()).toBe('');
  });
});

describe('rarestCharacter', () => {
  it('picks the single Chinese character named last, or one not named at all', () => {
    expect(rarestCharacter(['学', '习', '率'], '的学率习')).toBe('习');
    expect(rarestCharacter(['学', '熵', '率'], '的学率习')).toBe('熵');
    expect(rarestCharacter(['sgd', '优', '化'], '化的')).toBe('优');
    expect(rarestCharacter(['sgd', 'adam'], '的')).toBeUndefined();
  });
});

describe('a phrase scored by its rarest character', () => {
  // Addresses of their own: search keeps each page's text by its id for the page's life, and the
  // unit files share one module state.
  const pages = [
    { url: '/zh/rare-a/', title: '甲', content: '学习率与学习，学习率再谈学习率', kind: 'lesson' },
    { url: '/zh/rare-b/', title: '乙', content: '学习学习学习学习学习学习，一次学习率', kind: 'lesson' },
    { url: '/zh/rare-c/', title: '丙', content: '只谈学习', kind: 'lesson' },
  ];
  const recorded = (asked: string[]): PagefindLike => {
    const zh = fakeBundle(pages);
    return {
      search: (term, options) => {
        asked.push(term);
        return zh.search(term, options);
      },
    };
  };

  it('asks for the rarest character alone when the bundle names its common characters', async () => {
    const asked: string[] = [];
    const hits = await runSearch([{ lang: 'zh', pagefind: recorded(asked), commonCharacters: '学习率' }], '学习率');
    expect(asked).toEqual(['"学 习 率"', '率']);
    expect(hits.map((h) => h.url)).toEqual(['/zh/rare-a/', '/zh/rare-b/']);
  });

  it('asks for every character when it does not, and gives the same pages', async () => {
    const asked: string[] = [];
    const hits = await runSearch([{ lang: 'zh', pagefind: recorded(asked) }], '学习率');
    expect(asked).toEqual(['"学 习 率"', '学 习 率']);
    expect(hits.map((h) => h.url)).toEqual(['/zh/rare-a/', '/zh/rare-b/']);
  });

  it('scores nothing in date order, where the exact search’s order is shown', async () => {
    const asked: string[] = [];
    await runSearch([{ lang: 'zh', pagefind: recorded(asked), commonCharacters: '学习率' }], '学习率', {
      sort: 'date',
    });
    expect(asked).toEqual(['"学 习 率"']);
  });
});
