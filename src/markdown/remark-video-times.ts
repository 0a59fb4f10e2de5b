import type { Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { t } from '../i18n/ui';
import { defaultLocale, type Locale } from '../lib/locales';
import { videoTime, type VideoTime } from '../lib/video-time';
import { noteSource } from './source';

/**
 * Lecture timestamps (`[[5:27](https://youtu.be/ID?t=327)]`, the brackets optional) become a small
 * time chip: an ordinary link to the video at that time, nothing embedded.
 *
 * Inside a heading the chip carries the time only in attributes (drawn by CSS, named by
 * `aria-label`): Astro builds the table of contents, the heading's id and the page outline from a
 * heading's text, and a time there would show up as "Cross-entropy5:27" and in the id.
 */
export function remarkVideoTimes(options: { notesRoot: string }) {
  return (tree: Root, file: VFile) => {
    const locale = noteSource(file.path, options.notesRoot)?.locale ?? defaultLocale;
    visit(tree, (node) => {
      if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
      chipify(node, node.type === 'heading', locale);
    });
  };
}

function chipify(parent: Parent & { children: PhrasingContent[] }, heading: boolean, locale: Locale) {
  // A heading that is nothing but a time keeps the time as its visible text.
  const inHeading = heading && /[^\s[\]\\]/.test(textBesideTimes(parent.children));
  const out: PhrasingContent[] = [];
  const kids = parent.children;
  let found = false;
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i];
    if (!node) continue;
    const time = node.type === 'link' ? videoTime(toString(node), node.url) : undefined;
    if (!time) {
      out.push(node);
      continue;
    }
    // Take the author's brackets around the link into the chip, when both are there.
    const before = out.at(-1);
    const after = kids[i + 1];
    if (
      before?.type === 'text' &&
      /\[\s*$/.test(before.value) &&
      after?.type === 'text' &&
      /^\s*\]/.test(after.value)
    ) {
      before.value = before.value.replace(/\s*\[\s*$/, (_m, at: number) => (inHeading || at === 0 ? '' : ' '));
      after.value = after.value.replace(/^\s*\]/, '');
      if (!before.value) out.pop();
    }
    out.push(chip(node as Link, time, inHeading, locale));
    found = true;
  }
  if (!found) return;
  parent.children = out.filter((n) => n.type !== 'text' || n.value !== '');
  if (inHeading) trimEnd(parent.children);
}

/** The text of a heading or paragraph outside its timestamp links. */
function textBesideTimes(children: PhrasingContent[]): string {
  return children.map((n) => (n.type === 'link' && videoTime(toString(n), n.url) ? '' : toString(n))).join('');
}

/** Drops the space a removed mark leaves at the end of a heading. */
function trimEnd(children: PhrasingContent[]) {
  const last = children.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
}

function chip(link: Link, time: VideoTime, inHeading: boolean, locale: Locale): Link {
  const clock: Text = {
    type: 'text',
    value: time.clock,
    data: { hName: 'span', hProperties: { className: ['video-time__clock'] } },
  };
  return {
    type: 'link',
    url: link.url,
    children: inHeading ? [] : [clock],
    data: {
      hProperties: {
        className: ['video-time'],
        dataClock: time.clock,
        dataSeconds: time.seconds,
        ariaLabel: t(locale, 'video.at', { time: time.clock }),
        dataPagefindIgnore: '',
      },
    },
  };
}
