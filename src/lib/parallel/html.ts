import type { Element, Root, RootContent } from 'hast';
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
  /** Seconds of the video timestamps in the section. */
  times: number[];
  /** The section's HTML, cut from the note's HTML as it was rendered. */
  html: string;
}

const HEADING = /^h([23])$/;

/**
 * Top-level h2/h3 split of a rendered note; an intro of only white space is left out. The HTML is
 * parsed once to find the cuts, then each section is the original text between them: nothing is
 * serialised again (at a thousand side-by-side pages, that was most of their build time).
 */
export function splitSections(html: string): HtmlSection[] {
  const root = fromHtml(html, { fragment: true });
  const groups: { heading?: Element; nodes: RootContent[] }[] = [{ nodes: [] }];
  for (const node of root.children) {
    if (node.type === 'element' && HEADING.test(node.tagName)) groups.push({ heading: node, nodes: [node] });
    else groups.at(-1)!.nodes.push(node);
  }
  const blank = (n: RootContent) => n.type === 'text' && !n.value.trim();
  const kept = groups.filter((g, i) => i > 0 || g.nodes.some((n) => !blank(n)));
  const startOf = (g: (typeof kept)[number]) => g.nodes[0]?.position?.start.offset;
  return kept.map((g, i) => {
    const from = startOf(g);
    const next = kept[i + 1];
    const to = next ? startOf(next) : html.length;
    return {
      anchor: String(g.heading?.properties['id'] ?? ''),
      depth: g.heading ? Number(HEADING.exec(g.heading.tagName)![1]) : 1,
      title: g.heading ? toText(g.heading).replace(/#$/, '').trim() : '',
      times: timesIn(g.nodes),
      // Positions are always there for parsed HTML; serialising is the fallback, not the rule.
      html:
        from !== undefined && to !== undefined
          ? html.slice(from, to)
          : toHtml({ type: 'root', children: g.nodes } as Root),
    };
  });
}

const pending = new Map<string, { sections: HtmlSection[]; uses: number }>();

/**
 * `splitSections` for the side-by-side pages, where each note is needed twice: on its own
 * language's page and on its translation's. The second use takes the first's result and frees it,
 * so at most one language's notes are held at a time.
 */
export function splitSectionsForPair(html: string): HtmlSection[] {
  const held = pending.get(html);
  if (held) {
    if (++held.uses >= 2) pending.delete(html);
    return held.sections;
  }
  const sections = splitSections(html);
  pending.set(html, { sections, uses: 1 });
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
    times: s.times,
  }));
}

/** A start tag, its attributes quoted as rendered HTML quotes them (a `>` may sit inside a value). */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*\s*\/?>/g;
/** Attributes holding ids: the element's own, and the references to others'. */
const ID_ATTRIBUTES = /(\s)(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"/g;

/**
 * HTML of sections, with every id (and every in-page reference to one) prefixed, so that the other
 * language's cell can share a page with this one although both use the same section ids.
 * @example sectionsHtml([section], 'en--') // '<h2 id="en--lr-finder">…'
 */
export function sectionsHtml(sections: readonly HtmlSection[], idPrefix = ''): string {
  const html = sections.map((s) => s.html).join('');
  if (!idPrefix) return html;
  // Text cannot hold a tag (its `<` is escaped), so every match is a real start tag.
  return html.replace(START_TAG, (tag) =>
    tag
      .replace(
        ID_ATTRIBUTES,
        (_, space: string, name: string, value: string) =>
          `${space}${name}="${value
            .split(/\s+/)
            .filter(Boolean)
            .map((id) => idPrefix + id)
            .join(' ')}"`,
      )
      .replace(/(\s)href="#([^"]+)"/g, (_, space: string, id: string) => `${space}href="#${idPrefix}${id}"`),
  );
}
