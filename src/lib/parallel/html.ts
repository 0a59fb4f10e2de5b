import type { OutlineSection } from './align';
import { SECTION_MARK } from './outline';

/**
 * A rendered note cut into its sections for the side-by-side page, at the headings the pipeline
 * marked (`remarkSections`): the same sections, in the same order, as its stored outline. Pure,
 * over an HTML string; nothing is parsed or serialised again.
 */

/** A start tag, its attributes quoted as rendered HTML quotes them (a `>` may sit inside a value). */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*\s*\/?>/g;
/** A section's heading: an h2 or h3 start tag carrying the mark. */
const MARKED_HEADING = new RegExp(`^<h[23]\\s(?:[^>]*\\s)?${SECTION_MARK}(?:=""|[\\s>])`);
/** Attributes holding ids: the element's own, and the references to others'. */
const ID_ATTRIBUTES = /(\s)(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"/g;

/**
 * Each section's HTML, in outline order: the intro (when the outline has one) is what comes before
 * the first marked heading, and each section runs from its heading to the next one.
 * @example cutSections('<p>a</p><h2 data-section="">B</h2><p>b</p>', outline) // ['<p>a</p>', '<h2 data-section="">B</h2><p>b</p>']
 */
export function cutSections(html: string, outline: readonly OutlineSection[], where: string): string[] {
  const cuts: number[] = [];
  for (const m of html.matchAll(START_TAG)) if (MARKED_HEADING.test(m[0])) cuts.push(m.index);
  const headings = outline.filter((s) => s.depth > 1).length;
  if (cuts.length !== headings)
    throw new Error(`${where}: ${cuts.length} section headings are marked in the HTML, the outline has ${headings}`);
  const pieces = cuts.map((start, i) => html.slice(start, cuts[i + 1] ?? html.length));
  return outline[0]?.depth === 1 ? [html.slice(0, cuts[0] ?? html.length), ...pieces] : pieces;
}

/**
 * HTML of sections, with every id (and every in-page reference to one) prefixed, so that the other
 * language's cell can share a page with this one although both use the same section ids.
 * @example sectionsHtml(['<h2 id="lr-finder">…'], 'en--') // '<h2 id="en--lr-finder">…'
 */
export function sectionsHtml(sections: readonly string[], idPrefix = ''): string {
  const html = sections.join('');
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
