import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeKatex from 'rehype-katex';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rehypeCodeBlocks } from '../../src/markdown/rehype-code-blocks';
import { rehypeHeadingAnchors } from '../../src/markdown/rehype-heading-anchors';
import { rehypeMathReport } from '../../src/markdown/math';
import { remarkHeadingIds } from '../../src/markdown/remark-heading-ids';
import { remarkNoteLinks } from '../../src/markdown/remark-note-links';

const notesRoot = path.resolve('tests/fixtures/notes-mini');

async function toHtml(markdown: string, file: string, opts: { base?: string; strictMath?: boolean } = {}) {
  const vfile = new VFile({ value: markdown, path: path.join(notesRoot, file) });
  const out = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkHeadingIds)
    .use(remarkNoteLinks, { notesRoot, base: opts.base ?? '/fastai-notes/' })
    .use(remarkRehype)
    .use(rehypeKatex, { strict: 'ignore' })
    .use(rehypeMathReport, { strict: opts.strictMath ?? false })
    .use(rehypeCodeBlocks, { notesRoot })
    .use(rehypeHeadingAnchors, { notesRoot })
    .use(rehypeStringify)
    .process(vfile);
  return { html: String(out), messages: out.messages };
}

afterEach(() => vi.restoreAllMocks());

describe('heading ids', () => {
  it('takes an explicit {#id} and removes it from the text, in either language', async () => {
    const { html } = await toHtml('## 学习率查找 {#lr-finder}\n\n### Sub part {#sub-part}', 'lessons/zh/lesson-1.md');
    expect(html).toContain('<h2 id="lr-finder">学习率查找<a');
    expect(html).toContain('<h3 id="sub-part">Sub part<a');
    expect(html).not.toContain('{#');
  });

  it('labels the section link in the page language', async () => {
    const zh = await toHtml('## 小节 {#s}', 'lessons/zh/lesson-1.md');
    const en = await toHtml('## Part {#s}', 'lessons/en/lesson-1.md');
    expect(zh.html).toContain('aria-label="链接到本节: 小节"');
    expect(en.html).toContain('aria-label="Link to this section: Part"');
  });
});

describe('links inside notes', () => {
  it('turns a relative link to another note into its page under the base, keeping the anchor', async () => {
    const { html } = await toHtml('[two](./lesson-2.md#later) [log](../../log/en/2023-05-11.md)', 'lessons/en/lesson-1.md');
    expect(html).toContain('href="/fastai-notes/en/lessons/lesson-2/#later"');
    expect(html).toContain('href="/fastai-notes/en/log/2023-05-11/"');
  });

  it('prefixes site-absolute links and images with the base, at a sub-path and at the root', async () => {
    const sub = await toHtml('[log](/en/log/) ![x](/img/a.png)', 'lessons/en/lesson-1.md');
    expect(sub.html).toContain('href="/fastai-notes/en/log/"');
    expect(sub.html).toContain('src="/fastai-notes/img/a.png"');
    const root = await toHtml('[log](/en/log/)', 'lessons/en/lesson-1.md', { base: '/' });
    expect(root.html).toContain('href="/en/log/"');
  });

  it('leaves external links alone', async () => {
    const { html } = await toHtml('[v](https://youtu.be/x?t=3)', 'lessons/en/lesson-1.md');
    expect(html).toContain('href="https://youtu.be/x?t=3"');
  });

  it('reports a link to a missing note with the file and line, and keeps the text', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { html } = await toHtml('text\n\n[gone](./lesson-99.md)', 'lessons/en/lesson-1.md');
    expect(html).toContain('gone');
    expect(warn.mock.calls.join('\n')).toMatch(/lessons\/en\/lesson-1\.md:3: link to "\.\/lesson-99\.md"/);
  });

  it('replaces a missing image with a visible placeholder in the page language and warns', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { html, messages } = await toHtml('![猫](./nope.png)', 'lessons/zh/lesson-1.md');
    expect(html).toContain('class="missing-image"');
    expect(html).toContain('找不到图片：./nope.png');
    expect(html).not.toContain('<img');
    expect(messages.some((m) => m.ruleId === 'missing-image')).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('lessons/zh/lesson-1.md:1: image "./nope.png" does not exist'));
  });

  it('keeps an existing relative image for the image pipeline', async () => {
    const { html } = await toHtml('![dot](../figures/dot.svg)', 'lessons/en/lesson-1.md');
    expect(html).toContain('src="../figures/dot.svg"');
  });
});

describe('code blocks', () => {
  it('wraps code in a figure with a language label and a localized copy button', async () => {
    const { html } = await toHtml('```python\nx = 1\n```', 'lessons/zh/lesson-1.md');
    expect(html).toMatch(/<figure class="code-block">.*<button type="button" class="code-block__copy"[^>]*>复制代码<\/button>/s);
  });
});

describe('math', () => {
  it('typesets inline and display math', async () => {
    const { html } = await toHtml('$a^2$\n\n$$\n\\frac{1}{2}\n$$', 'lessons/en/lesson-1.md');
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain('katex-error');
  });

  it('shows a broken formula as its source and names the file, line and expression', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { html } = await toHtml('ok\n\n$\\frac{1}{$', 'lessons/en/lesson-1.md');
    expect(html).toContain('katex-error');
    expect(html).toContain('\\frac{1}{');
    expect(warn.mock.calls.join('\n')).toMatch(/\[math\] .*lesson-1\.md:3: KaTeX cannot render "\\\\frac\{1\}\{"/);
  });

  it('fails on a broken formula under STRICT_MATH', async () => {
    await expect(toHtml('$\\frac{1}{$', 'lessons/en/lesson-1.md', { strictMath: true })).rejects.toThrow(/STRICT_MATH/);
  });
});

describe('task lists', () => {
  it('names each checkbox by its item text', async () => {
    const { rehypeTaskLabels } = await import('../../src/markdown/rehype-task-labels');
    const out = await unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeTaskLabels).use(rehypeStringify).process('- [x] 配好环境\n- [ ] read the *paper*');
    expect(String(out)).toContain('<input type="checkbox" checked disabled aria-label="配好环境">');
    expect(String(out)).toContain('aria-label="read the paper"');
  });
});
