import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { normaliseInlineMath } from '../../../src/import/math';
import { rehypeMath } from '../../../src/markdown/rehype-math';
import { fixLinks, headingSpace, highlight, normaliseSource, timestamps } from '../../../src/import/normalize';

const norm = (md: string) => normaliseSource(md, 1).text;

/** Renders math as the site does (remark-math + the site's KaTeX step), to prove the rewritten text builds. */
async function html(md: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeMath, { strict: false, katex: { strict: 'ignore' } })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(md);
  return String(file);
}

describe('headings without a space', () => {
  it('adds the space at the start of a line', () => {
    expect(norm('#Title\n\n###小节')).toBe('# Title\n\n### 小节');
  });

  it('leaves #hashtags in a sentence, shebangs and code alone', () => {
    const md = 'See #fastai on the forum.\n\n#! not a heading\n\n```python\n#export\nx = 1\n```\n\n    #indented code';
    expect(norm(md)).toBe(md);
    expect(headingSpace('text #tag')).toBe('text #tag');
  });
});

describe('video timestamps', () => {
  it('escapes the outer brackets so the link stays a link', async () => {
    const out = timestamps('[[2:45](https://youtu.be/x?t=165)] text');
    expect(out).toBe('\\[[2:45](https://youtu.be/x?t=165)\\] text');
    expect(await html(`${out} [ref]\n\n[ref]: https://example.com`)).toContain(
      '[<a href="https://youtu.be/x?t=165">2:45</a>]',
    );
  });

  it('handles hour timestamps and writes [[0:17]](url) in the same one form', () => {
    expect(timestamps('[[1:02:03](https://youtu.be/x?t=3723)]')).toBe('\\[[1:02:03](https://youtu.be/x?t=3723)\\]');
    expect(timestamps('### Forum tips [[0:17]](https://youtu.be/x?t=17)')).toBe(
      '### Forum tips \\[[0:17](https://youtu.be/x?t=17)\\]',
    );
    // Written once, the form stays: a second import changes nothing.
    expect(timestamps(timestamps('[[0:17]](https://youtu.be/x?t=17)'))).toBe('\\[[0:17](https://youtu.be/x?t=17)\\]');
  });

  it('does not touch timestamps inside inline code', () => {
    expect(norm('`[[2:45](u)]` and [[2:45](https://youtu.be/x)]')).toBe(
      '`[[2:45](u)]` and \\[[2:45](https://youtu.be/x)\\]',
    );
  });
});

describe('Typora links and highlights', () => {
  it('wraps destinations with spaces (Typora paths) in <…>', () => {
    expect(fixLinks('![a](my image.png)')).toBe('![a](<my image.png>)');
    expect(fixLinks('![x](J:\\学习 资料\\a.png)')).toBe('![x](<J:\\学习 资料\\a.png>)');
    expect(fixLinks('[t](https://a.b "a title")')).toBe('[t](https://a.b "a title")');
  });

  it('unwraps doubled parentheses around a URL', () => {
    expect(fixLinks('[Forum]((https://forums.fast.ai/t/1))')).toBe('[Forum](https://forums.fast.ai/t/1)');
  });

  it('turns ==text== into <mark> but not comparisons', () => {
    expect(highlight('a ==重点== b')).toBe('a <mark>重点</mark> b');
    expect(highlight('if a == b and c == d')).toBe('if a == b and c == d');
  });
});

describe('math delimiters', () => {
  it('makes a whole-line $$…$$ a display block', async () => {
    expect(norm('text\n$$E = mc^2$$\nmore')).toBe('text\n$$\nE = mc^2\n$$\nmore');
    expect(await html(norm('$$E = mc^2$$'))).toContain('katex-display');
  });

  it('moves content off the opening and closing $$ lines, where micromark would hide or never close it', async () => {
    const md = '$$x = 1\ny = 2$$\n\nafter';
    expect(norm(md)).toBe('$$\nx = 1\ny = 2\n$$\n\nafter');
    const out = await html(norm(md));
    expect(out).toContain('<p>after</p>');
    expect(out).not.toContain('katex-error');
  });

  it('keeps list and quote prefixes on the lines it inserts', () => {
    expect(norm('- item\n  $$a^2$$')).toBe('- item\n  $$\n  a^2\n  $$');
    expect(norm('> $$a^2$$')).toBe('> $$\n> a^2\n> $$');
  });

  it('converts \\( \\) and \\[ \\] to dollars', async () => {
    expect(norm('inline \\(a^2 + b^2\\) here')).toBe('inline $a^2 + b^2$ here');
    expect(norm('\\[\n\\sum_i x_i\n\\]')).toBe('$$\n\\sum_i x_i\n$$');
    expect(norm('\\[ \\frac{1}{2} \\]')).toBe('$$\n\\frac{1}{2}\n$$');
    const out = await html(norm('inline \\(a^2\\) and\n\n\\[ \\frac{1}{2} \\]'));
    expect(out.match(/class="katex"/g)?.length).toBe(2);
    expect(out).not.toContain('katex-error');
  });

  it('does not read escaped brackets or parentheses in prose as math', () => {
    expect(normaliseInlineMath('\\[1\\] and \\(see above\\)')).toBe('\\[1\\] and \\(see above\\)');
    expect(norm('\\[1\\] reference')).toBe('\\[1\\] reference');
  });

  it('keeps inline $$…$$ inside a sentence, which remark-math renders inline', async () => {
    expect(norm('the rate $$\\eta$$ decays')).toBe('the rate $$\\eta$$ decays');
    expect(await html('the rate $$\\eta$$ decays')).toContain('class="katex"');
  });

  it('escapes dollars that are money, not formulas', async () => {
    expect(norm('costs $5 and $10 today')).toBe('costs \\$5 and \\$10 today');
    expect(norm('about $40 of compute')).toBe('about \\$40 of compute');
    expect(norm('the value $2^n$ grows')).toBe('the value $2^n$ grows');
    expect(await html(norm('costs $5 and $10 today'))).not.toContain('katex');
  });

  it('shows a $$ fence that never closes literally instead of swallowing the note', async () => {
    const out = norm('$$\nx\n\n# Heading');
    expect(out.startsWith('\\$\\$')).toBe(true);
    expect(await html(out)).toContain('<h1>Heading</h1>');
  });

  it('leaves code alone', () => {
    const md = '```\n$$x$$\n\\(a\\)\n```\n\n`$5 and $10`';
    expect(norm(md)).toBe(md);
  });

  it('records the source line of every output line', () => {
    const r = normaliseSource('a\n$$x$$\nb', 10);
    expect(r.lineMap).toEqual([10, 11, 11, 11, 12]);
  });
});
