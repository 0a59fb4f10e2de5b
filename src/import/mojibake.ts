import { bestReading, type Reading } from './chinese-model';
import { EVIDENCE, withDocumentEvidence, type DocumentSlot, type Evidence } from './document-evidence';
import { candidates, isMojibakeText, parseRun, SUSPECT, wholeOrSplit } from './mojibake-bytes';
import { tagContexts, type TagContext } from './tag-context';

export { LOST_BYTES } from './mojibake-bytes';

/**
 * UTF-8 that was read as Windows-1252 and saved again (`ä¸­æ–‡` for 中文). When the text survived
 * whole, each run of such characters turns back into bytes that decode as UTF-8. Real damaged files
 * lost bytes on the way: the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
 * were dropped by the decoder, the soft hyphen (0xAD) by whatever cleaned the text, and now and then
 * another character went missing. About one Chinese character in six then lacks a byte, and the
 * bytes left allow several characters (中 不 丁 丝 丐 丏 all start E4 B8). Those are chosen with the
 * Chinese language model in `chinese-model.ts` and what the rest of the file says
 * (`document-evidence.ts`, `tag-context.ts`). The likeliest reading always goes into the text;
 * where the model was not sure, the restoration says so, and the import report lists the place for
 * a person to check.
 */

export interface Restoration {
  line: number;
  /** The place in the restored line, counted in characters from 1. */
  column: number;
  /** The damaged characters as they were in the file. */
  damaged: string;
  /** The character put in their place: the likeliest reading. */
  restored: string;
  /** False where the model was not sure: the place is listed for a person to check. */
  decided: boolean;
  /** The model's share for its choice, 0–1. */
  confidence: number;
  /** The leading readings, best first (the one restored among them). */
  alternatives: string[];
  /** The restored line around the place, the restored character in 「」, to find it by eye. */
  context: string;
}

export interface MojibakeRepair {
  text: string;
  /** Runs whose bytes decoded whole. */
  whole: number;
  /** Characters put back from damaged bytes, decided or not. */
  restorations: Restoration[];
}

/** Below this share the model is not sure, and the place is listed to check. */
export const DECIDE_AT = 0.6;

export interface RepairOptions {
  /** Share below which a restoration counts as undecided (DECIDE_AT). */
  decideAt?: number;
  /** How much the rest of the file counts (EVIDENCE). */
  weights?: Evidence;
}

/** Characters either side of a place in `Restoration.context`. */
const CONTEXT = 8;

/** Repairs mojibake, restoring lost bytes when the whole file is mojibake. */
export function repairMojibake(text: string, options: RepairOptions = {}): MojibakeRepair {
  const { slots, whole } = toSlots(text);
  if (!slots.some((s) => s.damaged))
    return { text: slots.map((s) => s.options[0]?.char ?? s.raw).join(''), whole, restorations: [] };
  // Read the file once by the dictionary alone, then again with what that reading says about the file.
  const lines = splitLines(slots);
  const { readings: first, tags } = readLines(slots, lines);
  const shares = slots.map((s, i) => first.get(i) ?? new Map([[s.options[0]?.char ?? s.raw, 1]]));
  const weights = options.weights ?? EVIDENCE;
  const weighed = withDocumentEvidence(slots, shares, weights);
  // The first reading's words, by part of speech, give how words follow each other in this file.
  const { readings: second } = readLines(weighed, lines, tagContexts(tags, weights.tags));
  const chars = weighed.map((s, i) => second.get(i)?.keys().next().value ?? s.options[0]?.char ?? s.raw);
  const decideAt = options.decideAt ?? DECIDE_AT;
  const restorations: Restoration[] = [];
  lines.forEach(([start, end], index) => {
    for (let i = start; i < end; i++) {
      const reading = second.get(i);
      const slot = weighed[i];
      if (!reading || !slot?.damaged) continue;
      const [[restored, confidence] = ['', 0]] = reading;
      const context = `${chars.slice(Math.max(start, i - CONTEXT), i).join('')}「${restored}」${chars.slice(i + 1, Math.min(end, i + 1 + CONTEXT)).join('')}`;
      restorations.push({
        line: index + 1,
        column: i - start + 1,
        damaged: slot.raw,
        restored,
        decided: confidence >= decideAt,
        confidence,
        alternatives: [...reading.keys()].slice(0, 3),
        context,
      });
    }
  });
  return { text: chars.join(''), whole, restorations };
}

