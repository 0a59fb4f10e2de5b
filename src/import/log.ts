import type { Heading, Root } from 'mdast';
import { endOf, startOf } from '../lib/markdown/parse';
import { headingText } from './outline';

export interface DateHeading {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM` or `HH:MM:SS` when the heading has a time. */
  time?: string;
  /** What the heading says besides date, time and weekday (`ToDo`), possibly ''. */
  rest: string;
}

const WEEKDAY = /^(星期|礼拜|周)[一二三四五六日天]|^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?(?=$|\s)/i;

/**
 * Reads a study-log heading. All forms found in the wild are accepted, e.g.
 * `2023年8月15日 星期二`, `2023年5月26日14:50:11 周五`, `2023年5月17日 ToDo`, `2023-05-11 11:46`.
 */
export function parseDateHeading(text: string): DateHeading | undefined {
  const m =
    /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*(.*)$/.exec(text) ??
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])\s*(?:T(?=\d))?(.*)$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const date = `${y}-${mo?.padStart(2, '0')}-${d?.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return undefined;
  let rest = (m[4] ?? '').trim();
  const time = /^(\d{1,2}:\d{2}(?::\d{2})?)(?!\d)/.exec(rest)?.[1];
  if (time) rest = rest.slice(time.length).trim();
  rest = rest.replace(/^[\s,，、|()（）\-–—]+/, '');
  const weekday = WEEKDAY.exec(rest);
  if (weekday) rest = rest.slice(weekday[0].length);
  rest = rest.replace(/^[\s,，、|()（）:：\-–—]+|[\s,，、|()（）:：\-–—]+$/g, '').trim();
  return time ? { date, time, rest } : { date, rest };
}

export interface LogSection extends DateHeading {
  heading: Heading;
  /** Offsets of the whole section (heading included) in the note's text. */
  start: number;
  end: number;
  /** Where the entry's body starts (the line after the heading). */
  bodyStart: number;
}

/**
 * Finds the dated sections of a note. A section runs to the next dated heading. The log ends at a
 * heading above the dated ones (`## Other`) or at a thematic break after the last dated section;
 * what follows belongs to the note again.
 */
export function findLogSections(text: string, tree: Root): LogSection[] {
  const blocks = tree.children;
  const dated = blocks.flatMap((node, index) => {
    if (node.type !== 'heading') return [];
    const parsed = parseDateHeading(headingText(node));
    return parsed ? [{ index, node, parsed }] : [];
  });
  if (!dated.length) return [];
  const top = Math.min(...dated.map((d) => d.node.depth));
  const lastIndex = dated.at(-1)?.index ?? 0;
  const sections: LogSection[] = [];
  dated.forEach((d, k) => {
    const next = dated[k + 1]?.index ?? blocks.length;
    let endIndex = next;
    for (let i = d.index + 1; i < next; i++) {
      const b = blocks[i];
      const parent = b?.type === 'heading' && b.depth < top;
      const breakAfterLog = b?.type === 'thematicBreak' && d.index === lastIndex;
      if (parent || breakAfterLog) {
        endIndex = i;
        break;
      }
    }
    const start = startOf(d.node);
    const last = blocks[endIndex - 1];
    const end = endIndex - 1 > d.index && last ? endOf(last) : endOf(d.node);
    const headingEnd = endOf(d.node);
    const bodyStart = text[headingEnd] === '\n' ? headingEnd + 1 : headingEnd;
    sections.push({ ...d.parsed, heading: d.node, start, end, bodyStart });
  });
  return sections;
}
