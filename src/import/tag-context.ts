import { isCjkChar } from '../lib/cjk';
import { Counts } from './counts';
import type { Dictionary } from './jieba-dictionary';

/**
 * How one word follows another, by part of speech: a locative (中 in 图中) comes after a noun and
 * before 的 or a comma, an adverb (不) rarely does. jieba's dictionary tags every word but says
 * nothing of how tags follow each other, so the transitions are counted on the file's own first
 * reading, mostly undamaged text, the way `document-evidence.ts` counts its neighbouring characters.
 */
export interface TagContext {
  /** Log of how much likelier `next` is after `previous` than anywhere: 0 when the file cannot tell. */
  score(previous: string, next: string): number;
}

/** The tag before a line's first word and after its last. */
export const LINE_EDGE = '^';

/**
 * Pseudo-counts of the tag's share in the file that a transition starts from (chosen on the tuning
 * notes). The share itself is smoothed by one count only, so a mark the file never has stays rare.
 */
const SMOOTHING = 10;

/**
 * A word's tag: jieba's for a dictionary word, `x` for a Chinese character it lacks, `eng` for
 * Latin letters and digits, and punctuation as itself, since which mark follows a word matters.
 */
export function tagOf(word: string, dict: Dictionary): string {
  const known = dict.tag.get(word);
  if (known) return known;
  if (isCjkChar(word)) return 'x';
  if (/^[\p{L}\p{N}_]$/u.test(word)) return 'eng';
  if (/^\s$/u.test(word)) return ' ';
  return word;
}

/** Transition counts over tag sequences: pairs, what each pair starts from, what it arrives at. */
class TagCounts {
  readonly pairs = new Counts();
  readonly from = new Counts();
  readonly to = new Counts();
  total = 0;

  constructor(lines: readonly (readonly string[])[]) {
    for (const tags of lines) {
      if (!tags.length) continue;
      const seq = [LINE_EDGE, ...tags, LINE_EDGE];
      for (let k = 1; k < seq.length; k++) {
        this.pairs.add(`${seq[k - 1]}\t${seq[k]}`, 1);
        this.from.add(seq[k - 1]!, 1);
        this.to.add(seq[k]!, 1);
        this.total += 1;
      }
    }
  }
}

/**
 * Punctuation and spaces, tagged as themselves. The word model gives every common mark the same
 * score, so for them the file's share is kept in the score (a ratio to an even share): otherwise a
 * mark the file never has, 」 for 、 (both E3 80 and a lost byte), would stand as well as any.
 */
const isMark = (tag: string) => tag !== LINE_EDGE && !/^[a-z]+$/.test(tag);

/**
 * Transitions counted on the tag sequences of the file's lines (the first reading), each line read
 * without its own, as a place never counts for itself in `document-evidence.ts`: a line's first
 * guess would otherwise vouch for itself. Smoothed towards the tag's share in the file
 * (`smoothing` pseudo-counts), and scored as a ratio to that share so that how common a word is,
 * which the word model already knows, is not counted twice (marks aside). `weight` scales the log
 * ratio.
 */
export function tagContexts(
  lines: readonly (readonly string[])[],
  weight: number,
  smoothing = SMOOTHING,
): (line: number) => TagContext {
  const all = new TagCounts(lines);
  const kinds = all.to.size + 1;
  return (line) => {
    const own = new TagCounts([lines[line] ?? []]);
    const cache = new Map<string, number>();
    const less = (counts: (c: TagCounts) => Counts, key: string) => counts(all).of(key) - counts(own).of(key);
    const total = all.total - own.total;
    return {
      score(previous, next) {
        const key = `${previous}\t${next}`;
        const known = cache.get(key);
        if (known !== undefined) return known;
        const share = (less((c) => c.to, next) + 1) / (total + kinds);
        const after = (less((c) => c.pairs, key) + smoothing * share) / (less((c) => c.from, previous) + smoothing);
        const s = weight * Math.log(after / (isMark(next) ? 1 / kinds : share));
        cache.set(key, s);
        return s;
      },
    };
  };
}
