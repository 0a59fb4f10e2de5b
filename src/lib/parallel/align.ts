/**
 * Section-by-section alignment of a note and its translation, for side-by-side pages and the
 * translation status. Pure: it sees only each side's outline, never HTML or files.
 *
 * Evidence, strongest first: an explicit heading id written on both sides (our own lessons);
 * video timestamps found on both sides (imported Part 1 notes keep the English notes' marks);
 * then, between two pieces of evidence, heading order where the two outlines have the same shape.
 */

/** One section of a note: the intro before the first heading, or an h2/h3 with what follows it. */
export interface OutlineSection {
  /** The id the author wrote (`{#lr-finder}`); generated ids are not evidence across languages. */
  id?: string | undefined;
  /** 1 for the intro, else the heading level (2 or 3). */
  depth: number;
  /** The heading's text, without timestamp marks; empty for the intro. */
  title: string;
  /** Video timestamps (seconds) in the heading and the section's text. */
  times: readonly number[];
}

/** Why a row holds what it holds. */
export type AlignedBy = 'intro' | 'id' | 'time' | 'outline' | 'one-side';

/** One row of a side-by-side page: indexes into each outline, in order; one side may be empty. */
export interface AlignedRow {
  own: number[];
  other: number[];
  by: AlignedBy;
}

/** Score of a shared explicit id and of a shared timestamp; merging sections costs a little. */
const ID_WEIGHT = 100;
const TIME_WEIGHT = 10;
const MERGE_COST = 3;
/** A translation may fold up to this many sections of the other side under one heading. */
const MAX_MERGE = 4;

interface Bead {
  a: number;
  b: number;
}

const BEADS: Bead[] = [
  { a: 1, b: 0 },
  { a: 0, b: 1 },
  { a: 1, b: 1 },
  ...Array.from({ length: MAX_MERGE - 1 }, (_, k) => [
    { a: 1, b: k + 2 },
    { a: k + 2, b: 1 },
  ]).flat(),
];

function evidence(
  own: readonly OutlineSection[],
  other: readonly OutlineSection[],
): { score: number; by: 'id' | 'time' } | undefined {
  const ids = new Set(other.map((s) => s.id).filter(Boolean));
  const sharedIds = own.filter((s) => s.id && ids.has(s.id)).length;
  const times = new Set(other.flatMap((s) => s.times));
  const sharedTimes = new Set(own.flatMap((s) => s.times).filter((t) => times.has(t))).size;
  const score = sharedIds * ID_WEIGHT + sharedTimes * TIME_WEIGHT;
  if (score === 0) return undefined;
  return { score, by: sharedIds > 0 ? 'id' : 'time' };
}

/**
 * Which sections of one side share an id or a timestamp with which of the other: a group of
 * sections has evidence exactly when one of its pairs does. The alignment asks about nine groups
 * at every cell of its table and nearly all have none; at a thousand notes, working each out from
 * the sections took two seconds of every build (the translation status reads every pair).
 */
function touchingPairs(
  own: readonly OutlineSection[],
  other: readonly OutlineSection[],
): (i: number, j: number) => boolean {
  const m = other.length;
  const touching = new Uint8Array(own.length * m);
  const byId = new Map<string, number[]>();
  const byTime = new Map<number, number[]>();
  const add = <K>(map: Map<K, number[]>, key: K, j: number) => {
    const list = map.get(key);
    if (list) list.push(j);
    else map.set(key, [j]);
  };
  other.forEach((s, j) => {
    if (s.id) add(byId, s.id, j);
    for (const t of s.times) add(byTime, t, j);
  });
  own.forEach((s, i) => {
    for (const j of s.id ? (byId.get(s.id) ?? []) : []) touching[i * m + j] = 1;
    for (const t of s.times) for (const j of byTime.get(t) ?? []) touching[i * m + j] = 1;
  });
  return (i, j) => touching[i * m + j] === 1;
}

/** Whether sections `i`…`i + a - 1` of one side and `j`…`j + b - 1` of the other have a touching pair. */
function groupsTouch(touch: (i: number, j: number) => boolean, i: number, a: number, j: number, b: number): boolean {
  for (let x = i; x < i + a; x++) for (let y = j; y < j + b; y++) if (touch(x, y)) return true;
  return false;
}

