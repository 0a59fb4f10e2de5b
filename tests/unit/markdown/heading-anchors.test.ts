import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';

describe('rehypeHeadingAnchors: a link to each section', () => {
  it('labels the link in the page language and hides the visible # from screen readers', async () => {
    const zh = await renderMarkdown('## 小节 {#s}', { file: 'lessons/zh/lesson-1.md' });
    const en = await renderMarkdown('## Part {#s}', { file: 'lessons/en/lesson-1.md' });
    expect(zh.html).toContain(
      '<a class="heading-anchor" data-pagefind-ignore="" href="#s" aria-label="链接到本节: 小节"><span aria-hidden="true">#</span></a>',
    );
    expect(en.html).toContain('aria-label="Link to this section: Part"');
  });

  it('anchors h2 and h3 only', async () => {
    const { html } = await renderMarkdown('## Two {#two}\n\n### Three {#three}\n\n#### Four {#four}');
    expect(html).toContain('href="#two"');
    expect(html).toContain('href="#three"');
    expect(html).not.toContain('href="#four"');
  });

  it('works the same in MDX', async () => {
    const { html } = await renderMarkdown('## Part \\{#s\\}', { format: 'mdx' });
    expect(html).toContain('href="#s" aria-label="Link to this section: Part"');
  });

  it('names a heading with math by its TeX, not by what KaTeX draws', async () => {
    const { html } = await renderMarkdown('## Loss $L(w)$ {#loss}');
    expect(html).toContain('aria-label="Link to this section: Loss L(w)"');
    expect(html).toContain('class="katex"');
  });
});
