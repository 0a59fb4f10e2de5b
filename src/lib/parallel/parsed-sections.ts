import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { linkSeconds } from '../video-time';
import type { HtmlSection } from './html';

/** The headings a note is cut at, h2 and h3; the group is the depth. */
export const HEADING = /^h([23])$/;

/**
 * `splitSections` by parsing the note into a tree: for HTML whose tags do not balance, where
 * counting them cannot tell what is top level. The sections are still cut from the original text.
 */
export function parsedSections(html: string): HtmlSection[] {
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

/**
 * Seconds of every video timestamp in some nodes: a time chip (`data-seconds`, which in a heading
 * is all it has) or a link whose text reads as a clock.
 */
function timesIn(nodes: readonly RootContent[]): number[] {
  const times: number[] = [];
  const root: Root = { type: 'root', children: [...nodes] };
  visit(root, 'element', (el: Element) => {
    if (el.tagName !== 'a' || !/^https?:/i.test(String(el.properties['href'] ?? ''))) return;
    const chip = el.properties['dataSeconds'];
    const seconds = linkSeconds(chip === undefined ? undefined : String(chip), toText(el));
    if (seconds !== undefined) times.push(seconds);
  });
  return times;
}
