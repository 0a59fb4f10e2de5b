import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from './render';

afterEach(() => vi.restoreAllMocks());

function quietWarnings() {
  return vi.spyOn(console, 'warn').mockImplementation(() => {});
}

describe('remarkNoteLinks: links and images written for a notes folder', () => {
  it('turns a relative link to another note into its page under the base, keeping the anchor', async () => {
    const { html } = await renderMarkdown('[two](./lesson-2.md#later) [log](../../log/en/2023-05-11.md)');
    expect(html).toContain('href="/fastai-notes/en/lessons/lesson-2/#later"');
    expect(html).toContain('href="/fastai-notes/en/log/2023-05-11/"');
  });

  it('prefixes site-absolute links and images with the base, at a sub-path and at the root', async () => {
    const sub = await renderMarkdown('[log](/en/log/) ![x](/img/a.png)');
    expect(sub.html).toContain('href="/fastai-notes/en/log/"');
    expect(sub.html).toContain('src="/fastai-notes/img/a.png"');
    const root = await renderMarkdown('[log](/en/log/)', { base: '/' });
    expect(root.html).toContain('href="/en/log/"');
  });

  it('leaves external links alone', async () => {
    const { html } = await renderMarkdown('[v](https://youtu.be/x?t=3)');
    expect(html).toContain('href="https://youtu.be/x?t=3"');
  });

  it('reports a link to a missing note with the file and line, and keeps the text', async () => {
    const warn = quietWarnings();
    const { html, messages } = await renderMarkdown('text\n\n[gone](./lesson-99.md)');
    expect(html).toContain('gone');
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['missing-link', 3]]);
    expect(warn.mock.calls.join('\n')).toMatch(/lessons\/en\/lesson-1\.md:3: link to "\.\/lesson-99\.md"/);
  });

  it('reports a link to a file the site does not publish', async () => {
    quietWarnings();
    const { messages } = await renderMarkdown('[figure](../figures/dot.svg)');
    expect(messages.map((m) => m.ruleId)).toEqual(['unpublished-link']);
  });

  it('replaces a missing image with a visible placeholder in the page language and warns', async () => {
    const warn = quietWarnings();
    const { html, messages } = await renderMarkdown('![猫](./nope.png)', { file: 'lessons/zh/lesson-1.md' });
    expect(html).toContain('<span class="missing-image" role="img" aria-label="猫 — 找不到图片：./nope.png">找不到图片：./nope.png</span>');
    expect(html).not.toContain('<img');
    expect(messages.some((m) => m.ruleId === 'missing-image')).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('lessons/zh/lesson-1.md:1: image "./nope.png" does not exist'));
  });

  it('hands an existing relative image to Astro’s image pipeline', async () => {
    const { localImagePaths, messages } = await renderMarkdown('![dot](../figures/dot.svg)');
    expect(localImagePaths).toEqual(['../figures/dot.svg']);
    expect(messages).toEqual([]);
  });

  it('rewrites links the same way in MDX', async () => {
    const { html } = await renderMarkdown('[two](./lesson-2.md#later)', { format: 'mdx' });
    expect(html).toContain('href="/fastai-notes/en/lessons/lesson-2/#later"');
  });
});
