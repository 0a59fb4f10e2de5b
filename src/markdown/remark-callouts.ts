import type { BlockContent, Blockquote, DefinitionContent, Paragraph, PhrasingContent, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { t } from '../i18n/ui';
import { lineIconAttributes } from '../lib/icons';
import { calloutIcons, directiveKind, directiveKinds, githubAlert, type CalloutKind } from '../lib/callouts';
import { forEachNode } from '../lib/markdown/nodes';
import { defaultLocale, type Locale } from '../lib/locales';
import { warnAt } from './report';
import { noteSource } from './source';

type Flow = BlockContent | DefinitionContent;

/**
 * Callouts from the two ways people write them: GitHub's alerts (`> [!TIP]` as the first line of a
 * quote) and `:::tip[Optional title]` directives (parsed by remark-directive, which must run
 * before). Both become an `<aside role="note">` named by its title, with an icon and the type's
 * title in the page's language. The Aside component renders the same markup.
 *
 * A `:::name` block that is not a callout is put back as the text the author wrote (text and leaf
 * directives already are: `remarkPlainDirectives`, part of the notes' syntax).
 */
export function remarkCallouts(options: { notesRoot: string }) {
  return (tree: Root, file: VFile) => {
    const locale = noteSource(file.path, options.notesRoot)?.locale ?? defaultLocale;
    const source = String(file.value);

    forEachNode(tree, (quote) => {
      if (quote.type !== 'blockquote') return;
      const first = quote.children[0];
      const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
      if (!first || first.type !== 'paragraph' || lead?.type !== 'text') return;
      const alert = githubAlert(lead.value);
      if (!alert) return;
      lead.value = lead.value.slice(alert.length);
      if (!lead.value) first.children.shift();
      const body = first.children.length ? quote.children : quote.children.slice(1);
      makeCallout(quote, alert.kind, undefined, body, locale);
    });

    forEachNode(tree, (node, index, parent) => {
      if (node.type === 'containerDirective') {
        const kind = directiveKind(node.name);
        if (kind) {
          const [label, ...rest] = node.children;
          const titled = label?.type === 'paragraph' && label.data?.directiveLabel;
          makeCallout(node, kind, titled ? label.children : undefined, titled ? rest : node.children, locale);
          return;
        }
        warnAt(
          file,
          node,
          `":::${node.name}" is not a callout type; use one of ${Object.keys(directiveKinds).join(', ')}. It is shown as written`,
          'unknown-callout',
        );
        parent.children.splice(index, 1, ...restoreContainer(node, source));
        return index;
      }
      return undefined;
    });
  };
}

/** Turns a quote or directive into the callout's markup, in place. */
function makeCallout(
  node: Blockquote | ContainerDirective,
  kind: CalloutKind,
  title: PhrasingContent[] | undefined,
  body: Flow[],
  locale: Locale,
) {
  const heading = title?.length ? title : [{ type: 'text' as const, value: t(locale, kind.title) }];
  const name = toString({ type: 'paragraph', children: heading }).replace(/\s+/g, ' ').trim();
  const titleLine: Paragraph = {
    type: 'paragraph',
    data: { hName: 'p', hProperties: { className: ['callout__title'], ariaHidden: 'true' } },
    children: [iconNode(kind), ...heading],
  };
  const content: Blockquote = {
    type: 'blockquote',
    data: { hName: 'div', hProperties: { className: ['callout__body'] } },
    children: body,
  };
  node.data = {
    ...node.data,
    hName: 'aside',
    hProperties: { className: ['callout', `callout--${kind.tone}`], role: 'note', ariaLabel: name },
  };
  node.children = [titleLine, content];
}

/** The callout's icon as an inline SVG, decorative (the title says the type). */
function iconNode(kind: CalloutKind): PhrasingContent {
  return {
    type: 'text',
    value: '',
    data: {
      hName: 'svg',
      hProperties: {
        className: ['callout__icon'],
        width: '20',
        height: '20',
        ...lineIconAttributes,
      },
      hChildren: [{ type: 'element', tagName: 'path', properties: { d: calloutIcons[kind.tone] }, children: [] }],
    },
  };
}

function sourceOf(node: Node, source: string): string {
  const { start, end } = node.position ?? {};
  return start?.offset !== undefined && end?.offset !== undefined ? source.slice(start.offset, end.offset) : '';
}

/** An unknown `:::name` block keeps its content, with its opening and closing lines as text. */
function restoreContainer(node: ContainerDirective, source: string): Flow[] {
  const whole = sourceOf(node, source);
  const lines = whole.split('\n');
  const opening = lines[0] ?? `:::${node.name}`;
  const closing = lines.length > 1 && /^\s*:{3,}\s*$/.test(lines.at(-1) ?? '') ? lines.at(-1)?.trim() : undefined;
  const children = node.children.filter((c) => !(c.type === 'paragraph' && c.data?.directiveLabel));
  const text = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] });
  return [text(opening), ...children, ...(closing ? [text(closing)] : [])];
}
