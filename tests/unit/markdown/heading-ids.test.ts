import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';

describe('remarkHeadingIds: explicit {#id} on headings', () => {
  it('takes the id and removes the marker from the text, in either language', async () => {
    const { html } = await renderMarkdown('## 学习率查找 {#lr-finder}\n\n### Sub part {#sub-part}', {
      file: 'lessons/zh/lesson-1.md',
    });
    expect(html).toContain('<h2 id="lr-finder" data-section="">学习率查找<a');
    expect(html).toContain('<h3 id="sub-part" data-section="">Sub part<a');
    expect(html).not.toContain('{#');
  });

  it('wins over the id Astro would derive from the text', async () => {
    const { html } = await renderMarkdown('## Learning rate finder {#lr}');
    expect(html).toContain('<h2 id="lr" data-section="">');
    expect(html).not.toContain('id="learning-rate-finder"');
  });

  it('leaves a heading without a marker to Astro’s slug', async () => {
    const { html } = await renderMarkdown('## Weight decay');
    expect(html).toContain('<h2 data-section="" id="weight-decay">');
  });

  it('reads the escaped marker in MDX, where a bare {…} is a JavaScript expression', async () => {
    const { html } = await renderMarkdown('## 学习率 \\{#lr\\}', { format: 'mdx', file: 'lessons/zh/lesson-1.mdx' });
    expect(html).toContain('<h2 id="lr" data-section="">学习率<a');
    await expect(renderMarkdown('## 学习率 {#lr}', { format: 'mdx' })).rejects.toThrow(/expression/);
  });

  it('reads the MDX comment form {/* #id */}, and gives the same heading as {#id} in .md', async () => {
    const mdx = await renderMarkdown('## 学习率 {/* #lr */}\n\n### Sub part {/*#sub-part*/}', {
      format: 'mdx',
      file: 'lessons/zh/lesson-1.mdx',
    });
    const md = await renderMarkdown('## 学习率 {#lr}\n\n### Sub part {#sub-part}', { file: 'lessons/zh/lesson-1.md' });
    expect(mdx.html).toContain('<h2 id="lr" data-section="">学习率<a');
    expect(mdx.html).toContain('<h3 id="sub-part" data-section="">Sub part<a');
    expect(md.html).toContain('<h2 id="lr" data-section="">学习率<a');
    expect(mdx.html).not.toContain('/*');
  });

  it('leaves other MDX expressions at the end of a heading alone', async () => {
    const { html } = await renderMarkdown('## Rate {/* a note, not an id */}', { format: 'mdx' });
    expect(html).not.toContain('id="a');
  });
});
