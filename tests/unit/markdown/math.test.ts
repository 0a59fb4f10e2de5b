import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from './render';

afterEach(() => vi.restoreAllMocks());

describe('math: remark-math, rehype-math (KaTeX), the hasMath flag and the error report', () => {
  it('typesets inline and display math at build time', async () => {
    const { html } = await renderMarkdown('$a^2$\n\n$$\n\\frac{1}{2}\n$$');
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain('katex-error');
  });

  it('typesets with the KaTeX whose stylesheet the pages load: every layout class it writes is styled there', async () => {
    const { html } = await renderMarkdown(
      '$p_k = \\sigma(z_k)$\n\n$$\n\\frac{1}{1+e^{-z}} \\sum_{i=1}^n \\sqrt{x^2}\n$$',
    );
    const stylesheet = fs.readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');
    const written = new Set([...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => (m[1] ?? '').split(/\s+/)));
    // The atom types (ordinary, relation, …) mark spacing KaTeX has already applied: no rule needs them.
    const atoms = /^m(?:ord|op|bin|rel|open|close|punct|inner|tight)$/;
    const unstyled = [...written].filter((c) => !atoms.test(c) && !new RegExp(`\\.${c}(?![\\w-])`).test(stylesheet));
    expect(written.size).toBeGreaterThan(20);
    expect(unstyled).toEqual([]);
  });

  it('keeps a formula in a heading as elements, so the heading’s text still has it', async () => {
    const { headings, html } = await renderMarkdown('## Loss $L^2$ of a batch\n\ntext $x$\n');
    expect(headings[0]?.text).toContain('L^2');
    expect(html.match(/class="katex"/g)).toHaveLength(2);
  });

  it('typesets Chinese text inside a formula without a warning', async () => {
    const warn = vi.spyOn(console, 'warn');
    const { html } = await renderMarkdown('$\\text{损失} = 1$', { file: 'lessons/zh/lesson-1.md' });
    expect(html).toContain('损失');
    expect(html).not.toContain('katex-error');
    expect(warn).not.toHaveBeenCalled();
  });

  it('flags a note with math so only its page loads KaTeX, and one without', async () => {
    expect((await renderMarkdown('text $x$')).frontmatter['hasMath']).toBe(true);
    expect((await renderMarkdown('text without a formula')).frontmatter['hasMath']).toBe(false);
    expect((await renderMarkdown('$$\nx\n$$', { format: 'mdx' })).frontmatter['hasMath']).toBe(true);
  });

  it('keeps the note’s own front matter beside the flag', async () => {
    const { frontmatter } = await renderMarkdown('$x$', { frontmatter: { title: 'One' } });
    expect(frontmatter).toEqual({ title: 'One', hasMath: true, sections: expect.any(Array) });
  });

  it('shows a broken formula as its source and names the file, line and expression', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { html } = await renderMarkdown('ok\n\n$\\frac{1}{$');
    expect(html).toContain('katex-error');
    expect(html).toContain('\\frac{1}{');
    expect(warn.mock.calls.join('\n')).toMatch(/\[math\] .*lesson-1\.md:3: KaTeX cannot render "\\\\frac\{1\}\{"/);
  });

  it('fails on a broken formula under STRICT_MATH', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(renderMarkdown('$\\frac{1}{$', { strictMath: true })).rejects.toThrow(/STRICT_MATH/);
  });
});
