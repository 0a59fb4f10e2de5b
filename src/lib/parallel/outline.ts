import { sectionHeadings } from '../content-rules';
import { findVideoTimes, trailingClock, withoutVideoTimes } from '../video-time';
import type { OutlineSection } from './align';

/**
 * A note's sections as the aligner sees them, read from its Markdown source: the intro (when it
 * has text), then every h2/h3 with its explicit id and the timestamps in its heading and text.
 * The side-by-side page reads the same facts from the rendered page (see `parallel/html.ts`).
 * @example outlineFromMarkdown('Intro\n\n## Loss {#loss}\n[[5:27](https://youtu.be/x?t=327)]')
 * // [{ depth: 1, title: '', times: [] }, { id: 'loss', depth: 2, title: 'Loss', times: [327] }]
 */
export function outlineFromMarkdown(markdown: string): OutlineSection[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const lines = body.split('\n');
  const headings = sectionHeadings(body);
  const sections: OutlineSection[] = [];
  const times = (from: number, to: number) => findVideoTimes(lines.slice(from, to).join('\n')).map((t) => t.seconds);
  const introEnd = headings[0] ? headings[0].line - 1 : lines.length;
  if (lines.slice(0, introEnd).some((l) => l.trim() !== ''))
    sections.push({ depth: 1, title: '', times: times(0, introEnd) });
  headings.forEach((h, k) => {
    const end = headings[k + 1] ? headings[k + 1]!.line - 1 : lines.length;
    // `## Forum tips (0:17)`: a time in the lesson's video, without a link.
    const own = trailingClock(h.text)?.seconds;
    const found = [...(own === undefined ? [] : [own]), ...times(h.line - 1, end)];
    sections.push({ id: h.id, depth: h.level, title: withoutVideoTimes(h.text), times: found });
  });
  return sections;
}
