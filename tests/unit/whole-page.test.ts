import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageStartScript } from '../../src/lib/page-start-script';
import { WHOLE_PAGE_ATTRIBUTE } from '../../src/lib/whole-page';

/** Runs the page-start script against a document stand-in and says whether it laid the page out whole. */
function laidOutWhole(hash: string, navigation: string | undefined): boolean {
  const attributes = new Map<string, string>();
  const root = { setAttribute: (name: string, value: string) => attributes.set(name, value) };
  const run = new Function('document', 'localStorage', 'window', 'performance', 'location', pageStartScript);
  run(
    { documentElement: root },
    { getItem: () => null },
    { matchMedia: () => ({ matches: false }) },
    { getEntriesByType: () => (navigation ? [{ type: navigation }] : []) },
    { hash },
  );
  expect(attributes.get('data-theme')).toBe('light');
  return attributes.has(WHOLE_PAGE_ATTRIBUTE);
}

describe('the page laid out whole before a jump', () => {
  it('is asked for where the browser is about to jump: a section in the address, a reload, a step back', () => {
    expect(laidOutWhole('', 'navigate')).toBe(false);
    expect(laidOutWhole('#gradient-descent', 'navigate')).toBe(true);
    expect(laidOutWhole('', 'reload')).toBe(true);
    expect(laidOutWhole('', 'back_forward')).toBe(true);
    expect(laidOutWhole('', undefined)).toBe(false);
  });

  it('is what the stylesheets that skip blocks name', () => {
    for (const file of ['src/styles/markdown.css', 'src/components/ParallelRows.astro']) {
      const css = fs.readFileSync(file, 'utf8');
      const skipping = css.match(/^.*content-visibility: auto/gm) ?? [];
      expect(skipping.length, file).toBeGreaterThan(0);
      expect(css, file).toContain(`:root:not([${WHOLE_PAGE_ATTRIBUTE}])`);
    }
  });
});
