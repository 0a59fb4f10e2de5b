/**
 * Moves every heading in a rendered HTML fragment down by `by` levels (capped at h6), so a log
 * entry written with `##` sections sits under the timeline's h3 entry title without skipping a
 * level, while its own page keeps them as h2 under the h1.
 * @example shiftHeadings('<h2 id="a">A</h2>', 2) // '<h4 id="a">A</h4>'
 */
export function shiftHeadings(html: string, by: number): string {
  return html.replace(
    /<(\/?)h([1-6])(?=[\s>])/gi,
    (_m, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + by)}`,
  );
}
