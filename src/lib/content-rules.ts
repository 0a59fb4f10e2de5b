import { headingIdOf } from './heading-ids';

/**
 * Checks on the written notes that the schema cannot express: the two languages of a lesson must
 * share their sections, lessons must have substance, code must name its language. Pure functions
 * over file text, so the content test and its own unit tests use the same rules.
 */

import { countCjk } from './cjk';

/** Markdown with fenced code, display/inline math, HTML comments and link targets removed. */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$\n]+\$/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\\?\{#[\w-]+\\?\}|\{\s*\/\*\s*#[\w-]+\s*\*\/\s*\}/g, ' ');
}

/** English words in prose (code and math excluded). */
export function englishWordCount(markdown: string): number {
  return proseOf(markdown).match(/[A-Za-z][A-Za-z'’-]*/g)?.length ?? 0;
}

/** Chinese characters in prose (code and math excluded). */
export function chineseCharCount(markdown: string): number {
  return countCjk(proseOf(markdown));
}

export interface SectionHeading {
  level: number;
  id: string | undefined;
  line: number;
  text: string;
}

/** h2/h3 headings outside code fences, with their explicit id if any (`{#id}`, or `{/* #id *\/}` in MDX). */
export function sectionHeadings(markdown: string): SectionHeading[] {
  const out: SectionHeading[] = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((raw, i) => {
    const fenceMatch = /^(```|~~~)/.exec(raw);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1];
      else if (raw.startsWith(fence)) fence = undefined;
      return;
    }
    if (fence) return;
    const m = /^(#{2,3})\s+(.*?)\s*$/.exec(raw);
    if (!m?.[1] || m[2] === undefined) return;
    const { id, text } = headingIdOf(m[2]);
    out.push({ level: m[1].length, id, line: i + 1, text });
  });
  return out;
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

/** Line numbers of opening code fences that do not name a language. */
export function fencesWithoutLanguage(markdown: string): number[] {
  const lines: number[] = [];
  let open: string | undefined;
  markdown.split('\n').forEach((raw, i) => {
    const m = /^(```+|~~~+)\s*(\S*)/.exec(raw);
    if (!m?.[1]) return;
    if (open) {
      if (raw.trim() === open || raw.startsWith(open)) open = undefined;
      return;
    }
    open = m[1];
    if (!m[2]) lines.push(i + 1);
  });
  return lines;
}
