import path from 'node:path';

/**
 * The site the e2e suite tests, as a GitHub Pages project site: built once per run by
 * global-setup.ts under this base path and origin, into this folder. Every test and child build that
 * means "the test site" takes these values from here.
 */
export const E2E_BASE = '/fastai-notes/';
export const E2E_SITE = 'https://example.github.io';
export const E2E_DIST = path.resolve('dist-e2e');

/** The repository the "Edit this page" links point to (REPO_URL turns them on). */
export const E2E_REPO = 'https://github.com/example/fastai-notes';

/** The environment of a build of the test site. */
export const e2eBuildEnv = { BASE_PATH: E2E_BASE, SITE_URL: E2E_SITE, REPO_URL: E2E_REPO } as const;

/**
 * The test site's search index is split in two parts a language (5 MB of pages a part), as a
 * thousand notes' is at the default size, so that search, the idle fetch and the offline reader are
 * tested across parts (src/integrations/search-parts.ts). Only the site every e2e file reads.
 */
export const E2E_SEARCH_PARTS = { SEARCH_PART_BYTES: String(5 * 1024 * 1024) } as const;

/**
 * The small notes site (tests/fixtures/notes-mini plus files that point outside it), built once per
 * run at the root of its own origin, without REPO_URL.
 */
export const MINI_DIST = path.resolve('dist-e2e-mini');
export const MINI_SITE = 'https://notes.example';

/**
 * A lesson pair in a git repository of its own whose original changed in two sections after it was
 * translated, built once per run under the test site's base path: what the translator's view shows.
 */
export const CHANGES_DIST = path.resolve('dist-e2e-changes');
