import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { clockSeconds } from '../video-time';
import type { OutlineSection } from './align';

/**
 * A rendered note cut into the sections the aligner works on: what comes before the first h2/h3
 * (the intro), then each h2/h3 with everything up to the next one. Pure, over an HTML string.
 */
export interface HtmlSection {
  /** The heading's id in the page (empty for the intro). */
  anchor: string;
  depth: number;
  /** The heading's text as a reader sees it. */
  title: string;
  nodes: RootContent[];
}

const HEADING = /^h([23])$/;

/** Top-level h2/h3 split of a rendered note; an intro of only white space is left out. */
export function splitSections(html: string): HtmlSection[] {
  const root = fromHtml(html, { fragment: true });
  const sections: HtmlSection[] = [];
  let current: HtmlSection = { anchor: '', depth: 1, title: '', nodes: [] };
  for (const node of root.children) {
    const level = node.type === 'element' ? HEADING.exec(node.tagName)?.[1] : undefined;
    if (node.type === 'element' && level) {
      if (current.depth !== 1 || current.nodes.some((n) => !(n.type === 'text' && !n.value.trim())))
        sections.push(current);
      current = {
        anchor: String(node.properties['id'] ?? ''),
        depth: Number(level),
        title: toText(node).replace(/#$/, '').trim(),
        nodes: [node],
      };
    } else current.nodes.push(node);
  }
  if (current.depth !== 1 || current.nodes.some((n) => !(n.type === 'text' && !n.value.trim()))) sections.push(current);
  return sections;
}

/**
 * Seconds of every video timestamp in some nodes: a time chip (`data-seconds`, which in a heading
 * is all it has) or a link whose text reads as a clock.
 */
function timesIn(nodes: readonly RootContent[]): number[] {
  const times: number[] = [];
  const root: Root = { type: 'root', children: [...nodes] };
  visit(root, 'element', (el: Element) => {
    if (el.tagName !== 'a' || !/^https?:/i.test(String(el.properties['href'] ?? ''))) return;
    const chip = Number(el.properties['dataSeconds']);
    if (el.properties['dataSeconds'] !== undefined && Number.isFinite(chip)) {
      times.push(chip);
      return;
    }
    const clock = /\d{1,2}(?::\d{2}){1,2}/.exec(toText(el))?.[0];
    const seconds = clock ? clockSeconds(clock) : undefined;
    if (seconds !== undefined) times.push(seconds);
  });
  return times;
}

/**
 * The aligner's view of rendered sections. `markdown` is the same note's outline from its source:
 * when the two agree section for section (they do unless the note has raw-HTML or setext headings),
 * the source's facts are used, so the page pairs exactly what `npm run status` pairs; otherwise
 * ids are trusted only where the author wrote them and times are read from the links.
 */
export function outlineOfSections(
  sections: readonly HtmlSection[],
  markdown: readonly OutlineSection[],
): OutlineSection[] {
  const agree = sections.length === markdown.length && sections.every((s, i) => s.depth === markdown[i]?.depth);
  if (agree) return [...markdown];
  const written = new Set(markdown.map((s) => s.id).filter(Boolean));
  return sections.map((s) => ({
    id: written.has(s.anchor) ? s.anchor : undefined,
    depth: s.depth,
    title: s.title,
    times: timesIn(s.nodes),
  }));
}

const ID_REFS = ['ariaLabelledBy', 'ariaDescribedBy', 'htmlFor', 'ariaControls'] as const;

/**
 * HTML of sections, with every id (and every in-page reference to one) prefixed, so that the other
 * language's cell can share a page with this one although both use the same section ids.
 * @example sectionsHtml([section], 'en--') // '<h2 id="en--lr-finder">…'
 */
export function sectionsHtml(sections: readonly HtmlSection[], idPrefix = ''): string {
  const root: Root = { type: 'root', children: structuredClone(sections.flatMap((s) => s.nodes)) };
  // Display math and tables arrive as focusable scroll regions already (rehype-scroll-regions).
  if (idPrefix) {
    visit(root, 'element', (el: Element) => {
      const p = el.properties as Record<string, unknown>;
      if (typeof p['id'] === 'string' && p['id']) p['id'] = idPrefix + p['id'];
      if (typeof p['href'] === 'string' && p['href'].startsWith('#') && p['href'].length > 1)
        p['href'] = `#${idPrefix}${p['href'].slice(1)}`;
      for (const key of ID_REFS) {
        const v: unknown = p[key];
        if (Array.isArray(v)) p[key] = v.map((x) => idPrefix + String(x));
        else if (typeof v === 'string' && v) p[key] = v.split(/\s+/).map((x) => idPrefix + x);
      }
    });
  }
  return toHtml(root as Root & { children: ElementContent[] });
}
