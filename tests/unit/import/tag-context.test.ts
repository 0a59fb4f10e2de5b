import { describe, expect, it } from 'vitest';
import { LINE_EDGE, tagContexts } from '../../../src/import/tag-context';

// Tag sequences of a made-up file: nouns listed with 、, a locative before a comma, never a 」.
const lines = [
  ['n', '、', 'n', '、', 'n', 'c', 'n', '。'],
  ['n', 'f', '，', 'r', 'v', 'n', '。'],
  ['n', '、', 'n', 'v', 'a', '。'],
  ['r', 'v', 'n', 'f', '，', 'd', 'v', '。'],
];
const context = tagContexts(lines, 1)(0);
const between = (previous: string, tag: string, next: string) =>
  context.score(previous, tag) + context.score(tag, next);

describe('tag transitions counted on the file', () => {
  it('scores a transition the file has often above one it never has', () => {
    expect(context.score('n', 'f')).toBeGreaterThan(context.score('d', 'f'));
    expect(context.score('f', '，')).toBeGreaterThan(0);
  });

  it('does not let a mark the file never has beat one it has, where neither was seen', () => {
    // 、 and 」 keep the same bytes; 、 was never seen between f and v, and 」 nowhere.
    expect(between('f', '、', 'v')).toBeGreaterThan(between('f', '」', 'v'));
  });

  it('reads each line without its own transitions', () => {
    // Line 0 has the only n → c; read without it, the file has never seen it.
    expect(context.score('n', 'c')).toBeLessThan(0);
    expect(tagContexts(lines, 1)(1).score('n', 'c')).toBeGreaterThan(0);
    expect(context.score(LINE_EDGE, 'n')).toBeGreaterThan(0);
  });
});
