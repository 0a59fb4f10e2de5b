import { endOf, parseFile, startOf, walk } from './markdown/parse';

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
 * `## Title {#id}` headings of an MDX file, outside code: MDX would stop on them with an
 * expression error that names neither the heading nor the fix.
 */
export function mdxIdMistakes(source: string): MdxIdMistake[] {
  const out: MdxIdMistake[] = [];
  walk(parseFile(source), (node) => {
    if (node.type !== 'heading' || !node.position) return;
    const written = source.slice(startOf(node), endOf(node)).split('\n')[0]!.trim();
    const m = /^(#{1,6}\s+.*?)\s*(?<!\\)\{#([A-Za-z][\w-]*)\}\s*$/.exec(written);
    if (!m?.[1] || !m[2]) return;
    out.push({ line: node.position.start.line, id: m[2], written, suggested: `${m[1].trim()} {/* #${m[2]} */}` });
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
