/**
 * The site's line icons: 24-unit paths stroked in the current text colour. They are decorative,
 * since the text beside each says what it means, so they are hidden from assistive technology.
 * Used by `Icon.astro` and by the Markdown callouts, which build the same SVG as HTML nodes.
 */
export const lineIconAttributes = {
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': '2',
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
  'aria-hidden': 'true',
  focusable: 'false',
} as const;

/** Paths of the icons that are not callout types (those are in `callouts.ts`). */
export const iconPaths = {
  edit: 'M4 20h4L19 9l-4-4L4 16z M14 6l4 4',
} as const;
