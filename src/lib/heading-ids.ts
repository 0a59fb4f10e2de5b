/**
 * Explicit section ids, written once here for the Markdown plugin, the content checks and the MDX
 * check. In `.md`: `## Title {#id}`. In `.mdx`, where `{…}` is a JavaScript expression:
 * `## Title {/* #id *\/}` (an MDX comment), or the escaped `## Title \{#id\}`, which `.md` reads too.
 */

/** `{#id}` at the end of a heading's parsed text (escapes already resolved). */
export const headingIdSuffix = /\s*\{#([A-Za-z][\w-]*)\}\s*$/;

/** The value of an MDX comment expression holding an id: `/* #id *\/`. */
export const headingIdComment = /^\s*\/\*\s*#([A-Za-z][\w-]*)\s*\*\/\s*$/;

/** Any of the written forms at the end of a heading line in the source. */
const sourceMarker = /\s*(?:\\?\{#([A-Za-z][\w-]*)\\?\}|\{\s*\/\*\s*#([A-Za-z][\w-]*)\s*\*\/\s*\})\s*$/;

/**
 * A heading line's text and explicit id, in either format.
 * @example headingIdOf('Alerts {/* #alerts *\/}') // { text: 'Alerts', id: 'alerts' }
 * @example headingIdOf('Alerts {#alerts}') // { text: 'Alerts', id: 'alerts' }
 */
export function headingIdOf(line: string): { text: string; id: string | undefined } {
  const m = sourceMarker.exec(line);
  if (!m) return { text: line.trim(), id: undefined };
  return { text: line.slice(0, m.index).trim(), id: m[1] ?? m[2] };
}

/** The id written the way that fails in `.mdx`. */
export interface MdxIdMistake {
  line: number;
  id: string;
  /** The heading as written, e.g. `## Alerts {#alerts}`. */
  written: string;
  /** The same heading in the form MDX accepts. */
  suggested: string;
}

/**
 * `## Title {#id}` lines of an MDX file, outside fenced code: MDX would stop on them with an
 * expression error that names neither the heading nor the fix.
 */
export function mdxIdMistakes(source: string): MdxIdMistake[] {
  const out: MdxIdMistake[] = [];
  let fence: string | undefined;
  source.split('\n').forEach((raw, i) => {
    const open = /^\s{0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    if (open) {
      if (!fence) fence = open;
      else if (open[0] === fence[0] && open.length >= fence.length) fence = undefined;
      return;
    }
    if (fence) return;
    const m = /^(\s{0,3}#{1,6}\s+.*?)\s*(?<!\\)\{#([A-Za-z][\w-]*)\}\s*$/.exec(raw);
    if (!m?.[1] || !m[2]) return;
    out.push({ line: i + 1, id: m[2], written: raw.trim(), suggested: `${m[1].trim()} {/* #${m[2]} */}` });
  });
  return out;
}

/**
 * The build error for those lines, naming the file, each line and the syntax to write instead.
 * @example mdxIdMessage('content/lessons/en/lesson-1.mdx', mdxIdMistakes('## A {#a}'))
 */
export function mdxIdMessage(file: string, mistakes: readonly MdxIdMistake[]): string {
  const lines = mistakes.map((m) => `  ${file}:${m.line}: ${m.written}\n    write instead: ${m.suggested}`);
  return [
    `${file}: heading ids written as {#id} cannot be read in .mdx, where {…} is JavaScript.`,
    ...lines,
    'In .mdx give a heading its id as an MDX comment, `## Title {/* #id */}` (or escape the braces: `\\{#id\\}`); .md files keep `{#id}`.',
  ].join('\n');
}
