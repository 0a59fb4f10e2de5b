import type { Root } from 'mdast';
// Declares MDX's expression nodes (`{/* #id */}`) in mdast's types.
import type {} from 'mdast-util-mdx-expression';
import { headingIdComment, headingIdSuffix } from '../lib/heading-ids';
import { forEachNode } from '../lib/markdown/nodes';

/**
 * Honours an explicit section id: `## 学习率查找 {#lr-finder}` in `.md`, and in `.mdx` (where `{…}`
 * is JavaScript) the comment form `## 学习率查找 {/* #lr-finder *\/}` or the escaped `\{#lr-finder\}`.
 * The two languages of a lesson share section ids, so the language switch can keep the reader's
 * place. The marker is removed from the visible text.
 */
export function remarkHeadingIds() {
  return (tree: Root) => {
    forEachNode(tree, (heading) => {
      if (heading.type !== 'heading') return;
      const last = heading.children.at(-1);
      let id: string | undefined;
      if (last?.type === 'text') {
        const match = headingIdSuffix.exec(last.value);
        if (!match?.[1]) return;
        id = match[1];
        last.value = last.value.slice(0, match.index);
      } else if (last?.type === 'mdxTextExpression') {
        id = headingIdComment.exec(last.value)?.[1];
        if (!id) return;
        heading.children.pop();
        const before = heading.children.at(-1);
        if (before?.type === 'text') before.value = before.value.trimEnd();
      }
      if (!id) return;
      // mdast-util-to-hast reads `data.hProperties`; mdast's own types do not declare it.
      const data = (heading.data ??= {}) as { hProperties?: Record<string, unknown> };
      data.hProperties = { ...data.hProperties, id };
    });
  };
}
