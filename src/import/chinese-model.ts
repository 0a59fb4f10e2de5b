import { CJK_RANGE } from '../lib/cjk';
import { dictionary, MAX_WORD, type Dictionary } from './jieba-dictionary';

/**
 * A Chinese language model for choosing between characters: the word frequencies of jieba's
 * dictionary (`jieba-dictionary.ts`) read as a unigram word model, the way jieba itself segments
 * text. It has never seen this project's notes, so measuring it on them measures it on unseen text.
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
  /** For each slot, the share of each of `ranked`, summing to 1. */
  shares: number[][];
}

const HAN = new RegExp(`^[${CJK_RANGE}]$`);
/** Punctuation Chinese text uses all the time, worth about as much as a frequent character. */
const COMMON_PUNCTUATION = new Set([...'，。、：；！？（）《》【】「」『』“”‘’—…·～']);
/** A Chinese character the dictionary has never seen as a word of its own: half a count. */
const unknownHan = (dict: Dictionary) => Math.log(0.5) - dict.logTotal;

/** How likely a character is on its own, when no dictionary word covers it. */
function singleScore(char: string, dict: Dictionary): number {
  const known = dict.logProb.get(char);
  if (known !== undefined) return known;
  if (HAN.test(char)) return unknownHan(dict);
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
  const ranked: string[][] = [];
  const shares: number[][] = [];
  bestPer.forEach((m, i) => {
    const sorted = m.size ? [...m].sort((a, b) => b[1] - a[1]) : [[slots[i]?.options[0]?.char ?? '', 0] as const];
    const top = sorted[0]?.[1] ?? 0;
    const weights = sorted.map(([, v]) => Math.exp(v - top));
    const sum = weights.reduce((a, b) => a + b, 0);
    ranked.push(sorted.map(([c]) => c));
    shares.push(weights.map((w) => w / sum));
  });
  const confidence = chars.map((c, i) => shares[i]?.[ranked[i]?.indexOf(c) ?? -1] ?? 1);
  return { chars, confidence, ranked, shares };
}
