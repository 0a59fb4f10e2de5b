import { describe, expect, it } from 'vitest';
import { CJK_PUNCTUATION_RANGE, CJK_RANGE, countCjk, hasCjk } from '../../src/lib/cjk';

describe('the CJK character range', () => {
  it('counts ideographs, including extension A and compatibility ideographs', () => {
    expect(countCjk('学习率')).toBe(3);
    expect(countCjk('㐀')).toBe(1); // U+3400, extension A
    expect(countCjk('豈')).toBe(1); // U+F900, compatibility ideograph
  });

  it('does not count punctuation, kana, Latin letters or digits', () => {
    expect(countCjk('，。、「」：！（）　')).toBe(0);
    expect(countCjk('ひらがなカタカナ')).toBe(0);
    expect(countCjk('SGD 0.01')).toBe(0);
    expect(hasCjk('learning rate')).toBe(false);
    expect(hasCjk('the 学习率 finder')).toBe(true);
  });

  it('composes into patterns, and keeps punctuation in its own range', () => {
    expect('用SGD优化器'.match(new RegExp(`[${CJK_RANGE}]+`, 'g'))).toEqual(['用', '优化器']);
    expect(new RegExp(`[${CJK_PUNCTUATION_RANGE}]$`).test('好，')).toBe(true);
    expect(new RegExp(`[${CJK_PUNCTUATION_RANGE}]`).test('好')).toBe(false);
  });
});
