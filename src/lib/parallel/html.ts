import { decodeHTML } from 'entities';
import { getAttr, tokenize, VOID_ELEMENTS, type HtmlToken } from '../html/tags';
import { linkSeconds } from '../video-time';
import type { OutlineSection } from './align';
import { HEADING, parsedSections } from './parsed-sections';

/**
 * A rendered note cut into the sections the aligner works on: what comes before the first h2/h3
 * (the intro), then each h2/h3 with everything up to the next one. Pure, over an HTML string.
 */
export interface HtmlSection {
  /** The heading's id in the page (empty for the intro). */
  anchor: string;
  depth: number;
  /** The heading's text as a reader sees it. */
  title: string;
  /** Seconds of the video timestamps in the section. */
  times: number[];
  /** The section's HTML, cut from the note's HTML as it was rendered. */
  html: string;
}

/**
 * Top-level h2/h3 split of a rendered note; an intro of only white space is left out. Each section
 * is the original text between two cuts: nothing is serialised again. The cuts are found by
 * scanning tags (Astro writes every end tag), which at a thousand side-by-side pages costs a tenth
 * of parsing each note into a tree; HTML whose tags do not balance is parsed instead.
 */
export function splitSections(html: string): HtmlSection[] {
  return scannedSections(html) ?? parsedSections(html);
}

/** Text of some HTML as a reader sees it: tags dropped, entities decoded, white space collapsed. */
function plainText(html: string): string {
  return decodeHTML(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Where the element opened by `tokens[open]` ends, for elements that do not nest (headings, links). */
function closeAfter(tokens: readonly HtmlToken[], open: number): number | undefined {
  const name = (tokens[open] as { name: string }).name;
  for (let j = open + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.type === 'close' && t.name === name) return t.start;
  }
  return undefined;
}

function scannedSections(html: string): HtmlSection[] | undefined {
  const tokens = tokenize(html);
  const cuts: { start: number; heading?: Extract<HtmlToken, { type: 'open' }>; title: string }[] = [
    { start: 0, title: '' },
  ];
  const times: number[][] = [[]];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'close' && --depth < 0) return undefined;
    if (token.type !== 'open') continue;
    if (depth === 0 && HEADING.test(token.name)) {
      const close = closeAfter(tokens, i);
      if (close === undefined) return undefined;
      const title = plainText(html.slice(token.end, close)).replace(/\s*#$/, '');
      cuts.push({ start: token.start, heading: token, title });
      times.push([]);
    }
    if (!token.selfClosing && !VOID_ELEMENTS.has(token.name)) depth++;
    if (token.name === 'a' && /^https?:/i.test(getAttr(token.attrs, 'href') ?? '')) {
      const end = closeAfter(tokens, i) ?? html.length;
      const seconds = linkSeconds(getAttr(token.attrs, 'data-seconds'), plainText(html.slice(token.end, end)));
      if (seconds !== undefined) times.at(-1)!.push(seconds);
    }
  }
  if (depth !== 0) return undefined;
  return cuts
    .map((cut, i) => ({
      anchor: cut.heading ? (getAttr(cut.heading.attrs, 'id') ?? '') : '',
      depth: cut.heading ? Number(HEADING.exec(cut.heading.name)![1]) : 1,
      title: cut.title,
      times: times[i]!,
      html: html.slice(cut.start, cuts[i + 1]?.start ?? html.length),
    }))
    .filter((section, i) => i > 0 || section.html.trim());
}

const pending = new Map<string, { sections: HtmlSection[]; uses: number }>();

/**
 * `splitSections` for the side-by-side pages, where each note is needed twice: on its own
 * language's page and on its translation's. The second use takes the first's result and frees it,
 * so at most one language's notes are held at a time.
 */
export function splitSectionsForPair(html: string): HtmlSection[] {
  const held = pending.get(html);
  if (held) {
    if (++held.uses >= 2) pending.delete(html);
    return held.sections;
  }
  const sections = splitSections(html);
  pending.set(html, { sections, uses: 1 });
  return sections;
}

/**
 * The aligner's view of rendered sections. `markdown` is the same note's outline from its source:
 * when the two agree section for section (they do unless the note has raw-HTML or setext headings),
 * the source's facts are used, so the page pairs exactly what `npm run status` pairs; otherwise
 * ids are trusted only where the author wrote them and times are read from the links.
 */
export function outlineOfSections(
  sections: readonly HtmlSection[],
  markdown: readonly OutlineSection[],
): OutlineSection[] {
  const agree = sections.length === markdown.length && sections.every((s, i) => s.depth === markdown[i]?.depth);
  if (agree) return [...markdown];
  const written = new Set(markdown.map((s) => s.id).filter(Boolean));
  return sections.map((s) => ({
    id: written.has(s.anchor) ? s.anchor : undefined,
    depth: s.depth,
    title: s.title,
    times: s.times,
  }));
}

/** A start tag, its attributes quoted as rendered HTML quotes them (a `>` may sit inside a value). */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*\s*\/?>/g;
/** Attributes holding ids: the element's own, and the references to others'. */
const ID_ATTRIBUTES = /(\s)(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"/g;

/**
 * HTML of sections, with every id (and every in-page reference to one) prefixed, so that the other
 * language's cell can share a page with this one although both use the same section ids.
 * @example sectionsHtml([section], 'en--') // '<h2 id="en--lr-finder">…'
 */
export function sectionsHtml(sections: readonly HtmlSection[], idPrefix = ''): string {
  const html = sections.map((s) => s.html).join('');
  if (!idPrefix) return html;
  // Text cannot hold a tag (its `<` is escaped), so every match is a real start tag.
  return html.replace(START_TAG, (tag) =>
    tag
      .replace(
        ID_ATTRIBUTES,
        (_, space: string, name: string, value: string) =>
          `${space}${name}="${value
            .split(/\s+/)
            .filter(Boolean)
            .map((id) => idPrefix + id)
            .join(' ')}"`,
      )
      .replace(/(\s)href="#([^"]+)"/g, (_, space: string, id: string) => `${space}href="#${idPrefix}${id}"`),
  );
}
