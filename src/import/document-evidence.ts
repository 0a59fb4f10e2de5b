import { isCjkChar } from '../lib/cjk';
import type { Slot } from './chinese-model';
import { Counts } from './counts';
import { dictionary } from './jieba-dictionary';

/**
 * What the rest of the file says about a damaged character. A note repeats its words: 学 in
 * "学习率" fifty times makes 学 likelier than 另 where the same bytes are left. The bytes a file
 * loses are always the same ones, so the characters that hold them (中, 学, 词…) never come through
 * whole: the file's statistics are therefore taken from a first reading of the whole file, damaged
 * places counted by the model's share for each candidate (one step of EM), and a place never counts
 * for itself. Two kinds of evidence, cache models as speech recognisers use:
 * - recurring damage: what the other places with the same bytes left were read as;
 * - neighbours: how much more often the file has a character beside the one before or after it
 *   than jieba's dictionary does, mixed with the dictionary so that a pair the file never has still
 *   stands.
 * A third, how words follow each other by part of speech, is counted in `tag-context.ts` and weighs
 * on the second reading of each line. The file's single-character frequencies were tried as a fourth
 * and lost accuracy on the tuning notes; so did a third reading.
 */
export interface Evidence {
  /** Weight of what the other places with the same damaged bytes were read as. */
  recurring: number;
  /** Weight of the file's own neighbouring pairs against the dictionary's, 0–1. */
  bigram: number;
  /** Weight of how likely a word's part of speech is after the one before (`tag-context.ts`). */
  tags: number;
}
/** Chosen on the tuning notes (`npm run bench -- --mojibake`), never on the held-out texts. */
export const EVIDENCE: Evidence = { recurring: 0.25, bigram: 0.4, tags: 0.4 };

/** A line position: its candidates, whether bytes were lost there, and the bytes left. */
export type DocumentSlot = Slot & { damaged: boolean; raw: string };

/** The first reading of the file: each slot's characters with their shares (one, 1, when fixed). */
export type FirstReading = readonly (ReadonlyMap<string, number> | undefined)[];

/** Below this the dictionary's share of a character is noise: such characters are not in its words. */
const FLOOR = 1e-7;

/** Returns the slots with the file's evidence added to the priors of their candidates. */
export function withDocumentEvidence(
  slots: readonly DocumentSlot[],
  first: FirstReading,
  weights: Evidence = EVIDENCE,
): DocumentSlot[] {
  const dict = dictionary();
  const top = first.map((m) => (m ? [...m].reduce((a, b) => (b[1] > a[1] ? b : a))[0] : undefined));
  const han = (i: number) => {
    const c = top[i];
    return c && isCjkChar(c) ? c : undefined;
  };
  const pair = new Counts();
  const left = new Counts();
  const right = new Counts();
  const byDamage = new Map<string, Counts>();
  slots.forEach((s, i) => {
    const shares = first[i];
    if (s.damaged && shares) {
      const seen = byDamage.get(s.raw) ?? new Counts();
      for (const [c, share] of shares) seen.add(c, share);
      byDamage.set(s.raw, seen);
    }
    const here = han(i);
    const next = han(i + 1);
    if (!here || !next) return;
    pair.add(here + next, 1);
    left.add(here, 1);
    right.add(next, 1);
  });
  const mix = (weight: number, ratio: number) => Math.log(1 - weight + weight * ratio);
  const charShare = (c: string) => Math.max(dict.charShare.get(c) ?? 0, FLOOR);
  return slots.map((s, i) => {
    const own = first[i];
    if (!s.damaged || !own) return s;
    const mine = (c: string) => own.get(c) ?? 0;
    const chosen = han(i);
    const before = han(i - 1);
    const after = han(i + 1);
    const others = byDamage.get(s.raw);
    const othersTotal = others ? [...others.values()].reduce((a, b) => a + b, 0) - 1 : 0;
    const options = s.options.map(({ char, prior }) => {
      // Smoothed so that bytes left nowhere else in the file weigh nothing: every candidate alike.
      const elsewhere = (others?.of(char) ?? 0) - mine(char);
      let evidence = weights.recurring * Math.log((elsewhere + 1 / s.options.length) / (othersTotal + 1));
      if (!isCjkChar(char)) return { char, prior: prior + evidence };
      const self = (c: string) => (c === chosen ? 1 : 0);
      if (before) {
        const n = left.of(before) - (chosen ? 1 : 0);
        const inFile = n > 0 ? (pair.of(before + char) - self(char)) / n : 0;
        const inDictionary = 0.5 * (dict.nextShare.get(before + char) ?? 0) + 0.5 * charShare(char);
        evidence += mix(weights.bigram, inFile / inDictionary);
      }
      if (after) {
        const n = right.of(after) - (chosen ? 1 : 0);
        const inFile = n > 0 ? (pair.of(char + after) - self(char)) / n : 0;
        const inDictionary = 0.5 * (dict.previousShare.get(char + after) ?? 0) + 0.5 * charShare(char);
        evidence += mix(weights.bigram, inFile / inDictionary);
      }
      return { char, prior: prior + evidence };
    });
    return { ...s, options };
  });
}
