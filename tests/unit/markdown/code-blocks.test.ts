import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from './render';

afterEach(() => vi.restoreAllMocks());

describe('rehypeCodeBlocks: a figure with the language and a copy button', () => {
  it('wraps Shiki’s output and labels the button in the page language', async () => {
    const { html } = await renderMarkdown('```python\nx = 1\n```', { file: 'lessons/zh/lesson-1.md' });
    expect(html).toMatch(
      /<figure class="code-block"><figcaption class="code-block__bar" data-pagefind-ignore=""><span class="code-block__lang">Python<\/span><button type="button" class="code-block__copy" data-copied="已复制" data-failed="复制失败">复制代码<\/button><\/figcaption><pre class="astro-code/,
    );
  });

  it('colours Jupyter’s language names (python3, ipython) as Python', async () => {
    for (const name of ['python3', 'ipython']) {
      const { html } = await renderMarkdown(`\`\`\`${name}\nimport torch\n\`\`\``);
      expect(html).toContain('<span class="code-block__lang">Python</span>');
      expect(html).toContain('data-language="python"');
      expect(html).toMatch(/<span class="cl\d+ cd\d+">import<\/span>/);
    }
  });

  it('keeps both themes’ colours, a token’s as the palette’s classes and the block’s as CSS variables', async () => {
    const { html } = await renderMarkdown('```python\nx = 1\n```');
    expect(html).toMatch(/<pre class="astro-code[^"]*" style="--shiki-light:#[0-9a-f]+;--shiki-dark:#[0-9a-f]+;/);
    expect(html).toMatch(/<span class="cl\d+ cd\d+">x <\/span>/);
    expect(html).not.toMatch(/<span style="--shiki/);
    expect(html).toContain('>Copy code</button>');
  });

  it('colours every token however slowly the machine tokenizes', async () => {
    // Shiki's default gives up on a line after 500 ms; a clock that leaps a second per reading
    // makes every line "slow". The colours must come out as on an idle machine.
    const source = '```python\nfrom fastai.tabular import *     # fastai v1\nprocs = [FillMissing, Normalize]\n```';
    const idle = (await renderMarkdown(source)).html;
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    expect((await renderMarkdown(source)).html).toBe(idle);
  });

  it('names an unknown or missing language plainly', async () => {
    const { html } = await renderMarkdown('```\nplain\n```\n\n```sh\nls\n```');
    expect(html).toContain('<span class="code-block__lang">Text</span>');
    expect(html).toContain('<span class="code-block__lang">Shell</span>');
  });

  it('wraps code in MDX too', async () => {
    const { html } = await renderMarkdown('```ts\nconst a = 1;\n```', { format: 'mdx' });
    expect(html).toContain('<span class="code-block__lang">TypeScript</span>');
  });

  it('leaves display math to KaTeX', async () => {
    const { html } = await renderMarkdown('$$\nx^2\n$$\n\n```python\nx = 1\n```');
    expect(html).toContain('class="katex-display"');
    expect(html.match(/<figure class="code-block">/g)).toHaveLength(1);
    expect(html).not.toMatch(/code-block[^]*katex-display/);
  });
});

describe('the code highlighter', () => {
  it('is one per thread, whichever copy of its module asks (the config’s and the content loaders’)', async () => {
    const one = await import('../../../src/markdown/rehype-code-highlight');
    // A second instance of the module, as a build has one loaded by Node and one by Vite.
    const other = (await import(
      /* @vite-ignore */ `${new URL('../../../src/markdown/rehype-code-highlight.ts', import.meta.url).href}?copy`
    )) as typeof one;
    expect(other.codeHighlighter).not.toBe(one.codeHighlighter);
    expect(await other.codeHighlighter()).toBe(await one.codeHighlighter());
  });
});
