import { describe, expect, it } from 'vitest';
import { alignSections, type OutlineSection } from '../../src/lib/parallel/align';
import { cutSections, sectionsHtml } from '../../src/lib/parallel/html';
import { storedOutline } from '../../src/lib/parallel/outline';
import { sourceOutline } from '../../src/markdown/outline';
import { renderMarkdown, type RenderOptions } from './markdown/render';

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

/** A note rendered by the site's pipeline: its HTML, the outline stored with it, and its sections cut from the HTML. */
async function rendered(source: string, options: RenderOptions = {}) {
  const { html, frontmatter } = await renderMarkdown(source, options);
  const outline = storedOutline(frontmatter, 'test note');
  return { html, outline, sections: cutSections(html, outline, 'test note') };
}

const fromSource = (source: string, frontmatter: Record<string, unknown> = {}) =>
  sourceOutline(source, { file: 'lessons/en/lesson-1.md', frontmatter, notesRoot: 'tests/fixtures/notes-mini' });

describe('the section outline stored with a render', () => {
  it('has the intro, each top-level h2/h3 with the id its author wrote, and the times of each section', async () => {
    const { outline, sections } = await rendered(en);
    expect(outline).toEqual([
      { depth: 1, title: '', times: [] },
      { id: 'lr-finder', depth: 2, title: 'Finding a rate', times: [327] },
      { id: 'one-cycle', depth: 3, title: 'One cycle', times: [] },
      { id: undefined, depth: 2, title: 'Video only', times: [3723] },
    ]);
    expect(sections).toHaveLength(4);
    // `npm run status` reads the same outline from the file.
    expect(fromSource(en)).toEqual(outline);
  });

  it('reads the same times from the render and the source for every timestamp form in a heading', async () => {
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
    const video = { video: 'https://youtu.be/Egp4Zajhzog' };
    const { outline } = await rendered(source, { frontmatter: video });
    expect(outline.map((s) => [s.id, s.title, s.times])).toEqual([
      [undefined, '', []],
      ['forum', 'Forum tips and tricks', [17]],
      ['fine-tuning', 'Fine-tuning', [723, 11045]],
    ]);
    expect(fromSource(source, video)).toEqual(outline);
  });

  it('leaves out headings in a quote, in a list or inside an element raw HTML opened', async () => {
    const source = `${en}\n\n## A &amp; B with \`<code>\` and $x$\n\n> ### Quoted, not a section\n\n<details><summary>S</summary>\n\n## Inside details\n\n</details>\n\n- ### In a list\n`;
    const { outline, sections } = await rendered(source);
    expect(outline.map((s) => s.title)).toEqual([
      '',
      'Finding a rate',
      'One cycle',
      'Video only',
      'A & B with <code> and x',
    ]);
    expect(sections.at(-1)).toMatch(/<details>[\s\S]*Inside details[\s\S]*<\/details>/);
  });

  it('has no intro when nothing a reader sees comes before the first heading', async () => {
    expect((await rendered('<!-- a comment -->\n\n## A {#a}\ntext')).outline.map((s) => s.depth)).toEqual([2]);
  });
});

describe('cutting a rendered note into its sections', () => {
  it('keeps code, math and the footnotes in their sections, and prefixes ids for the other cell', async () => {
    const { html, sections } = await rendered(en);
    const first = sectionsHtml(sections.slice(1, 2));
    expect(first).toContain('lr_find');
    expect(first).toContain('id="lr-finder"');
    expect(sections.join('')).toBe(html);
    const other = sectionsHtml(sections, 'zh--');
    expect(other).toContain('id="zh--lr-finder"');
    expect(other).toContain('href="#zh--one-cycle"');
    expect(other).not.toMatch(/\sid="(?!zh--)/);
    expect(other).not.toMatch(/href="#(?!zh--)/);
    expect(sectionsHtml(sections.slice(0, 1))).toContain('class="katex"');
    expect(sections.at(-1)).toContain('A footnote.');
    expect(sectionsHtml(sections)).toMatch(
      /<span class="katex-display" tabindex="0"[^>]* role="region" aria-label="[^"]+"/,
    );
  });

  it('cuts the HTML as written at the marked headings only, and prefixes ids in tags only', () => {
    const html =
      '<p>Intro with <code>id="kept"</code> and <code>&lt;h2 data-section&gt;</code> in text.</p>\n<h2 id="a" data-section="">A</h2>\n<p><a title="x > y" href="#b" aria-describedby="n m">to B</a></p>\n<h3 data-section="" id="b">B</h3><section><h2 id="notes">Notes</h2></section>';
    const outline: OutlineSection[] = [
      { depth: 1, title: '', times: [] },
      { id: 'a', depth: 2, title: 'A', times: [] },
      { id: 'b', depth: 3, title: 'B', times: [] },
    ];
    const sections = cutSections(html, outline, 'x');
    expect(sections.join('')).toBe(html);
    expect(sections[2]).toMatch(/^<h3 data-section="" id="b">B<\/h3><section>/);
    const other = sectionsHtml(sections, 'zh--');
    expect(other).toContain('<code>id="kept"</code>');
    expect(other).toContain('<a title="x > y" href="#zh--b" aria-describedby="zh--n zh--m">');
    expect(other).toContain('<h3 data-section="" id="zh--b">');
    expect(() => cutSections(html, outline.slice(0, 2), 'the en page')).toThrow(
      'the en page: 2 section headings are marked in the HTML, the outline has 1',
    );
  });

  it('aligns two rendered languages by their ids', async () => {
    const zhSource = en.replace('Finding a rate', '寻找学习率').replace('One cycle', '单周期');
    const [a, b] = await Promise.all([rendered(zhSource, { file: 'lessons/zh/lesson-1.md' }), rendered(en)]);
    expect(alignSections(a.outline, b.outline).map((r) => r.by)).toEqual(['intro', 'id', 'id', 'time']);
  });
});
