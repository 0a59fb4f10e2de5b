import type { Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { t } from '../i18n/ui';
import { defaultLocale, type Locale } from '../lib/locales';
import { forEachNode } from '../lib/markdown/nodes';
import { trailingClock, videoAt, videoTime, type VideoTime } from '../lib/video-time';
import { noteSource } from './source';

/**
 * Lecture timestamps (`[[5:27](https://youtu.be/ID?t=327)]`, the brackets optional or inside the
 * link, `[[5:27]](…)`) become a small time chip: an ordinary link to the video at that time, nothing
 * embedded. A heading that ends in `(5:27)` gets the chip too, into the note's own `video`.
 *
 * Inside a heading the chip carries the time only in attributes (drawn by CSS, named by
 * `aria-label`): Astro builds the table of contents, the heading's id and the page outline from a
 * heading's text, and a time there would show up as "Cross-entropy5:27" and in the id.
 */
export function remarkVideoTimes(options: { notesRoot: string }) {
  return (tree: Root, file: VFile) => {
    const locale = noteSource(file.path, options.notesRoot)?.locale ?? defaultLocale;
    const video = (file.data['astro'] as { frontmatter?: { video?: unknown } } | undefined)?.frontmatter?.video;
    forEachNode(tree, (node) => {
      if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
      const found = chipify(node, node.type === 'heading', locale);
      if (!found && node.type === 'heading' && typeof video === 'string') chipTrailingClock(node, video, locale);
    });
  };
}

/** Turns the timestamp links among `parent`'s children into chips; says whether there were any. */
function chipify(parent: Parent & { children: PhrasingContent[] }, heading: boolean, locale: Locale): boolean {
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
  if (!found) return false;
  parent.children = out.filter((n) => n.type !== 'text' || n.value !== '');
  if (inHeading) trimEnd(parent.children);
  return true;
}

/** `## Forum tips (0:17)`: the clock leaves the heading's text and becomes a chip into `video`. */
function chipTrailingClock(heading: Parent & { children: PhrasingContent[] }, video: string, locale: Locale) {
  // The text may come in several nodes (a `:17` is split off by the directive parser): the run of
  // text nodes that ends the heading, read as one.
  let first = heading.children.length;
  while (first > 0 && heading.children[first - 1]?.type === 'text') first--;
  const run = heading.children.slice(first) as Text[];
  const text = run.map((n) => n.value).join('');
  const mark = trailingClock(text);
  if (!mark || !/^https?:\/\//i.test(video)) return;
  let href: string;
  try {
    href = videoAt(video, mark.seconds);
  } catch {
    return; // not a URL the site can add a time to
  }
  const kept: Text = { ...run[0]!, value: text.slice(0, mark.index).replace(/\s+$/, '') };
  const time = { clock: mark.clock, seconds: mark.seconds, href };
  heading.children.splice(first, run.length, kept, chip({ type: 'link', url: href, children: [] }, time, true, locale));
}

/** The text of a heading or paragraph outside its timestamp links. */
function textBesideTimes(children: PhrasingContent[]): string {
  return children.map((n) => (n.type === 'link' && videoTime(toString(n), n.url) ? '' : toString(n))).join('');
}

/** Drops the space a removed mark leaves at the end of a heading's text, before its chips. */
function trimEnd(children: PhrasingContent[]) {
  let i = children.length - 1;
  while (i >= 0 && isChip(children[i])) i--;
  const last = children[i];
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
}

function isChip(node: PhrasingContent | undefined): boolean {
  const className = (node?.data as { hProperties?: { className?: unknown } } | undefined)?.hProperties?.className;
  return node?.type === 'link' && Array.isArray(className) && className.includes('video-time');
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
