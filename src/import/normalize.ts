import { normaliseDisplayMath, normaliseInlineMath, type Line } from './math';
import { codeMap, isFlowParent, parse, walk } from '../lib/markdown/parse';
import { lineStarts } from '../lib/text-edits';
import { findVideoTimes } from '../lib/video-time';

/**
 * First pass over a note: fixes that change how Markdown is *parsed* (math fences, headings
 * without a space, Typora's link forms), so the second pass can trust the parse tree.
 * Code blocks, inline code and raw HTML blocks are never touched.
 */
export function normaliseSource(body: string, firstLine: number): { text: string; lineMap: number[] } {
  const tree = parse(body, { math: false });
  const code = codeMap(tree);
  const htmlLines = new Set<number>();
  walk(tree, (node, ancestors) => {
    if (node.type === 'html' && node.position && isFlowParent(ancestors.at(-1))) {
      for (let l = node.position.start.line; l <= node.position.end.line; l++) htmlLines.add(l);
    }
  });
  const starts = lineStarts(body);
  const raw = body.split('\n');
  const lines: (Line & { index: number })[] = raw.map((text, index) => ({ text, src: firstLine + index, index }));
  const skip = (i: number) => code.blockLines.has(i + 1) || htmlLines.has(i + 1);
  const shaped = normaliseDisplayMath(lines, skip) as (Line & { index?: number })[];
  const out = shaped.map((line) => {
    if (line.math || line.index === undefined || skip(line.index)) return line;
    const start = starts[line.index] ?? 0;
    const codeCols = code.inline
      .filter(([a, b]) => a < start + line.text.length && b > start)
      .map(([a, b]): [number, number] => [Math.max(0, a - start), Math.min(line.text.length, b - start)]);
    return { ...line, text: fixLine(line.text, codeCols) };
  });
  return { text: out.map((l) => l.text).join('\n'), lineMap: out.map((l) => l.src) };
}

/** Applies the inline fixes to the parts of a line that are not inline code. */
function fixLine(text: string, codeCols: [number, number][]): string {
  let out = '';
  let pos = 0;
  for (const [a, b] of codeCols) {
    out += fixProse(text.slice(pos, a)) + text.slice(a, b);
    pos = b;
  }
  out += fixProse(text.slice(pos));
  return headingSpace(out);
}

function fixProse(segment: string): string {
  if (!segment) return segment;
  const withMath = normaliseInlineMath(segment);
  // Formulas are opaque to the remaining fixes: `==` or `[` inside TeX means something else.
  return withMath
    .split(/((?<!\\)\$[^$\n]+(?<!\\)\$)/)
    .map((part, i) => (i % 2 === 1 ? part : fixLinks(highlight(timestamps(part)))))
    .join('');
}

/** `#Title` → `# Title` at the start of a line; `#hashtag` later in a line is left alone. */
export function headingSpace(line: string): string {
  return line.replace(/^( {0,3})(#{1,6})(?=[\p{L}\p{N}])/u, '$1$2 ');
}

/**
 * `[[2:45](https://youtu.be/…?t=165)]` and `[[2:45]](…)` → `\[[2:45](…)\]`, the one form the
 * importer writes: the link renders either way in CommonMark, but bare outer brackets next to a
 * link are fragile (a following `[x]` or `(…)` turns them into a reference or another link), and
 * brackets inside the link text are not a clock. Escaping keeps the author's brackets as visible text.
 */
export function timestamps(text: string): string {
  let out = '';
  let pos = 0;
  for (const mark of findVideoTimes(text)) {
    // Only the bracketed forms: `\[…\]` is already the one form, and a bare `[2:45](…)` has none.
    if (!text.startsWith('[[', mark.index)) continue;
    out += `${text.slice(pos, mark.index)}\\[[${mark.clock}](${mark.href})\\]`;
    pos = mark.index + mark.length;
  }
  return out + text.slice(pos);
}

/** Typora's `==highlight==` → `<mark>`, which the sanitiser keeps. */
export function highlight(text: string): string {
  return text.replace(/(^|[^=\\])==(?=[^=\s])([^=\n]*?[^=\s\\])==(?!=)/g, '$1<mark>$2</mark>');
}

/**
 * Typora writes `![](my image.png)` and `![](J:\notes\a b.png)`; CommonMark needs `<…>` around a
 * destination with spaces, otherwise the image is plain text.
 */
export function fixLinks(text: string): string {
  // `[Forum]((https://…))`: the doubled parentheses make the URL a broken relative link.
  const unwrapped = text.replace(/\]\(\(((?:https?|ftp):\/\/[^()\s]+)\)\)/g, ']($1)');
  return unwrapped.replace(/(!?\[[^\]\n]*\])\(([^()<>\n]*\s[^()<>\n]*)\)/g, (all, label: string, dest: string) => {
    const d = dest.trim();
    if (!/\s/.test(d) || /^\S+\s+("[^"]*"|'[^']*')$/.test(d)) return all;
    return `${label}(<${d}>)`;
  });
}
