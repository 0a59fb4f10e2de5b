import { describe, expect, it } from 'vitest';
import { alignSections } from '../../src/lib/parallel/align';
import { outlineOfSections, sectionsHtml, splitSections } from '../../src/lib/parallel/html';
import { outlineFromMarkdown } from '../../src/lib/parallel/outline';
import { parsedSections } from '../../src/lib/parallel/parsed-sections';
import { renderMarkdown } from './markdown/render';

const en = [
  'Intro with $x^2$.',
  '',
  '## Finding a rate {#lr-finder}',
  '',
  'See [below](#one-cycle) and \\[[5:27](https://youtu.be/ID?t=327)\\].',
  '',
  '```python',
  '## a comment, not a heading',
  'learn.lr_find()',
  '```',
  '',
  '### One cycle {#one-cycle}',
  '',
  'Text.[^1]',
  '',
  '$$',
  '\\eta_t = \\eta_{\\max} \\cos t',
  '$$',
  '',
  '## Video only [[1:02:03](https://youtu.be/ID?t=3723)]',
  '',
  '[^1]: A footnote.',
].join('\n');

describe('side-by-side sections from the rendered page', () => {
  it('cuts the page at its h2/h3 headings and sees what the Markdown outline sees', async () => {
    const { html } = await renderMarkdown(en);
    const sections = splitSections(html);
    expect(sections.map((s) => [s.depth, s.anchor])).toEqual([
      [1, ''],
      [2, 'lr-finder'],
      [3, 'one-cycle'],
      [2, expect.stringMatching(/^video-only/)],
    ]);
    expect(sections[1]!.title).toBe('Finding a rate');
    const markdown = outlineFromMarkdown(en);
    expect(outlineOfSections(sections, markdown)).toEqual(markdown);
    // Read from the HTML alone (as for a page whose outline the source does not show), the facts agree.
    expect(outlineOfSections(sections, []).map((s) => [s.depth, s.times])).toEqual(
      markdown.map((s) => [s.depth, s.times]),
    );
    expect(outlineOfSections(sections, [{ id: 'lr-finder', depth: 2, title: '', times: [] }])[1]!.id).toBe('lr-finder');
  });

  it('reads the same times from the page and the source for every timestamp form in a heading', async () => {
    const source = [
      'Intro.',
      '',
      '## Forum tips and tricks [[0:17]](https://youtu.be/Egp4Zajhzog?t=17) {#forum}',
      '',
      'Text.',
      '',
      '## Fine-tuning (12:03) {#fine-tuning}',
      '',
      'More text [3:04:05](https://youtu.be/Egp4Zajhzog?t=11045).',
    ].join('\n');
    const { html } = await renderMarkdown(source, { frontmatter: { video: 'https://youtu.be/Egp4Zajhzog' } });
    const markdown = outlineFromMarkdown(source);
    expect(markdown.map((s) => [s.id, s.title, s.times])).toEqual([
      [undefined, '', []],
      ['forum', 'Forum tips and tricks', [17]],
      ['fine-tuning', 'Fine-tuning', [723, 11045]],
    ]);
    const sections = splitSections(html);
    expect(sections.map((s) => s.title)).toEqual(['', 'Forum tips and tricks', 'Fine-tuning']);
    expect(outlineOfSections(sections, []).map((s) => s.times)).toEqual(markdown.map((s) => s.times));
  });

  it('keeps code, math and the footnotes in their sections, and prefixes ids for the other cell', async () => {
    const { html } = await renderMarkdown(en);
    const sections = splitSections(html);
    const first = sectionsHtml(sections.slice(1, 2));
    expect(first).toContain('lr_find');
    expect(first).toContain('id="lr-finder"');
    const other = sectionsHtml(sections, 'zh--');
    expect(other).toContain('id="zh--lr-finder"');
    expect(other).toContain('href="#zh--one-cycle"');
    expect(other).not.toMatch(/\sid="(?!zh--)/);
    expect(other).not.toMatch(/href="#(?!zh--)/);
    expect(sectionsHtml(sections.slice(0, 1))).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(sectionsHtml(sections)).toMatch(
      /<span class="katex-display" tabindex="0"[^>]* role="region" aria-label="[^"]+"/,
    );
  });

  it('cuts the rendered HTML as written, and prefixes ids in tags only', () => {
    const html =
      '<p>Intro with <code>id="kept"</code> in text.</p>\n<h2 id="a">A</h2>\n<p><a title="x > y" href="#b" aria-describedby="n m">to B</a></p>\n<h3 id="b">B</h3><p>end</p>';
    const sections = splitSections(html);
    expect(sections.map((s) => s.html).join('')).toBe(html);
    const other = sectionsHtml(sections, 'zh--');
    expect(other).toContain('<code>id="kept"</code>');
    expect(other).toContain('<a title="x > y" href="#zh--b" aria-describedby="zh--n zh--m">');
    expect(other).toContain('<h3 id="zh--b">');
  });

  it('aligns two rendered languages by their ids', async () => {
    const zhSource = en.replace('Finding a rate', '寻找学习率').replace('One cycle', '单周期');
    const [a, b] = await Promise.all([
      renderMarkdown(zhSource, { file: 'lessons/zh/lesson-1.md' }),
      renderMarkdown(en),
    ]);
    const rows = alignSections(
      outlineOfSections(splitSections(a.html), outlineFromMarkdown(zhSource)),
      outlineOfSections(splitSections(b.html), outlineFromMarkdown(en)),
    );
    expect(rows.map((r) => r.by)).toEqual(['intro', 'id', 'id', 'time']);
  });

  it('finds by counting tags what a parse finds, and parses HTML whose tags do not balance', async () => {
    const lesson = await renderMarkdown(
      `${en}\n\n## A &amp; B with \`<code>\` and $x$\n\n> ### Quoted, not a section\n\n<details><summary>S</summary>\n\n## Inside details\n\n</details>\n`,
    );
    const scanned = splitSections(lesson.html);
    expect(scanned).toEqual(parsedSections(lesson.html));
    expect(scanned.map((s) => s.title)).toEqual([
      '',
      'Finding a rate',
      'One cycle',
      'Video only',
      expect.stringMatching(/^A & B with <code> and x/),
    ]);
    expect(scanned.map((s) => s.times)).toEqual([[], [327], [], [3723], []]);

    const unbalanced = '<p>Intro<h2 id="a">A</h2><p>text';
    expect(splitSections(unbalanced)).toEqual(parsedSections(unbalanced));
    expect(splitSections(unbalanced).map((s) => s.anchor)).toEqual(['', 'a']);
  });
});
