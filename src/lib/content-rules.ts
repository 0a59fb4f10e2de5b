import type { Heading } from 'mdast';
import { countCjk } from './cjk';
import { headingIdOf } from './heading-ids';
import { endOf, parseFile, startOf, walk } from './markdown/parse';
import { proseOf } from './markdown/prose';

/**
 * Checks on the written notes that the schema cannot express: the two languages of a lesson must
 * share their sections, lessons must have substance, code must name its language. Pure functions
 * over file text (frontmatter included), read with the site's own Markdown parser, so the content
 * test and its own unit tests use the same rules as the build.
 */

/** English words in prose (code and math excluded). */
export function englishWordCount(markdown: string): number {
  return proseOf(parseFile(markdown)).match(/[A-Za-z][A-Za-z'’-]*/g)?.length ?? 0;
}

/** Chinese characters in prose (code and math excluded). */
export function chineseCharCount(markdown: string): number {
  return countCjk(proseOf(parseFile(markdown)));
}

export interface SectionHeading {
  level: number;
  id: string | undefined;
  line: number;
  text: string;
}

/** A heading's text as written in the source, without its `#` marks or setext underline. */
function writtenText(markdown: string, heading: Heading): string {
  const source = markdown.slice(startOf(heading), endOf(heading));
  const firstLine = source.split('\n')[0] ?? '';
  return firstLine.replace(/^\s{0,3}#{1,6}(?:\s+|$)/, '').replace(/\s+#+\s*$/, '');
}

/** The note's top-level h2/h3 headings (its sections), with their explicit id if any (`{#id}`, or `{/* #id *\/}` in MDX). */
export function sectionHeadings(markdown: string): SectionHeading[] {
  return parseFile(markdown)
    .children.filter((n): n is Heading => n.type === 'heading' && (n.depth === 2 || n.depth === 3))
    .map((h) => {
      const { id, text } = headingIdOf(writtenText(markdown, h));
      return { level: h.depth, id, line: h.position?.start.line ?? 0, text };
    });
}

/** Differences between two languages' section outlines, as readable lines (empty when they match). */
export function outlineDifferences(a: SectionHeading[], b: SectionHeading[], names: [string, string]): string[] {
  const problems: string[] = [];
  for (const [h, name] of [...a.map((h) => [h, names[0]] as const), ...b.map((h) => [h, names[1]] as const)]) {
    if (!h.id) problems.push(`${name}:${h.line} heading "${h.text}" has no {#id}`);
  }
  const sig = (hs: SectionHeading[]) => hs.map((h) => `h${h.level}#${h.id ?? '?'}`);
  const [sa, sb] = [sig(a), sig(b)];
  const len = Math.max(sa.length, sb.length);
  for (let i = 0; i < len; i++) {
    if (sa[i] !== sb[i]) {
      problems.push(`section ${i + 1}: ${names[0]} has ${sa[i] ?? 'nothing'}, ${names[1]} has ${sb[i] ?? 'nothing'}`);
      break;
    }
  }
  return problems;
}

/** Line numbers of fenced code blocks that do not name a language. */
export function fencesWithoutLanguage(markdown: string): number[] {
  const lines: number[] = [];
  walk(parseFile(markdown), (node) => {
    if (node.type !== 'code' || node.lang || !node.position) return;
    // An indented code block has no fence to name a language on.
    if (/^\s*(?:`{3,}|~{3,})/.test(markdown.slice(startOf(node)))) lines.push(node.position.start.line);
  });
  return lines;
}
