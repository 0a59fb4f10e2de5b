import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * The rules whose outcome depends on colours: all a theme changes, since both themes share the
 * markup, the layout and the ARIA (tokens.css swaps colours only).
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

/** Which rules a scan runs: only those listed, or all but those listed under `except`. */
export type AxeRules = readonly string[] | { except: readonly string[] };

/**
 * Serious and critical axe findings (WCAG 2.x A/AA and best practices) on the page as it is now,
 * by default with every rule of those tags.
 */
export async function seriousViolations(page: Page, rules?: AxeRules): Promise<string[]> {
  // Let layout settle (scroll-regions.ts drops the focus stop of formulas that fit).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  // A page scanned before (then turned dark, say) still has axe.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const only = Array.isArray(rules) ? rules : undefined;
  const runOnly = only
    ? { type: 'rule', values: [...only] }
    : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] };
  const disabled = Object.fromEntries(
    (rules && 'except' in rules ? rules.except : []).map((rule) => [rule, { enabled: false }]),
  );
  const violations = await page.evaluate(
    async (options) => {
      const axe = (
        window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }
      ).axe;
      // Violations are all that is read: axe then skips describing every passing node (a fifth of its time).
      const result = await axe.run(document, { ...options, resultTypes: ['violations'] });
      return result.violations;
    },
    { runOnly, rules: disabled },
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}
