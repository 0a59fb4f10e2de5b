import { CJK_RANGE } from '../lib/cjk';
import { dictionary, MAX_WORD, type Dictionary } from './jieba-dictionary';
import { LINE_EDGE, tagOf, type TagContext } from './tag-context';

/**
 * A Chinese language model for choosing between characters: the word frequencies of jieba's
 * dictionary (`jieba-dictionary.ts`) read as a unigram word model, the way jieba itself segments
 * text. It has never seen this project's notes, so measuring it on them measures it on unseen text.
 * A unigram knows nothing of order; on a second reading, how each word's part of speech follows the
 * one before in the same file (`tag-context.ts`) adds some.
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
  /** The tag of each word of the best reading, in order. */
  tags: string[];
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
 * passes through each of its alternatives, which gives the confidence of the choice. With a
 * `context`, a path also scores how each word's tag follows the one before, so the path's state is
 * the tag of its last word.
 */
export function bestReading(slots: readonly Slot[], context?: TagContext): Reading {
  const dict = dictionary();
  const n = slots.length;
  const edges = Array.from({ length: n }, (_, i) => edgesFrom(slots, i, dict));
  const tagged = new Map<Edge, string>();
  const tag = (e: Edge) => {
    let t = tagged.get(e);
    if (t === undefined) tagged.set(e, (t = context ? tagOf(e.chars.join(''), dict) : ''));
    return t;
  };
  const follow = (previous: string, next: string) => (context ? context.score(previous, next) : 0);
  // forward[i]: for each tag a path can end with at i, its best score and the step that reached it.
  const forward = Array.from({ length: n + 1 }, () => new Map<string, { score: number; edge?: Edge; from?: string }>());
  forward[0]!.set(context ? LINE_EDGE : '', { score: 0 });
  for (let i = 0; i < n; i++) {
    for (const e of edges[i] ?? []) {
      const t = tag(e);
      const into = forward[e.end]!;
      for (const [from, { score }] of forward[i]!) {
        const s = score + follow(from, t) + e.score;
        if (s > (into.get(t)?.score ?? -Infinity)) into.set(t, { score: s, edge: e, from });
      }
    }
  }
  const end = context ? LINE_EDGE : '';
  // backward[i]: for each tag the path arrives at i with, the best score of the rest of the line.
  const backward = Array.from({ length: n + 1 }, () => new Map<string, number>());
  for (const t of forward[n]!.keys()) backward[n]!.set(t, follow(t, end));
  for (let i = n - 1; i >= 0; i--)
    for (const from of forward[i]!.keys()) {
      let best = -Infinity;
      for (const e of edges[i] ?? [])
        best = Math.max(best, follow(from, tag(e)) + e.score + (backward[e.end]!.get(tag(e)) ?? -Infinity));
      backward[i]!.set(from, best);
    }

  const chars = new Array<string>(n).fill('');
  const tags: string[] = [];
  let last = [...forward[n]!].reduce<[string, number] | undefined>((a, [t, { score }]) => {
    const s = score + follow(t, end);
    return a && a[1] >= s ? a : [t, s];
  }, undefined)?.[0];
  for (let at = n; at > 0 && last !== undefined;) {
    const step = forward[at]!.get(last);
    const e = step?.edge;
    if (!e) break;
    e.chars.forEach((c, k) => (chars[e.start + k] = c));
    tags.push(tagOf(e.chars.join(''), dict));
    last = step.from;
    at = e.start;
  }
  const bestPer = Array.from({ length: n }, () => new Map<string, number>());
  for (let i = 0; i < n; i++) {
    for (const e of edges[i] ?? []) {
      if (!e.chars.some((_, k) => slots[e.start + k]!.options.length > 1)) continue;
      const rest = e.score + (backward[e.end]!.get(tag(e)) ?? -Infinity);
      let total = -Infinity;
      for (const [from, { score }] of forward[i]!) total = Math.max(total, score + follow(from, tag(e)) + rest);
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
  return { chars, confidence, ranked, shares, tags: tags.reverse() };
}
