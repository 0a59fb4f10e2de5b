import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The dictionary `@node-rs/jieba` ships (jieba's dict.txt: 349,000 words, each with its count in a
 * general corpus), read as data: the native segmenter is never loaded. It gives the word
 * frequencies the Chinese model segments by, and how often each character and each pair of
 * neighbouring characters occurs in those words, weighted by the words' counts.
 */
export interface Dictionary {
  /** Log probability of each word (single characters included). */
  logProb: Map<string, number>;
  /** Each word's part of speech, as jieba tags it (n noun, v verb, d adverb, f locative, uj 的…). */
  tag: Map<string, string>;
  /** Every proper prefix of a word, to stop spelling a word early. */
  prefixes: Set<string>;
  /** Log of the total count, for the score of a character the dictionary lacks. */
  logTotal: number;
  /** Share of each character among all the characters of the words, counts weighted. */
  charShare: Map<string, number>;
  /** For a pair `ab` inside words: the share of `b` among the characters following `a`. */
  nextShare: Map<string, number>;
  /** For a pair `ab` inside words: the share of `a` among the characters before `b`. */
  previousShare: Map<string, number>;
}

export const MAX_WORD = 8;

let loaded: Dictionary | undefined;

export function dictionary(): Dictionary {
  if (loaded) return loaded;
  const file = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  const counts = new Map<string, number>();
  const tag = new Map<string, string>();
  let total = 0;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [word, count, pos] = line.split(' ');
    const n = Number(count);
    if (!word || !n || word.length > MAX_WORD) continue;
    if (pos && !tag.has(word)) tag.set(word, pos);
    counts.set(word, (counts.get(word) ?? 0) + n);
    total += n;
  }
  const logProb = new Map<string, number>();
  const prefixes = new Set<string>();
  const chars = new Map<string, number>();
  const pairs = new Map<string, number>();
  const lefts = new Map<string, number>();
  const rights = new Map<string, number>();
  let charTotal = 0;
  const logTotal = Math.log(total);
  for (const [word, n] of counts) {
    logProb.set(word, Math.log(n) - logTotal);
    for (let k = 0; k < word.length; k++) {
      const c = word.charAt(k);
      chars.set(c, (chars.get(c) ?? 0) + n);
      charTotal += n;
      if (k === 0) continue;
      prefixes.add(word.slice(0, k));
      const pair = word.slice(k - 1, k + 1);
      pairs.set(pair, (pairs.get(pair) ?? 0) + n);
      lefts.set(word.charAt(k - 1), (lefts.get(word.charAt(k - 1)) ?? 0) + n);
      rights.set(c, (rights.get(c) ?? 0) + n);
    }
  }
  const charShare = new Map<string, number>();
  for (const [c, n] of chars) charShare.set(c, n / charTotal);
  const nextShare = new Map<string, number>();
  const previousShare = new Map<string, number>();
  for (const [pair, n] of pairs) {
    nextShare.set(pair, n / (lefts.get(pair.charAt(0)) ?? n));
    previousShare.set(pair, n / (rights.get(pair.charAt(1)) ?? n));
  }
  loaded = { logProb, tag, prefixes, logTotal, charShare, nextShare, previousShare };
  return loaded;
}
