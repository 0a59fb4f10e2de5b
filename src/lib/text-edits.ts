/** Offset-based text edits and line bookkeeping, so every rewrite touches only what it must. */

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies non-overlapping edits. An edit nested inside an earlier, wider one is dropped: removing a
 * whole heading line wins over a fix inside that heading. Partial overlaps are a bug in the caller.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || b.end - a.end || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) {
      if (e.end <= pos) continue;
      throw new Error(`overlapping edits at offset ${e.start}`);
    }
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Start offset of every line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Line numbers of a derived text traced back to the source file: `map[i]` is the source line
 * (1-based) of derived line `i + 1`. Inserted lines carry the line they were split from.
 */
export type LineMap = readonly number[];

export function identityMap(lineCount: number, firstLine = 1): number[] {
  return Array.from({ length: lineCount }, (_, i) => firstLine + i);
}

export function sourceLine(map: LineMap, line: number | undefined): number | undefined {
  if (line === undefined) return undefined;
  return map[Math.min(Math.max(line - 1, 0), map.length - 1)];
}

/** LF line endings and no BOM: the only forms the rest of the importer sees. */
export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