/** The text as slots: fixed characters, and damaged positions with their candidates. */
function toSlots(text: string): { slots: DocumentSlot[]; whole: number } {
  const runs = [...text.matchAll(SUSPECT)].map((m) => ({ index: m.index, run: m[0], units: parseRun(m[0]) }));
  const lossy = isMojibakeText(runs.flatMap((r) => r.units));
  let whole = 0;
  const slots: DocumentSlot[] = [];
  let at = 0;
  const fixed = (s: string) =>
    [...s].forEach((c) => slots.push({ options: [{ char: c, prior: 0 }], raw: c, damaged: false }));
  for (const r of runs) {
    fixed(text.slice(at, r.index));
    const anyWhole = r.units.some((u) => u.kind === 'whole');
    if (anyWhole) whole += 1;
    for (let k = 0; k < r.units.length; k++) {
      const u = r.units[k]!;
      const next = r.units[k + 1];
      // A lone continuation byte after a whole character: the two may have been damaged ones.
      const pair =
        lossy && u.kind === 'whole' && next?.kind === 'damaged' && next.lead === undefined && next.tail.length === 1
          ? wholeOrSplit(u.raw, next.tail[0]!)
          : undefined;
      if (pair) {
        slots.push(
          { options: pair[0], raw: u.raw, damaged: true },
          { options: pair[1], raw: next!.raw, damaged: true },
        );
        k += 1;
      } else if (u.kind === 'whole' && anyWhole && (r.run.length > 1 || lossy))
        slots.push({ options: [{ char: u.char, prior: 0 }], raw: u.raw, damaged: false });
      else if (u.kind === 'damaged' && lossy && candidates(u.lead, u.tail).length)
        slots.push({ options: candidates(u.lead, u.tail), raw: u.raw, damaged: true });
      else fixed(u.raw);
    }
    at = r.index + r.run.length;
  }
  fixed(text.slice(at));
  return { slots, whole };
}

/** [start, end) of each line of slots, the newline excluded. */
function splitLines(slots: readonly DocumentSlot[]): [number, number][] {
  const lines: [number, number][] = [];
  let start = 0;
  slots.forEach((s, i) => {
    if (s.raw !== '\n') return;
    lines.push([start, i]);
    start = i + 1;
  });
  lines.push([start, slots.length]);
  return lines;
}

/**
 * Reads each line that has a damaged slot (the model needs only the words around it) and returns,
 * for every slot of those lines, its readings with their shares, best first.
 */
function readLines(
  slots: readonly DocumentSlot[],
  lines: readonly [number, number][],
  contextOf?: (line: number) => TagContext,
): { readings: Map<number, Map<string, number>>; tags: string[][] } {
  const out = new Map<number, Map<string, number>>();
  // Every line's tags, empty for the lines not read: indexed like `lines`.
  const tags: string[][] = lines.map(() => []);
  for (const [index, [start, end]] of lines.entries()) {
    const line = slots.slice(start, end);
    if (!line.some((s) => s.damaged)) continue;
    const reading: Reading = bestReading(line, contextOf?.(index));
    tags[index] = reading.tags;
    line.forEach((_, k) => {
      const ranked = reading.ranked[k] ?? [];
      out.set(start + k, new Map(ranked.map((c, j) => [c, reading.shares[k]?.[j] ?? 0])));
    });
  }
  return { readings: out, tags };
}
