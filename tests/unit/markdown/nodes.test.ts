import fs from 'node:fs';
import path from 'node:path';
import type { Parents, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { forEachNode } from '../../../src/lib/markdown/nodes';
import { parse } from '../../../src/lib/markdown/parse';

const root = path.resolve(import.meta.dirname, '../../..');
const lessons = ['content/lessons/zh/lesson-3.md', 'content/lessons/en/lesson-5.md'].map((f) => path.join(root, f));

describe('forEachNode: the remark steps’ walk', () => {
  it('visits the same nodes in the same order as unist-util-visit, on real lessons', () => {
    for (const file of lessons) {
      const tree = parse(fs.readFileSync(file, 'utf8'));
      const theirs: unknown[] = [];
      const ours: unknown[] = [];
      visit(tree, (node, index, parent) => {
        if (parent) theirs.push([node, index, parent]);
      });
      forEachNode(tree, (node, index, parent) => {
        ours.push([node, index, parent]);
      });
      expect(ours.length, file).toBeGreaterThan(500);
      // The same objects, not equal copies.
      expect(
        ours.every((entry, i) => (entry as unknown[]).every((x, j) => x === (theirs[i] as unknown[])[j])),
        file,
      ).toBe(true);
    }
  });

  it('does not enter a skipped node, and goes on from an index a visit returns, as unist-util-visit does', () => {
    const make = (): Root => parse('> quote *em*\n\nafter **strong**\n');
    const walk = (walker: 'ours' | 'theirs') => {
      const tree = make();
      const seen: string[] = [];
      const step = (node: RootContent, index: number | undefined, parent: Parents | undefined) => {
        seen.push(node.type);
        if (node.type === 'blockquote') return 'skip' as const;
        // Replaces the paragraph with two, and visits them.
        if (node.type === 'paragraph' && parent && index !== undefined && !node.data) {
          const marked = (): RootContent => ({ type: 'paragraph', data: {}, children: [{ type: 'text', value: 'x' }] });
          parent.children.splice(index, 1, marked(), marked());
          return index;
        }
        return undefined;
      };
      if (walker === 'ours') forEachNode(tree, step);
      else visit(tree, (node, index, parent) => (node.type === 'root' ? undefined : step(node, index, parent)));
      return seen;
    };
    expect(walk('ours')).toEqual(walk('theirs'));
    expect(walk('ours')).toEqual([
      'blockquote',
      'paragraph',
      'text',
      'strong',
      'text',
      'paragraph',
      'text',
      'paragraph',
      'text',
    ]);
  });
});
