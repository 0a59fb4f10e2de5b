import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { woff2Only } from '../../src/integrations/katex-fonts';

const katexCss = fs.readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');
const fontFaces = (css: string) => css.match(/@font-face\{[^}]*\}/g) ?? [];

describe("KaTeX's stylesheet with WOFF2 fonts only", () => {
  it('keeps every @font-face rule of the package, each with its WOFF2 file as the one source', () => {
    const before = fontFaces(katexCss);
    const after = fontFaces(woff2Only(katexCss));
    expect(before.length).toBeGreaterThan(15);
    expect(after).toHaveLength(before.length);
    for (const [i, rule] of after.entries()) {
      const sources = [...rule.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]);
      expect(sources).toHaveLength(1);
      expect(sources[0]).toMatch(/\.woff2$/);
      expect(before[i]).toContain(`url(${sources[0]})`);
    }
  });

  it('changes nothing but the font sources', () => {
    const strip = (css: string) => css.replace(/@font-face\{[^}]*\}/g, '');
    expect(strip(woff2Only(katexCss))).toBe(strip(katexCss));
    expect(woff2Only('src:url(a.woff2) format("woff2"),url(a.woff) format("woff"),url(a.ttf) format("truetype")')).toBe(
      'src:url(a.woff2) format("woff2")',
    );
  });
});
