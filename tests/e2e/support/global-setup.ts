import type { TestProject } from 'vitest/node';
import { buildSite } from './build';
import { E2E_DIST, e2eBuildEnv } from './constants';

declare module 'vitest' {
  export interface ProvidedContext {
    /** When this run built the test site (ms since the epoch); `useBuiltSite` refuses to run without it. */
    e2eBuiltAt: number;
  }
}

/**
 * Builds the test site once per run, before any e2e test file starts, so no test can see a
 * `dist-e2e/` left by an earlier run or an older checkout.
 */
export default function setup(project: TestProject): void {
  const started = Date.now();
  buildSite(E2E_DIST, e2eBuildEnv);
  console.log(`e2e: built ${E2E_DIST} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  project.provide('e2eBuiltAt', started);
}
