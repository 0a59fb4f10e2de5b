import type { Root } from 'mdast';
import { headingIdOf } from '../heading-ids';
import { walk } from './parse';

/**
 * The words a reader reads in a note: its text, without code, math, HTML, link targets, bare URLs
 * or heading-id markers. Counting letters in it tells a note's language and whether it has
 * substance; a Chinese note full of Python, or an English one quoting 中文, must not change language.
 * @example proseOf(parse('## 学习率 {#lr}\n\n```py\n# 注释\n```\n公式 $x$ [完](https://x)')) // '学习率\n公式 \n完'
 */
export function proseOf(tree: Root): string {
  const pieces: string[] = [];
  walk(tree, (node, ancestors) => {
    if (node.type === 'heading') {
      // An id marker is text until the site's plugin takes it out.
      pieces.push(headingIdOf(textOf(node)).text);
      return false;
    }
    if (node.type !== 'text') return true;
    const link = ancestors.at(-1);
    // A bare URL (a GFM autolink) is a link whose text is its address.
    const address = (url: string) => url.replace(/^(?:mailto:|https?:\/\/)/, '');
    if (!(link?.type === 'link' && address(node.value) === address(link.url))) pieces.push(node.value);
    return true;
  });
  return pieces.join('\n');
}

function textOf(node: Parameters<typeof walk>[0]): string {
  let text = '';
  walk(node, (n) => {
    if (n.type === 'text') text += n.value;
  });
  return text;
}
