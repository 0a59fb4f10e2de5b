import iconv from 'iconv-lite';
import { CJK_RANGE } from '../lib/cjk';
import { characterScore } from './chinese-model';

/**
 * The byte level of mojibake (UTF-8 read as Windows-1252): which characters of a run are whole,
 * which lost bytes, and every character the bytes left can have been, each with the log prior of
 * the loss it takes. The language model in `chinese-model.ts` then chooses among them.
 */

/**
 * Windows-1252 as a char → byte table, taken from iconv-lite rather than typed in by hand. The five
 * undefined bytes are read as the C1 control of the same number, as Windows does when it keeps them.
 */
const CP1252 = (() => {
  const map = new Map<string, number>();
  const bytes = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i));
  [...iconv.decode(bytes, 'windows-1252')].forEach((c, i) =>
    map.set(c === '\uFFFD' ? String.fromCharCode(0x80 + i) : c, 0x80 + i),
  );
  return map;
})();

/** The bytes a damaged file has lost for sure: undefined in Windows-1252, or the soft hyphen. */
export const LOST_BYTES = [0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xad] as const;
const LOST = new Set<number>(LOST_BYTES);
/**
 * Log prior of a byte lost at random against one of LOST_BYTES, which are lost every time: other
 * losses are rare (about one character in two hundred in the damaged files we measured).
 */
const RANDOM_LOSS = Math.log(0.005);

export const SUSPECT = new RegExp(
  `[${[...CP1252.keys()].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]+`,
  'g',
);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const HAN = new RegExp(`[${CJK_RANGE}]`);
/**
 * Characters a restored position may not be, as no note's text holds them: controls, format and private-use characters, unassigned and
 * surrogate code points, line and paragraph separators, and variation selectors 1–15, which only
 * a few standardised sequences use. Selector 16 (U+FE0F, after an emoji) stays: it is the one
 * notes have, and its last byte is one that Windows-1252 drops.
 */
const IMPLAUSIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\uFE00-\uFE0E]/u;

const isCont = (b: number) => b >= 0x80 && b <= 0xbf;
const seqLength = (lead: number) =>
  lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;

function decodeBytes(bytes: readonly number[]): string | undefined {
  try {
    const c = strictUtf8.decode(Uint8Array.from(bytes));
    return [...c].length === 1 && !IMPLAUSIBLE.test(c) ? c : undefined;
  } catch {
    return undefined;
  }
}

/** `decodeBytes` for three bytes, by arithmetic: candidates are tried by the thousand. */
function decodeThree(l: number, a: number, b: number): string | undefined {
  if (l < 0xe0 || l > 0xef || !isCont(a) || !isCont(b) || (l === 0xe0 && a < 0xa0) || (l === 0xed && a > 0x9f))
    return undefined;
  const c = String.fromCharCode(((l & 0x0f) << 12) | ((a & 0x3f) << 6) | (b & 0x3f));
  return IMPLAUSIBLE.test(c) ? undefined : c;
}

/** A piece of a suspect run: a whole character, a damaged one with its candidates, or text kept as is. */
export type Unit =
  | { kind: 'whole'; char: string; raw: string }
  | { kind: 'damaged'; lead: number | undefined; tail: number[]; raw: string }
  | { kind: 'kept'; raw: string };

/** Lead bytes of the three-byte characters Chinese text uses: punctuation, CJK symbols, ideographs, full-width forms. */
const LEADS = [0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xef];
const CONTINUATIONS = Array.from({ length: 64 }, (_, i) => 0x80 + i);
const contPrior = (v: number) => (LOST.has(v) ? 0 : RANDOM_LOSS);

/**
 * Every three-byte character the bytes left can have been, with the log prior of the bytes it
 * takes to lose: `tail` are the continuation bytes still there, in order; `lead` the lead byte
 * when it survived.
 */
