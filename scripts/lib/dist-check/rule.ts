import type { BuiltSite } from './site';

export type Rule =
  | 'broken-link'
  | 'broken-anchor'
  | 'external-resource'
  | 'external-link-rel'
  | 'missing-lang'
  | 'missing-title'
  | 'missing-description'
  | 'missing-canonical'
  | 'hreflang-not-mutual'
  | 'not-in-sitemap'
  | 'duplicate-id'
  | 'skipped-heading'
  | 'katex-error'
  | 'broken-feed-link'
  | 'stylesheets';

export interface Problem {
  /** Relative to the built site's folder. */
  file: string;
  rule: Rule;
  message: string;
}

/** Records a problem in a file (absolute path) of the built site. */
export type Report = (file: string, message: string) => void;

/** One thing that would break for a reader or a crawler, looked for across the whole built site. */
export interface DistRule {
  rule: Rule;
  check(site: BuiltSite, report: Report): void;
}
