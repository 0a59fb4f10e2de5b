import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { forEachElement } from '../../../src/lib/html/elements';

describe('forEachElement: the rehype steps’ walk', () => {
  it('visits elements in document order, inside MDX’s JSX elements too, and not inside a skipped one', () => {
    const jsx = { type: 'mdxJsxFlowElement', name: 'Aside', attributes: [], children: [h('pre', [h('code', 'x')])] };
    const tree = { type: 'root', children: [h('p', [h('em', 'a')]), jsx, h('table', [h('tr')])] } as unknown as Root;
    const seen: string[] = [];
    forEachElement(tree, (element) => {
      seen.push(element.tagName);
      return element.tagName === 'table' ? 'skip' : undefined;
    });
    expect(seen).toEqual(['p', 'em', 'pre', 'code', 'table']);
  });

  it('does not visit what a visit put in the element’s place, and still enters the element', () => {
    const tree: Root = { type: 'root', children: [h('pre', [h('code', 'x')])] };
    const seen: string[] = [];
    forEachElement(tree, (element, index, parent) => {
      seen.push(element.tagName);
      if (element.tagName === 'pre') parent.children[index] = h('figure', [element]) as Element;
    });
    expect(seen).toEqual(['pre', 'code']);
    expect((tree.children[0] as Element).tagName).toBe('figure');
  });
});
