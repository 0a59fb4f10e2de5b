import path from 'node:path';
import type { DistRule, Problem } from './rule';
import { brokenAnchor } from './rules/broken-anchor';
import { brokenFeedLink } from './rules/broken-feed-link';
import { brokenLink } from './rules/broken-link';
import { duplicateId } from './rules/duplicate-id';
import { externalLinkRel } from './rules/external-link-rel';
import { externalResource } from './rules/external-resource';
import { hreflangNotMutual } from './rules/hreflang-not-mutual';
import { katexError } from './rules/katex-error';
import { missingCanonical } from './rules/missing-canonical';
import { missingDescription } from './rules/missing-description';
import { missingLang } from './rules/missing-lang';
import { missingTitle } from './rules/missing-title';
import { notInSitemap } from './rules/not-in-sitemap';
import { skippedHeading } from './rules/skipped-heading';
import { stylesheets } from './rules/stylesheets';
import { readSite } from './site';

export type { Problem, Rule } from './rule';

/** Every rule `npm run check:dist` applies, one module each under rules/. */
export const rules: readonly DistRule[] = [
  brokenLink,
  brokenAnchor,
  externalResource,
  externalLinkRel,
  missingLang,
  missingTitle,
  missingDescription,
  missingCanonical,
  hreflangNotMutual,
  notInSitemap,
  duplicateId,
  skippedHeading,
  katexError,
  brokenFeedLink,
  stylesheets,
];

/**
 * Reads every HTML page of a built site once and lists what would break for a reader or a
 * crawler: links that lead nowhere under the base path, resources from other hosts, missing page
 * metadata, one-sided hreflang, pages missing from the sitemap, repeated ids, skipped heading
 * levels, formulas KaTeX could not render, outbound links without rel="noopener noreferrer",
 * feed links that lead nowhere, and stylesheets a page need not wait for.
 */
export function checkDist(dist: string, options: { base: string; site: string }): Problem[] {
  const site = readSite(dist, options);
  const problems: Problem[] = [];
  for (const { rule, check } of rules) {
    check(site, (file, message) => problems.push({ file: path.relative(dist, file), rule, message }));
  }
  return problems;
}
