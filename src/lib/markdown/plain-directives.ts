import type { Parent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';

/**
 * Notes use directives for one thing only, `:::note` callouts. remark-directive also reads `:27`
 * in `[5:27](…)` and `09:05` as text directives (and `::name` lines as leaf directives): those
 * become the text they were written as again, joined to the text around them, before any other
 * step reads the tree. Container directives stay for the callouts step to judge.
 */
export function remarkPlainDirectives() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    restoreIn(tree, source);
  };
}

function restoreIn(parent: Parent, source: string): void {
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    const restored = restore(child, source);
    const last = out.at(-1);
    if (restored.type === 'text' && last?.type === 'text') {
      last.value += restored.value;
      if (last.position && restored.position) last.position.end = restored.position.end;
    } else out.push(restored);
    if ('children' in restored) restoreIn(restored, source);
  }
  parent.children = out as Parent['children'];
}

function restore(node: RootContent, source: string): RootContent {
  if (node.type !== 'textDirective' && node.type !== 'leafDirective') return node;
  const { start, end } = node.position ?? {};
  const written =
    start?.offset !== undefined && end?.offset !== undefined ? source.slice(start.offset, end.offset) : '';
  const text: Text = { type: 'text', value: written, ...(node.position ? { position: node.position } : {}) };
  return node.type === 'leafDirective'
    ? { type: 'paragraph', children: [text], ...(node.position ? { position: node.position } : {}) }
    : text;
}
