import type { Element, Root } from 'hast';
import { forEachElement } from '../lib/html/elements';
import type { VFile } from 'vfile';
import { t } from '../i18n/ui';
import { defaultLocale } from '../lib/locales';
import { noteSource } from './source';

/** Names shown for Shiki's language ids where the id is not what a reader would call it. */
const languageNames: Record<string, string> = {
  py: 'Python',
  python: 'Python',
  bash: 'Bash',
  sh: 'Shell',
  shell: 'Shell',
  console: 'Console',
  js: 'JavaScript',
  ts: 'TypeScript',
  json: 'JSON',
  yaml: 'YAML',
  text: 'Text',
  plaintext: 'Text',
  txt: 'Text',
  swift: 'Swift',
  md: 'Markdown',
  markdown: 'Markdown',
  html: 'HTML',
  css: 'CSS',
};

function isMath(pre: Element): boolean {
  const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  return String(code?.properties['className'] ?? '').includes('language-math');
}

/**
 * Wraps each highlighted code block in a figure with its language and a copy button, labelled in
 * the page's language. The button works through a small shared script (CodeCopy).
 */
export function rehypeCodeBlocks(options: { notesRoot: string }) {
  return (tree: Root, file: VFile) => {
    const locale = noteSource(file.path, options.notesRoot)?.locale ?? defaultLocale;
    forEachElement(tree, (node: Element, index, parent) => {
      if (node.tagName !== 'pre') return;
      if (parent.type === 'element' && parent.properties['className']?.toString().includes('code-block')) return;
      // Display math is still a code block here; rehype-math typesets it afterwards.
      if (isMath(node)) return;
      const lang = String(node.properties['dataLanguage'] ?? 'text');
      const label = languageNames[lang] ?? lang;
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: { className: ['code-block'] },
        children: [
          {
            type: 'element',
            tagName: 'figcaption',
            properties: { className: ['code-block__bar'], dataPagefindIgnore: '' },
            children: [
              {
                type: 'element',
                tagName: 'span',
                properties: { className: ['code-block__lang'] },
                children: [{ type: 'text', value: label }],
              },
              {
                type: 'element',
                tagName: 'button',
                properties: {
                  type: 'button',
                  className: ['code-block__copy'],
                  dataCopied: t(locale, 'code.copied'),
                  dataFailed: t(locale, 'code.copyFailed'),
                },
                children: [{ type: 'text', value: t(locale, 'code.copy') }],
              },
            ],
          },
          node,
        ],
      };
      parent.children[index] = figure;
    });
  };
}
