import fs from 'node:fs';
import { createRequire } from 'node:module';
import { CJK_RANGE } from '../lib/cjk';

/**
 * A Chinese language model for choosing between characters: word frequencies from the dictionary
 * that `@node-rs/jieba` ships (jieba's dict.txt, 349,000 words with counts from a general corpus),
 * read as a unigram word model, the way jieba itself segments text. It has never seen this
 * project's notes, so measuring it on them measures it on unseen text.
 */

/** One position of a line: the characters it may be, each with the log prior of how it got there. */
export interface Slot {
  options: { char: string; prior: number }[];
}

export interface Reading {
  /** The chosen character of each slot. */
  chars: string[];
  /** For each slot, the share of the best reading's weight its choice carries against the alternatives. */
  confidence: number[];
  /** For each slot, the alternatives from best to worst (the choice first). */
  ranked: string[][];
}

interface Dictionary {
  logProb: Map<string, number>;
  prefixes: Set<string>;
  /** Score of a Chinese character the dictionary has never seen as a word of its own. */
  unknownHan: number;
}

const MAX_WORD = 8;
const HAN = new RegExp(`^[${CJK_RANGE}]$`);
/** Punctuation Chinese text uses all the time, worth about as much as a frequent character. */
const COMMON_PUNCTUATION = new Set([...'，。、：；！？（）《》【】「」『』“”‘’—…·～']);

let loaded: Dictionary | undefined;

function dictionary(): Dictionary {
  if (loaded) return loaded;
  const file = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  const counts = new Map<string, number>();
  let total = 0;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [word, count] = line.split(' ');
    const n = Number(count);
    if (!word || !n || word.length > MAX_WORD) continue;
    counts.set(word, (counts.get(word) ?? 0) + n);
    total += n;
  }
  const logProb = new Map<string, number>();
  const prefixes = new Set<string>();
  const logTotal = Math.log(total);
  for (const [word, n] of counts) {
    logProb.set(word, Math.log(n) - logTotal);
    for (let k = 1; k < word.length; k++) prefixes.add(word.slice(0, k));
  }
  loaded = { logProb, prefixes, unknownHan: Math.log(0.5) - logTotal };
  return loaded;
}

/** How likely a character is on its own, when no dictionary word covers it. */
function singleScore(char: string, dict: Dictionary): number {
  const known = dict.logProb.get(char);
  if (known !== undefined) return known;
  if (HAN.test(char)) return dict.unknownHan;
  if (COMMON_PUNCTUATION.has(char)) return Math.log(0.01);
  return Math.log(1e-8);
}

interface Edge {
  start: number;
  end: number;
  /** The characters chosen for slots start..end-1. */
  chars: string[];
  score: number;
}

/**
 * Every dictionary word (and every single character) the slots can spell, starting at `start`.
 * Prefixes that begin no word are cut at once, so a slot with a hundred options costs little.
 * Words are spelt in Chinese characters, one UTF-16 unit each, so a word's characters are its units.
 */
function edgesFrom(slots: readonly Slot[], start: number, dict: Dictionary): Edge[] {
  const edges: Edge[] = [];
  const first = slots[start]?.options ?? [];
  const fixed = first.length === 1 && !HAN.test(first[0]?.char ?? '');
  for (const o of first)
    edges.push({ start, end: start + 1, chars: [o.char], score: o.prior + (fixed ? 0 : singleScore(o.char, dict)) });
  let partial: { text: string; prior: number }[] = [];
  for (const o of first)
    if (HAN.test(o.char) && dict.prefixes.has(o.char)) partial.push({ text: o.char, prior: o.prior });
  for (let end = start + 2; end <= Math.min(slots.length, start + MAX_WORD) && partial.length; end++) {
    const next: typeof partial = [];
    const options = slots[end - 1]?.options ?? [];
    for (const p of partial) {
      for (const o of options) {
        const text = p.text + o.char;
        const prior = p.prior + o.prior;
        const word = dict.logProb.get(text);
        if (word !== undefined) edges.push({ start, end, chars: [...text], score: prior + word });
        if (dict.prefixes.has(text)) next.push({ text, prior });
      }
    }
    partial = next;
  }
  return edges;
}

/** Log probability of a character as a word of its own; -Infinity when the dictionary lacks it. */
export function characterScore(char: string): number {
  return dictionary().logProb.get(char) ?? (COMMON_PUNCTUATION.has(char) ? Math.log(0.01) : -Infinity);
}

/**
 * The most likely reading of a line whose slots may hold several characters: the best path through
 * every way of writing it as dictionary words (Viterbi), with, for each slot, the best path that
 * passes through each of its alternatives, which gives the confidence of the choice.
 */
export function bestReading(slots: readonly Slot[]): Reading {
  const dict = dictionary();
  const n = slots.length;
  const edges = Array.from({ length: n }, (_, i) => edgesFrom(slots, i, dict));
  const forward = new Array<number>(n + 1).fill(-Infinity);
  const back = new Array<Edge | undefined>(n + 1);
  forward[0] = 0;
  for (let i = 0; i < n; i++) {
    for (const e of edges[i] ?? []) {
      const s = (forward[i] ?? -Infinity) + e.score;
      if (s > (forward[e.end] ?? -Infinity)) {
        forward[e.end] = s;
        back[e.end] = e;
      }
    }
  }
  const backward = new Array<number>(n + 1).fill(-Infinity);
  backward[n] = 0;
  for (let i = n - 1; i >= 0; i--)
    for (const e of edges[i] ?? [])
      backward[i] = Math.max(backward[i] ?? -Infinity, e.score + (backward[e.end] ?? -Infinity));

  const chars = new Array<string>(n).fill('');
  for (let end = n; end > 0;) {
    const e = back[end];
    if (!e) break;
    e.chars.forEach((c, k) => (chars[e.start + k] = c));
    end = e.start;
  }
  const bestPer = Array.from({ length: n }, () => new Map<string, number>());
  for (let i = 0; i < n; i++) {
    for (const e of edges[i] ?? []) {
      const total = (forward[i] ?? -Infinity) + e.score + (backward[e.end] ?? -Infinity);
      e.chars.forEach((c, k) => {
        const m = bestPer[e.start + k];
        if (m && slots[e.start + k]!.options.length > 1 && total > (m.get(c) ?? -Infinity)) m.set(c, total);
      });
    }
  }
  const confidence = chars.map((c, i) => {
    const m = bestPer[i];
    if (!m || m.size === 0) return 1;
    const top = m.get(c) ?? -Infinity;
    let sum = 0;
    for (const v of m.values()) sum += Math.exp(v - top);
    return 1 / sum;
  });
  const ranked = bestPer.map((m, i) =>
    m.size ? [...m].sort((a, b) => b[1] - a[1]).map(([c]) => c) : [chars[i] ?? ''],
  );
  return { chars, confidence, ranked };
}
