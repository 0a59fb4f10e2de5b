import iconv from 'iconv-lite';
import { CJK_RANGE } from '../lib/cjk';
import { bestReading, characterScore, type Slot } from './chinese-model';

/**
 * UTF-8 that was read as Windows-1252 and saved again (`ä¸­æ–‡` for 中文). When the text survived
 * whole, each run of such characters turns back into bytes that decode as UTF-8. Real damaged files
 * lost bytes on the way: the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
 * were dropped by the decoder, the soft hyphen (0xAD) by whatever cleaned the text, and now and then
 * another character went missing. About one Chinese character in six then lacks a byte, and the
 * bytes left allow several characters (中 不 丁 丝 丐 丏 all start E4 B8). Those are chosen with the
 * Chinese language model in `chinese-model.ts`; where it cannot decide, a visible marker stays.
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

const SUSPECT = new RegExp(
  `[${[...CP1252.keys()].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]+`,
  'g',
);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const HAN = new RegExp(`[${CJK_RANGE}]`);
/** Characters a restored position may not be: controls, format characters, private use, unassigned. */
const IMPLAUSIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/u;

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
type Unit =
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
function candidates(lead: number | undefined, tail: readonly number[]): { char: string; prior: number }[] {
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

/** Splits a run of suspect characters into whole, damaged and untouched pieces. */
function parseRun(run: string): Unit[] {
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

export interface Restoration {
  line: number;
  /** The damaged characters as they were in the file. */
  damaged: string;
  /** What was put in their place: the character, or the marker when undecided. */
  restored: string;
  /** False where the model could not decide and the marker stands. */
  decided: boolean;
  /** The model's share for its choice, 0–1. */
  confidence: number;
  /** The leading alternatives, best first. */
  alternatives: string[];
}

export interface MojibakeRepair {
  text: string;
  /** Runs whose bytes decoded whole. */
  whole: number;
  /** Characters put back from damaged bytes, decided or marked. */
  restorations: Restoration[];
}

/** Below this share the model does not decide and the marker stays. */
export const DECIDE_AT = 0.3;

/** What an undecided character becomes: the likeliest readings in lenticular brackets, `〖中|不〗`. */
export function undecidedMarker(alternatives: readonly string[]): string {
  const shown = alternatives.filter((c) => !'〖〗|\n'.includes(c)).slice(0, 3);
  return `〖${shown.join('|')}〗`;
}

/**
 * A file is mojibake when its suspect runs mostly decode as whole Chinese characters; only then are
 * damaged pieces restored, so `café` or `Größe` in an ordinary note is never touched.
 */
function isMojibakeText(units: readonly Unit[]): boolean {
  const han = units.filter((u) => u.kind === 'whole' && HAN.test(u.char)).length;
  const other = units.filter((u) => u.kind === 'kept').length;
  return han >= 8 && han >= 3 * other;
}

/** Repairs mojibake, restoring lost bytes when the whole file is mojibake. */
export interface RepairOptions {
  /** Share below which a character is left undecided (DECIDE_AT). */
  decideAt?: number;
  weights?: Evidence;
  /** What an undecided character becomes (`undecidedMarker`). */
  marker?: (alternatives: readonly string[]) => string;
}

export function repairMojibake(text: string, options: RepairOptions = {}): MojibakeRepair {
  const decideAt = options.decideAt ?? DECIDE_AT;
  const runs = [...text.matchAll(SUSPECT)].map((m) => ({ index: m.index, run: m[0], units: parseRun(m[0]) }));
  const lossy = isMojibakeText(runs.flatMap((r) => r.units));
  let whole = 0;
  // Rebuild the text as slots: fixed characters, and damaged positions with their candidates.
  const slots: (Slot & { raw: string; damaged: boolean })[] = [];
  let at = 0;
  const fixed = (s: string) =>
    [...s].forEach((c) => slots.push({ options: [{ char: c, prior: 0 }], raw: c, damaged: false }));
  for (const r of runs) {
    fixed(text.slice(at, r.index));
    const anyWhole = r.units.some((u) => u.kind === 'whole');
    if (anyWhole || lossy) whole += anyWhole ? 1 : 0;
    for (const u of r.units) {
      if (u.kind === 'whole' && anyWhole && (r.run.length > 1 || lossy))
        slots.push({ options: [{ char: u.char, prior: 0 }], raw: u.raw, damaged: false });
      else if (u.kind === 'damaged' && lossy && candidates(u.lead, u.tail).length)
        slots.push({ options: candidates(u.lead, u.tail), raw: u.raw, damaged: true });
      else fixed(u.raw);
    }
    at = r.index + r.run.length;
  }
  fixed(text.slice(at));
  if (!slots.some((s) => s.damaged))
    return { text: slots.map((s) => s.options[0]?.char ?? s.raw).join(''), whole, restorations: [] };

  withDocumentEvidence(slots, options.weights ?? EVIDENCE);
  const restorations: Restoration[] = [];
  const out: string[] = [];
  // One line at a time: the model needs only the words around a damaged character.
  let lineNumber = 1;
  for (let start = 0; start < slots.length; lineNumber++) {
    let end = start;
    while (end < slots.length && slots[end]?.raw !== '\n') end++;
    const line = slots.slice(start, end);
    if (line.some((s) => s.damaged)) {
      const reading = bestReading(line);
      line.forEach((s, k) => {
        if (!s.damaged) return void out.push(s.options[0]?.char ?? s.raw);
        const confidence = reading.confidence[k] ?? 0;
        const alternatives = reading.ranked[k] ?? [];
        const decided = confidence >= decideAt;
        const restored = decided ? (reading.chars[k] ?? '') : (options.marker ?? undecidedMarker)(alternatives);
        out.push(restored);
        restorations.push({
          line: lineNumber,
          damaged: s.raw,
          restored,
          decided,
          confidence,
          alternatives: alternatives.slice(0, 3),
        });
      });
    } else for (const s of line) out.push(s.options[0]?.char ?? s.raw);
    if (end < slots.length) out.push('\n');
    start = end + 1;
  }
  return { text: out.join(''), whole, restorations };
}

/** How much what the rest of the file says counts: its characters, and the pairs they form. */
export interface Evidence {
  unigram: number;
  bigram: number;
}
const EVIDENCE: Evidence = { unigram: 0.2, bigram: 0.3 };

/**
 * Five in six Chinese characters of a damaged file came through whole, and a note repeats its
 * words: 学 in "学习" twenty times makes 学 likelier than 另 where a byte is missing. The characters
 * and neighbouring pairs the file has whole raise the prior of the candidates that agree with them
 * (a cache model, as speech recognisers use), before the dictionary model weighs the line.
 */
function withDocumentEvidence(slots: (Slot & { damaged: boolean })[], weights: Evidence): void {
  const single = new Map<string, number>();
  const pair = new Map<string, number>();
  const sure = (i: number) => {
    const s = slots[i];
    return s && !s.damaged && s.options.length === 1 ? s.options[0]?.char : undefined;
  };
  for (let i = 0; i < slots.length; i++) {
    const c = sure(i);
    if (!c || !HAN.test(c)) continue;
    single.set(c, (single.get(c) ?? 0) + 1);
    const next = sure(i + 1);
    if (next && HAN.test(next)) pair.set(c + next, (pair.get(c + next) ?? 0) + 1);
  }
  slots.forEach((s, i) => {
    if (!s.damaged) return;
    const before = sure(i - 1);
    const after = sure(i + 1);
    s.options = s.options.map((o) => ({
      char: o.char,
      prior:
        o.prior +
        weights.unigram * Math.log1p(single.get(o.char) ?? 0) +
        weights.bigram *
          (Math.log1p(before ? (pair.get(before + o.char) ?? 0) : 0) +
            Math.log1p(after ? (pair.get(o.char + after) ?? 0) : 0)),
    }));
  });
}
