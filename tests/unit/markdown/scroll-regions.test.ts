import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';

describe('rehypeScrollRegions: wide formulas and tables can be scrolled by keyboard', () => {
  it('makes a display formula a focusable region named in the page language', async () => {
    const { html } = await renderMarkdown('$$\n\\sum_{i=1}^{n} x_i\n$$', { file: 'lessons/zh/lesson-1.md' });
    expect(html).toMatch(
      /<span class="katex-display" tabindex="0" role="region" aria-label="公式，可左右滚动" data-scroll-region="公式，可左右滚动">/,
    );
  });

  it('wraps a table in a focusable region, keeping the table itself a table', async () => {
    const { html } = await renderMarkdown('| a | b |\n| - | - |\n| 1 | 2 |', { file: 'lessons/en/lesson-1.md' });
    expect(html).toMatch(
      /<div class="table-scroll" tabindex="0" role="region" aria-label="Table, scrolls sideways" data-scroll-region="Table, scrolls sideways"><table>/,
    );
    expect(html.match(/table-scroll/g)).toHaveLength(1);
  });

  it('leaves inline math alone', async () => {
    const { html } = await renderMarkdown('Inline $x^2$ only.', { file: 'lessons/en/lesson-1.md' });
    expect(html).not.toContain('data-scroll-region');
  });
});
