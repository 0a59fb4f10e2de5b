import { isCjkChar } from '../lib/cjk';
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

/** Punctuation Chinese text uses all the time, worth about as much as a frequent character. */
const COMMON_PUNCTUATION = new Set([...'，。、：；！？（）《》【】「」『』“”‘’—…·～']);
/** A Chinese character the dictionary has never seen as a word of its own: half a count. */
const unknownHan = (dict: Dictionary) => Math.log(0.5) - dict.logTotal;

/** How likely a character is on its own, when no dictionary word covers it. */
function singleScore(char: string, dict: Dictionary): number {
  const known = dict.logProb.get(char);
  if (known !== undefined) return known;
  if (isCjkChar(char)) return unknownHan(dict);
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
  const fixed = first.length === 1 && !isCjkChar(first[0]?.char ?? '');
  for (const o of first)
    edges.push({ start, end: start + 1, chars: [o.char], score: o.prior + (fixed ? 0 : singleScore(o.char, dict)) });
  let partial: { text: string; prior: number }[] = [];
  for (const o of first)
    if (isCjkChar(o.char) && dict.prefixes.has(o.char)) partial.push({ text: o.char, prior: o.prior });
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
  // Tags as numbers, 0 the line's edge; without a context every word has tag 0 and no order counts.
  const names = [LINE_EDGE];
  const ids = new Map([[LINE_EDGE, 0]]);
  const tagIds = edges.map((list) =>
    list.map((e) => {
      if (!context) return 0;
      const t = tagOf(e.chars.join(''), dict);
      if (!ids.has(t)) ids.set(t, names.push(t) - 1);
      return ids.get(t)!;
    }),
  );
  const k = names.length;
  const scores = new Float64Array(k * k).fill(context ? NaN : 0);
  const follow = (a: number, b: number) => {
    let v = scores[a * k + b]!;
    if (Number.isNaN(v)) v = scores[a * k + b] = context!.score(names[a]!, names[b]!);
    return v;
  };
  // forward[i·k + t]: the best score of a path over slots 0..i-1 whose last word has tag t.
  const forward = new Float64Array((n + 1) * k).fill(-Infinity);
  const backEdge = new Array<Edge | undefined>((n + 1) * k);
  const backTag = new Int32Array((n + 1) * k);
  const reached: number[][] = [];
  forward[0] = 0;
  for (let i = 0; i <= n; i++) {
    reached.push([...Array(k).keys()].filter((t) => forward[i * k + t]! > -Infinity));
    if (i === n) break;
    (edges[i] ?? []).forEach((e, j) => {
      const t = tagIds[i]![j]!;
      const into = e.end * k + t;
      for (const from of reached[i]!) {
        const s = forward[i * k + from]! + follow(from, t) + e.score;
        if (s > forward[into]!) [forward[into], backEdge[into], backTag[into]] = [s, e, from];
      }
    });
  }
  // backward[i·k + t]: the best score of the rest of the line after a word of tag t ending at i.
  const backward = new Float64Array((n + 1) * k).fill(-Infinity);
  for (const t of reached[n]!) backward[n * k + t] = follow(t, 0);
  for (let i = n - 1; i >= 0; i--)
    for (const from of reached[i]!)
      (edges[i] ?? []).forEach((e, j) => {
        const t = tagIds[i]![j]!;
        const s = follow(from, t) + e.score + backward[e.end * k + t]!;
        if (s > backward[i * k + from]!) backward[i * k + from] = s;
      });

  const chars = new Array<string>(n).fill('');
  const tags: string[] = [];
  let last = reached[n]!.reduce((a, t) =>
    forward[n * k + t]! + follow(t, 0) > forward[n * k + a]! + follow(a, 0) ? t : a,
  );
  for (let at = n; at > 0;) {
    const e = backEdge[at * k + last];
    if (!e) break;
    e.chars.forEach((c, m) => (chars[e.start + m] = c));
    tags.push(tagOf(e.chars.join(''), dict));
    last = backTag[at * k + last]!;
    at = e.start;
  }
  const bestPer = Array.from({ length: n }, () => new Map<string, number>());
  for (let i = 0; i < n; i++) {
    (edges[i] ?? []).forEach((e, j) => {
      if (!e.chars.some((_, m) => slots[e.start + m]!.options.length > 1)) return;
      const t = tagIds[i]![j]!;
      const rest = e.score + backward[e.end * k + t]!;
      let total = -Infinity;
      for (const from of reached[i]!) total = Math.max(total, forward[i * k + from]! + follow(from, t) + rest);
      e.chars.forEach((c, m) => {
        const best = bestPer[e.start + m];
        if (best && slots[e.start + m]!.options.length > 1 && total > (best.get(c) ?? -Infinity)) best.set(c, total);
      });
    });
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
