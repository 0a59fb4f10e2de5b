import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/lib/html/tags';
import { sanitizeHtml } from '../../../src/lib/html/markdown-html';
import { parse } from '../../../src/lib/markdown/parse';
import { applyEdits, lineStarts } from '../../../src/lib/text-edits';

/** Runs the sanitiser over a note and returns the new text with what it reported, by line. */
function clean(md: string) {
  const starts = lineStarts(md);
  const line = (offset: number) => starts.filter((s) => s <= offset).length;
  const removed: string[] = [];
  const repaired: string[] = [];
  const edits = sanitizeHtml(md, parse(md, { math: true }), {
    image: (img) => `![${img.alt || img.title}](${img.src})`,
    removed: (what, offset) => removed.push(`${line(offset)}: ${what}`),
    repaired: (what, offset) => repaired.push(`${line(offset)}: ${what}`),
  });
  return { text: applyEdits(md, edits), removed, repaired };
}

describe('tokenize', () => {
  it('follows CommonMark: only real tags are tags', () => {
    const kinds = tokenize(`a <b class="x">b</b> <!-- c --> dtype='<U17' <?x?>`).map((t) => t.type);
    expect(kinds).toEqual(['text', 'open', 'text', 'close', 'text', 'comment', 'text', 'other']);
  });
});

describe('harmless formatting HTML is kept as written', () => {
  it.each([
    '<kbd>Shift</kbd>+<kbd>Enter</kbd> runs a cell<br>next line',
    'H<sub>2</sub>O and x<sup>2</sup>',
    '<details>\n<summary>More</summary>\n\nHidden **Markdown**.\n\n</details>',
    '<table>\n<tr><th>a</th><td colspan="2">b</td></tr>\n</table>',
    'a <a href="https://example.com" title="t" rel="noopener noreferrer">link</a>',
    'a <a href="#later">link</a>',
    '<!-- a comment the author left -->\n\ntext',
  ])('%s', (md) => {
    const r = clean(md);
    expect(r.text).toBe(md);
    expect(r.removed).toEqual([]);
    expect(r.repaired).toEqual([]);
  });
});

describe('images written as HTML', () => {
  it('turns <img style="zoom"> into a Markdown image, inline or as a block', () => {
    expect(clean('<img src="a.png" style="zoom:70%;" />').text).toBe('![](a.png)');
    expect(clean('text <img src="b.png" alt="B"> more').text).toBe('text ![B](b.png) more');
    expect(clean('- item\n\n  <img src="c.png" style="zoom:80%;" />').text).toBe('- item\n\n  ![](c.png)');
  });

  it('uses the title as alt text for formula images', () => {
    expect(clean('<img src="https://latex.codecogs.com/gif.latex?x" title="x^2" />').text).toBe(
      '![x^2](https://latex.codecogs.com/gif.latex?x)',
    );
  });

  it('opens a table around its images so the cells hold Markdown', () => {
    const md =
      '<table>\n<tr>\n<td> <img src="a.png"> <a href="https://x.org">A</a> by me</td><td>plain</td>\n</tr>\n</table>';
    expect(clean(md).text).toBe(
      '<table>\n<tr>\n<td>\n\n![](a.png) <a href="https://x.org" rel="noopener noreferrer">A</a> by me\n\n</td>\n<td>\n\nplain\n\n</td>\n</tr>\n</table>',
    );
  });
});

describe('active content is removed and reported with its line', () => {
  it('removes <script> blocks and inline scripts with their content', () => {
    const r = clean('intro\n\n<script>\nalert(1)\n</script>\n\nsay <script>steal()</script>hi');
    expect(r.text).not.toMatch(/script|alert|steal/);
    expect(r.text).toContain('say hi');
    expect(r.removed).toEqual(['3: <script>', '7: <script>']);
  });

  it('removes <style> and <iframe>', () => {
    const r = clean('<style>body{display:none}</style>\n\n<iframe src="https://evil.example"></iframe>\n\nok');
    expect(r.text.trim()).toBe('ok');
    expect(r.removed).toEqual(['1: <style>', '3: <iframe>']);
  });

  it('strips on* handlers and javascript: URLs, also when disguised with entities', () => {
    const r = clean(
      '<a href="javascript:alert(1)" onclick="x()">a</a>\n\n<a href="&#106;avascript&#58;alert(1)">b</a>\n\n<b onmouseover=x>c</b>',
    );
    expect(r.text).toBe('<a>a</a>\n\n<a>b</a>\n\n<b>c</b>');
    expect(r.removed).toEqual([
      '1: javascript: URL in href of <a>',
      '1: onclick handler on <a>',
      '3: javascript: URL in href of <a>',
      '5: onmouseover handler on <b>',
    ]);
  });

  it('drops a comment that hides active markup, keeps the others', () => {
    const r = clean('<!-- <script>alert(1)</script> -->\n\n<!-- a note -->');
    expect(r.text).toBe('\n\n<!-- a note -->');
    expect(r.removed).toEqual(['1: comment containing active HTML']);
  });

  it('drops style and unknown attributes quietly, keeping the tag', () => {
    const r = clean('<div align="center" style="color:red" class="x">hi</div>');
    expect(r.text).toBe('<div align="center">hi</div>');
    expect(r.removed).toEqual([]);
  });

  it('gives a link that leaves the site rel="noopener noreferrer", as the site’s own links have', () => {
    expect(clean('see <a href="https://forums.fast.ai/t/1" title="t">the thread</a>').text).toBe(
      'see <a href="https://forums.fast.ai/t/1" title="t" rel="noopener noreferrer">the thread</a>',
    );
    expect(clean('<a href="//example.org/" rel="nofollow">x</a>').text).toBe(
      '<a href="//example.org/" rel="noopener noreferrer">x</a>',
    );
  });
});

describe('broken HTML is repaired', () => {
  it('closes an unclosed inline tag at the end of its paragraph', () => {
    const r = clean('bold <b>starts here\n\nnext paragraph');
    expect(r.text).toBe('bold <b>starts here</b>\n\nnext paragraph');
    expect(r.repaired).toEqual(['1: closed <b>']);
  });

  it('closes a block left open at the end of the note', () => {
    const r = clean('<details>\n<summary>s</summary>\n\ncontent');
    expect(r.text).toBe('<details>\n<summary>s</summary>\n\ncontent\n</details>\n');
    expect(r.repaired).toHaveLength(1);
  });

  it('reads `</tr><table>` as the closing tag it was meant to be', () => {
    const r = clean('<table>\n<tr><td>a</td>\n</tr><table>\n\nafter');
    expect(r.text).toBe('<table>\n<tr><td>a</td>\n</tr></table>\n\nafter');
    expect(r.repaired).toEqual(['3: <table> read as </table>']);
  });

  it('drops a closing tag that closes nothing', () => {
    expect(clean('text</span> more').text).toBe('text more');
  });

  it('shows an unclosed comment as text instead of hiding the rest of the note', () => {
    expect(clean('<!-- never closed\n\nstill visible').text).toBe('&lt;!-- never closed\n\nstill visible');
  });
});

describe('text that only looks like HTML', () => {
  it('escapes unknown tags so they show as written', () => {
    expect(clean('grad_fn=<MeanBackward1> and <module>').text).toBe('grad_fn=&lt;MeanBackward1> and &lt;module>');
  });

  it('leaves code untouched', () => {
    const md = '```\n<script>x</script>\n```\n\n`<img src=a.png>`';
    expect(clean(md).text).toBe(md);
  });
});
