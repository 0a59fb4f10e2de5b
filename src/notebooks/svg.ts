import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { dangerousAttributes, removesContent } from '../lib/html/sanitize';

/** SVG elements that run or embed other documents; removed with what they contain. */
const ACTIVE_SVG = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'handler', 'listener']);

/**
 * Makes an `image/svg+xml` output safe to publish as a file shown through `<img>`: scripts,
 * embedded HTML, event handlers (found by the importer's sanitiser) and references to other hosts
 * are removed. Styles inside the SVG stay: matplotlib draws with them, and an SVG shown as an
 * image cannot reach the page. Returns undefined when nothing drawable is left.
 */
export function sanitizeSvg(text: string): { svg: string; removed: string[] } | undefined {
  const tree = fromHtml(text, { fragment: true });
  const removed: string[] = [];
  const svg = findSvg(tree);
  if (!svg) return undefined;
  clean(svg, removed);
  svg.properties['xmlns'] = 'http://www.w3.org/2000/svg';
  svg.properties['xmlnsXLink'] = 'http://www.w3.org/1999/xlink';
  return { svg: toHtml(svg, { space: 'svg', closeEmptyElements: true, tightSelfClosing: false }), removed };
}

function findSvg(node: Root | Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'svg') return child;
    const inner = findSvg(child);
    if (inner) return inner;
  }
  return undefined;
}

function clean(node: Element, removed: string[]): void {
  node.children = node.children.filter((child: RootContent) => {
    if (child.type === 'comment') return false;
    if (child.type !== 'element') return true;
    const name = child.tagName.toLowerCase();
    if (ACTIVE_SVG.has(name) || (removesContent(name) && name !== 'style' && name !== 'svg' && name !== 'title')) {
      removed.push(`<${child.tagName}>`);
      return false;
    }
    clean(child, removed);
    return true;
  }) as Element['children'];
  const attrs = Object.entries(node.properties).map(([name, value]) => ({
    name: attributeName(name),
    raw: JSON.stringify(Array.isArray(value) ? value.join(' ') : String(value)),
  }));
  for (const problem of dangerousAttributes(node.tagName, attrs)) removed.push(problem);
  for (const key of Object.keys(node.properties)) {
    const value = String(node.properties[key]);
    const name = attributeName(key);
    const isLink = name === 'href' || name === 'xlink:href' || name === 'src';
    if (name.startsWith('on') || (isLink && !value.startsWith('#') && !/^data:image\//i.test(value))) {
      if (isLink && !name.startsWith('on')) removed.push(`link to ${value.slice(0, 60)} in <${node.tagName}>`);
      delete node.properties[key];
    }
  }
}

/** hast property names back to attribute names (`xLinkHref` → `xlink:href`, `onClick` → `onclick`). */
function attributeName(property: string): string {
  if (property === 'xLinkHref') return 'xlink:href';
  return property.toLowerCase();
}
