import type { Heading, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

const ID_SUFFIX = /\s*\{#([A-Za-z][\w-]*)\}\s*$/;

/**
 * Honours `## 学习率查找 {#lr-finder}`: the two languages of a lesson share section ids, so the
 * language switch can keep the reader's place. The marker is removed from the visible text.
 */
export function remarkHeadingIds() {
  return (tree: Root) => {
    visit(tree, 'heading', (heading: Heading) => {
      const last = heading.children.at(-1);
      if (last?.type !== 'text') return;
      const match = ID_SUFFIX.exec(last.value);
      if (!match?.[1]) return;
      (last as Text).value = last.value.slice(0, match.index);
      // mdast-util-to-hast reads `data.hProperties`; mdast's own types do not declare it.
      const data = (heading.data ??= {}) as { hProperties?: Record<string, unknown> };
      data.hProperties = { ...data.hProperties, id: match[1] };
    });
  };
}
