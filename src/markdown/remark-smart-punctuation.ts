import type { Nodes, Root } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { forEachNode } from '../lib/markdown/nodes';

/**
 * SmartyPants as Astro applies it by default (remark-smartypants: curly quotes, — for --, … for
 * ...), giving the same text, at a fraction of the cost. remark-smartypants runs retext's
 * natural-language parser over the whole note for the quotes, then again over every text node for
 * dashes and ellipses: about a seventh of a note's render, on text that is mostly left as it was.
 * Here the parser reads only what it can change: for quotes, each block (paragraph, heading, table
 * cell) that has a straight quote; for dashes, ellipses and backticks, each text node that has
 * `--`, `..`, `. .`, two backticks or two apostrophes.
 *
 * remark-smartypants reads the note as one string, each block after a space: a quote's form
 * depends only on the characters beside it, and a block's first quote sees that space, as it does
 * here. Its text node leaves inline code out, standing in letters of the same length, so quotes
 * either side of code read as they do around a word; here too. The unit test holds the two equal
 * on every note of the site and of the real corpus.
 */
export function remarkSmartPunctuation() {
  // The two passes remark-smartypants makes, with its options.
  const quotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
  const rest = retext().use(retextSmartypants, { quotes: false });
  return (tree: Root) => {
    for (const block of blocksOf(tree)) {
      if (!/["']/.test(block.text)) continue;
      const educated = onlyApostrophes(block.text)
        ? block.text.replaceAll("'", '\u2019')
        : quotes.processSync(block.text).toString();
      let at = block.leading;
      for (const node of block.literals) {
        const end = at + node.value.length;
        if (node.type === 'text') node.value = educated.slice(at, end);
        at = end;
      }
    }
    forEachNode(tree, (node, _, parent) => {
      if (node.type !== 'text' || skipped(parent)) return;
      if (REST_MAY_CHANGE.test(node.value)) node.value = rest.processSync(node.value).toString();
    });
  };
}

/**
 * Whether a block's only quotes are apostrophes inside words (it's, don't), which retext-smartypants
 * makes ’ wherever a letter stands on both sides: most English blocks, educated without parsing them.
 */
const onlyApostrophes = (text: string) => !text.includes('"') && !/(?<![A-Za-z])'|'(?![A-Za-z])/.test(text);

/** What the second pass changes: dashes, ellipses (spaced or not), `` and ''. */
const REST_MAY_CHANGE = /--|\.\s*\.|``|''/;
/** Elements whose text is code, which remark-smartypants leaves alone. */
const IGNORED_ELEMENTS = new Set(['style', 'script']);
/** Text remark-smartypants leaves alone: in a script or style element, or an unnamed MDX fragment. */
const skipped = (parent: Nodes) =>
  parent.type === 'mdxJsxTextElement' && (typeof parent.name !== 'string' || IGNORED_ELEMENTS.has(parent.name));
/** Nodes that start a block: their text begins after a space (remark-smartypants' BLOCK_NODES). */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

type Literal = Extract<Nodes, { value: string }> & { type: 'text' | 'inlineCode' };

interface Block {
  /** The block's text as remark-smartypants reads it: a space, then its literals. */
  text: string;
  /** Where the first literal starts in `text`. */
  leading: number;
  literals: Literal[];
}

/**
 * The note's text as remark-smartypants strings it together, cut where it puts a space: at each
 * paragraph, heading and table cell. Literals outside any such block (a directive's label) continue
 * the block before them, as they do in that one string.
 */
function blocksOf(tree: Root): Block[] {
  const blocks: Block[] = [{ text: '', leading: 0, literals: [] }];
  forEachNode(tree, (node, _, parent) => {
    if (skipped(parent)) return;
    if (BLOCKS.has(node.type)) blocks.push({ text: ' ', leading: 1, literals: [] });
    else if (node.type === 'text' || node.type === 'inlineCode') {
      const block = blocks[blocks.length - 1]!;
      block.literals.push(node);
      block.text += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
    }
  });
  return blocks;
}
