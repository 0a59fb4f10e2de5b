import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { tokenize, VOID_ELEMENTS } from '../html/tags';
import { forEachNode } from '../markdown/nodes';
import { linkSeconds } from '../video-time';
import type { OutlineSection } from './align';

/**
 * A note's sections, read once from its Markdown tree by the site's pipeline (after heading ids
 * and time chips are in place) and stored with its render: the side-by-side pages, the status
 * page and `npm run status` all read this one outline.
 */

/** The attribute on each section's heading in the rendered HTML: where a side-by-side page cuts. */
export const SECTION_MARK = 'data-section';

/** The frontmatter key the outline is stored under with a render (beside `hasMath`). */
export const OUTLINE_KEY = 'sections';

type WithProperties = { data?: { hProperties?: Record<string, unknown> } };

function hProperties(node: RootContent): Record<string, unknown> {
  const data = ((node as WithProperties).data ??= {});
  return (data.hProperties ??= {});
}

/** A section starts at an h2 or h3 at the top level of the note, not one inside a list or callout. */
function isSectionHeading(node: RootContent): node is Heading {
  return node.type === 'heading' && (node.depth === 2 || node.depth === 3);
}

/** Nodes that render nothing a reader sees: an intro of only these is no intro. */
function isSilent(node: RootContent): boolean {
  const type: string = node.type;
  if (type === 'mdxjsEsm' || type === 'definition' || type === 'yaml' || type === 'toml') return true;
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}

/** Seconds of every video timestamp in some nodes: a time chip, or a web link whose text is a clock. */
function timesIn(nodes: readonly RootContent[]): number[] {
  const times: number[] = [];
  forEachNode({ type: 'root', children: [...nodes] } as Root, (link) => {
    if (link.type !== 'link' || !/^https?:/i.test(link.url)) return;
    const chip = hProperties(link)['dataSeconds'];
    const seconds = linkSeconds(chip === undefined ? undefined : String(chip), toString(link));
    if (seconds !== undefined) times.push(seconds);
  });
  return times;
}

/**
 * The intro (when it shows anything), then every top-level h2/h3 with the id its author wrote,
 * its text (time chips in a heading have no text) and the timestamps in it and its section.
 * @example outlineOf(tree of 'Intro\n\n## Loss {#loss}\n[[5:27](https://youtu.be/x?t=327)]')
 * // [{ depth: 1, title: '', times: [] }, { id: 'loss', depth: 2, title: 'Loss', times: [327] }]
 */
export function outlineOf(tree: Root): OutlineSection[] {
  return sectionGroups(tree).map(({ heading, nodes }) => {
    if (!heading) return { depth: 1, title: '', times: timesIn(nodes) };
    const id = hProperties(heading)['id'];
    return {
      id: typeof id === 'string' ? id : undefined,
      depth: heading.depth,
      title: toString(heading).trim(),
      times: timesIn(nodes),
    };
  });
}

/** The top-level nodes of each section, in outline order: the intro (when it shows anything) has no heading. */
export function sectionGroups(tree: Root): { heading?: Heading; nodes: RootContent[] }[] {
  const groups: { heading?: Heading; nodes: RootContent[] }[] = [{ nodes: [] }];
  for (const node of sectionHeadings(tree)) groups.push({ heading: node, nodes: [] });
  let k = 0;
  for (const node of tree.children) {
    if (node === groups[k + 1]?.heading) k++;
    groups[k]!.nodes.push(node);
  }
  return groups[0]!.nodes.some((n) => !isSilent(n)) ? groups : groups.slice(1);
}

/** Puts the section mark on every section heading, so the rendered HTML can be cut where the outline says. */
export function markSections(tree: Root): void {
  for (const node of sectionHeadings(tree)) hProperties(node)['dataSection'] = '';
}

/**
 * The top-level h2/h3 headings, except those inside an element that raw HTML opened and has not
 * closed yet (`<details>`, blank line, `## …`, blank line, `</details>`): cutting there would
 * split the element between two sections.
 */
function sectionHeadings(tree: Root): Heading[] {
  const headings: Heading[] = [];
  let open = 0;
  for (const node of tree.children) {
    if (node.type === 'html') open = Math.max(0, open + netOpened(node.value));
    else if (open === 0 && isSectionHeading(node)) headings.push(node);
  }
  return headings;
}

/** Elements a piece of raw HTML opens minus those it closes. */
function netOpened(html: string): number {
  let net = 0;
  for (const token of tokenize(html)) {
    if (token.type === 'open' && !token.selfClosing && !VOID_ELEMENTS.has(token.name)) net++;
    else if (token.type === 'close' && !VOID_ELEMENTS.has(token.name)) net--;
  }
  return net;
}

/**
 * The outline stored with a render (`remarkPluginFrontmatter`, or a stored render's frontmatter).
 * A render without one did not go through the site's pipeline: that is a bug, not a note's fault.
 */
export function storedOutline(frontmatter: Record<string, unknown>, where: string): OutlineSection[] {
  const outline = frontmatter[OUTLINE_KEY];
  if (!Array.isArray(outline)) throw new Error(`${where}: rendered without the section outline (remarkSections)`);
  return outline as OutlineSection[];
}
