import { describe, expect, it } from 'vitest';
import { groundTruth, sampleTerms, scoreQueries } from '../../scripts/bench/search-quality';

describe('search quality measure', () => {
  it('computes recall, precision and top-1 on a case worked out by hand', () => {
    const q = scoreQueries([
      // all 2 true pages found, 1 wrong page, first result right
      { term: 'a', truth: ['/1', '/2'], returned: ['/1', '/x', '/2'] },
      // 1 of 2 found, nothing wrong, first result right
      { term: 'b', truth: ['/1', '/3'], returned: ['/3'] },
      // nothing found
      { term: 'c', truth: ['/4'], returned: [] },
      // first result wrong
      { term: 'd', truth: ['/5'], returned: ['/6', '/5'] },
      // no true page: not scored
      { term: 'e', truth: [], returned: ['/7'] },
    ]);
    expect(q.queries).toBe(4);
    expect(q.recall).toBeCloseTo((1 + 0.5 + 0 + 1) / 4);
    expect(q.precision).toBeCloseTo((2 / 3 + 1 + 1 / 2) / 3);
    expect(q.top1).toBeCloseTo(2 / 4);
  });

  it('finds the pages that contain a term, across the spaces search ignores', () => {
    const pages = [
      { url: '/a', text: '这是一段简单的测试文本' },
      { url: '/b', text: '用 SGD 优化器训练' },
      { url: '/c', text: '简单' },
    ];
    expect(groundTruth(pages, '段简')).toEqual(['/a']);
    expect(groundTruth(pages, '简单')).toEqual(['/a', '/c']);
    expect(groundTruth(pages, 'SGD优化器')).toEqual(['/b']);
  });

  it('samples the same Chinese and mixed terms for the same seed', () => {
    const texts = ['这是一段简单的测试文本，我们用SGD优化器和Adam优化器训练模型。学习率很重要。'];
    const a = sampleTerms(texts, 12, 3);
    expect(a).toEqual(sampleTerms(texts, 12, 3));
    expect(a.length).toBe(12);
    for (const term of a) expect(texts[0]!.toLowerCase().replace(/\s/g, '')).toContain(term);
    expect(a.some((t) => /^[a-z]/.test(t))).toBe(true);
    expect(a.every((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true);
  });
});