export function candidates(lead: number | undefined, tail: readonly number[]): { char: string; prior: number }[] {
  const key = `${lead ?? ''}:${tail.join(',')}`;
  const cached = candidateCache.get(key);
  if (cached) return cached;
  const out = new Map<string, number>();
  const consider = (bytes: [number, number, number], prior: number) => {
    const c = decodeThree(...bytes);
    if (c && prior > (out.get(c) ?? -Infinity)) out.set(c, prior);
  };
  for (const [l, lp] of lead === undefined ? LEADS.map((x) => [x, RANDOM_LOSS] as const) : [[lead, 0] as const]) {
    const [a, b] = tail;
    if (a !== undefined && b !== undefined) consider([l, a, b], lp);
    else if (a !== undefined)
      for (const v of CONTINUATIONS) {
        consider([l, v, a], lp + contPrior(v));
        consider([l, a, v], lp + contPrior(v));
      }
    else
      for (const v of CONTINUATIONS)
        for (const w of CONTINUATIONS) consider([l, v, w], lp + contPrior(v) + contPrior(w));
  }
  // Characters reached only through a rare loss are kept when they are among the likeliest
  // anyway (prior and how common the character is): a few dozen, not hundreds, for the model to try.
  const sure = [...out].filter(([, prior]) => prior === 0);
  const rare = [...out]
    .filter(([char, prior]) => prior < 0 && (!HAN.test(char) || characterScore(char) > -Infinity))
    .sort((x, y) => y[1] + characterScore(y[0]) - (x[1] + characterScore(x[0])))
    .slice(0, RARE_KEPT);
  const list = [...sure, ...rare].map(([char, prior]) => ({ char, prior }));
  candidateCache.set(key, list);
  return list;
}
const candidateCache = new Map<string, { char: string; prior: number }[]>();
const RARE_KEPT = 24;

type Option = { char: string; prior: number };

/**
 * A character that decodes whole right before a lone continuation byte may be two damaged ones
 * instead: `L a b` + `c` read as `L a` (a byte lost) and `b c` (the lead lost). 损失 that lost 8D
 * and 失's lead leaves E6 9F A4 B1, and E6 9F A4 is 柤. Each reading takes one loss more than the
 * bytes show, so neither is favoured: each place gets the characters of both, for the model to choose.
 */
export function wholeOrSplit(raw: string, orphan: number): [Option[], Option[]] | undefined {
  const [l, a, b, ...rest] = [...raw].map((c) => CP1252.get(c) ?? 0);
  const whole = l !== undefined && a !== undefined && b !== undefined && !rest.length && decodeThree(l, a, b);
  if (!whole) return undefined;
  return [
    likeliest([{ char: whole, prior: 0 }], candidates(l, [a])),
    likeliest(candidates(undefined, [orphan]), candidates(undefined, [b, orphan])),
  ];
}

/** Options of several readings of one place, each character once at its best prior. */
function likeliest(...lists: Option[][]): Option[] {
  const out = new Map<string, number>();
  for (const { char, prior } of lists.flat()) if (prior > (out.get(char) ?? -Infinity)) out.set(char, prior);
  return [...out].map(([char, prior]) => ({ char, prior }));
}

/** Splits a run of suspect characters into whole, damaged and untouched pieces. */
export function parseRun(run: string): Unit[] {
  const chars = [...run];
  const bytes = chars.map((c) => CP1252.get(c) ?? 0);
  const units: Unit[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const len = seqLength(b);
    if (len) {
      let j = i + 1;
      while (j < bytes.length && j - i < len && isCont(bytes[j] ?? 0)) j++;
      const seq = bytes.slice(i, j);
      const raw = chars.slice(i, j).join('');
      const whole = seq.length === len ? decodeBytes(seq) : undefined;
      if (whole) units.push({ kind: 'whole', char: whole, raw });
      else if (seq.length < len && len === 3) units.push({ kind: 'damaged', lead: b, tail: seq.slice(1), raw });
      else units.push({ kind: 'kept', raw });
      i = j;
    } else if (isCont(b)) {
      // Continuation bytes without their lead: the lead itself was lost.
      let j = i + 1;
      while (j < bytes.length && j - i < 2 && isCont(bytes[j] ?? 0)) j++;
      units.push({ kind: 'damaged', lead: undefined, tail: bytes.slice(i, j), raw: chars.slice(i, j).join('') });
      i = j;
    } else {
      units.push({ kind: 'kept', raw: chars[i] ?? '' });
      i += 1;
    }
  }
  return units;
}

/**
 * A file is mojibake when its suspect runs mostly decode as whole Chinese characters; only then are
 * damaged pieces restored, so `café` or `Größe` in an ordinary note is never touched.
 */
export function isMojibakeText(units: readonly Unit[]): boolean {
  const han = units.filter((u) => u.kind === 'whole' && HAN.test(u.char)).length;
  const other = units.filter((u) => u.kind === 'kept').length;
  return han >= 8 && han >= 3 * other;
}