/** Same number of sections at the same heading levels: the outlines have the same shape. */
function sameShape(own: readonly OutlineSection[], other: readonly OutlineSection[]): boolean {
  return own.length === other.length && own.every((s, i) => s.depth === other[i]?.depth);
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * Rows pairing `own` with `other`, in reading order. Every section of both sides is in exactly
 * one row; a row with an empty side is a section found in one language only.
 * @example alignSections([{ id: 'a', depth: 2, title: 'A', times: [] }], [{ id: 'a', depth: 2, title: 'Ä', times: [] }])
 * // [{ own: [0], other: [0], by: 'id' }]
 */
export function alignSections(own: readonly OutlineSection[], other: readonly OutlineSection[]): AlignedRow[] {
  const rows: AlignedRow[] = [];
  // The text before the first heading is the top of both pages.
  const ownStart = own[0]?.depth === 1 ? 1 : 0;
  const otherStart = other[0]?.depth === 1 ? 1 : 0;
  if (ownStart && otherStart) rows.push({ own: [0], other: [0], by: 'intro' });
  else if (ownStart) rows.push({ own: [0], other: [], by: 'one-side' });
  else if (otherStart) rows.push({ own: [], other: [0], by: 'one-side' });

  // Best total evidence over monotonic groupings (a weighted sequence alignment, as in
  // Gale and Church's sentence aligner); a bead with no evidence is left for the outline pass.
  const n = own.length - ownStart;
  const m = other.length - otherStart;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-Infinity));
  const step: (Bead & { by?: 'id' | 'time' })[][] = Array.from({ length: n + 1 }, () => new Array(m + 1));
  best[0]![0] = 0;
  const touch = touchingPairs(own, other);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = best[i]![j]!;
      if (here === -Infinity) continue;
      for (const bead of BEADS) {
        const i2 = i + bead.a;
        const j2 = j + bead.b;
        if (i2 > n || j2 > m) continue;
        let score = 0;
        let by: 'id' | 'time' | undefined;
        if (bead.a && bead.b) {
          if (!groupsTouch(touch, ownStart + i, bead.a, otherStart + j, bead.b)) continue;
          const found = evidence(own.slice(ownStart + i, ownStart + i2), other.slice(otherStart + j, otherStart + j2));
          if (!found) continue;
          score = found.score - MERGE_COST * (bead.a + bead.b - 2);
          by = found.by;
        }
        if (here + score > best[i2]![j2]!) {
          best[i2]![j2] = here + score;
          // The shared bead itself when it has no evidence: most cells of the table take one.
          step[i2]![j2] = by ? { ...bead, by } : bead;
        }
      }
    }
  }

  const beads: { i: number; j: number; bead: Bead & { by?: 'id' | 'time' } }[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const bead = step[i]![j]!;
    i -= bead.a;
    j -= bead.b;
    beads.unshift({ i, j, bead });
  }

  // Between two pieces of evidence, pair the leftover sections when the outlines agree.
  let gapOwn: number[] = [];
  let gapOther: number[] = [];
  const flush = () => {
    const [a, b] = [gapOwn.map((k) => own[k]!), gapOther.map((k) => other[k]!)];
    if (a.length && sameShape(a, b))
      gapOwn.forEach((k, x) => rows.push({ own: [k], other: [gapOther[x]!], by: 'outline' }));
    else {
      for (const k of gapOwn) rows.push({ own: [k], other: [], by: 'one-side' });
      for (const k of gapOther) rows.push({ own: [], other: [k], by: 'one-side' });
    }
    gapOwn = [];
    gapOther = [];
  };
  for (const { i, j, bead } of beads) {
    const ownIdx = range(ownStart + i, ownStart + i + bead.a);
    const otherIdx = range(otherStart + j, otherStart + j + bead.b);
    if (bead.by) {
      flush();
      rows.push({ own: ownIdx, other: otherIdx, by: bead.by });
    } else {
      gapOwn.push(...ownIdx);
      gapOther.push(...otherIdx);
    }
  }
  flush();
  return rows;
}

/**
 * How many timestamps ended up in a row that holds both languages, out of every timestamp either
 * side has: the measure of how well an imported translation lines up with its original.
 */
export function sharedTimes(
  own: readonly OutlineSection[],
  other: readonly OutlineSection[],
  rows: readonly AlignedRow[],
): { shared: number; total: number } {
  const shared = new Set<number>();
  for (const row of rows) {
    const theirs = new Set(row.other.flatMap((k) => other[k]?.times ?? []));
    for (const t of row.own.flatMap((k) => own[k]?.times ?? [])) if (theirs.has(t)) shared.add(t);
  }
  const total = new Set([...own, ...other].flatMap((s) => s.times)).size;
  return { shared: shared.size, total };
}
