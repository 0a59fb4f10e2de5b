import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { writeUntrustedFiles } from '../../support/untrusted-files';
import { fixtureNotes, renderMarkdown } from './render';

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

  it('reports a link to a missing note with the file and line, and keeps only the text', async () => {
    const warn = quietWarnings();
    const { html, messages } = await renderMarkdown('text\n\n[gone](./lesson-99.md)');
    expect(html).toContain('<p>gone</p>');
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['missing-link', 3]]);
    expect(warn.mock.calls.join('\n')).toMatch(/lessons\/en\/lesson-1\.md:3: link to "\.\/lesson-99\.md"/);
  });

  it('reports a link to a file the site does not publish, and keeps only the text', async () => {
    quietWarnings();
    const { html, messages } = await renderMarkdown('[figure](../figures/dot.svg)');
    expect(messages.map((m) => m.ruleId)).toEqual(['unpublished-link']);
    expect(html).toContain('<p>figure</p>');
  });

  it('never loads an image from another host: a link to it stands in, named in the page language', async () => {
    const warn = quietWarnings();
    const { html, messages } = await renderMarkdown(
      '![损失曲线](https://github.com/u/r/assets/1/abc) and [![](//img.example.org/a.png)](https://example.org/)',
      { file: 'lessons/zh/lesson-1.md' },
    );
    expect(html).not.toContain('<img');
    expect(html).toMatch(
      /<a href="https:\/\/github\.com\/u\/r\/assets\/1\/abc" class="missing-image missing-image--external" rel="noopener noreferrer">损失曲线 — github\.com 上的图片/,
    );
    // Inside a link already, the stand-in is text: links do not nest.
    expect(html).toContain('<a href="https://example.org/" rel="noopener noreferrer"><span class="missing-image');
    expect(messages.map((m) => m.ruleId)).toEqual(['external-image', 'external-image']);
    // GitHub's default alt text "image" names nothing and is left out.
    const pasted = await renderMarkdown('![image](https://github.com/u/r/assets/1/b)');
    expect(pasted.html).toContain('>Image on github.com, not loaded here: open it</a>');
    expect(warn.mock.calls.join('\n')).toContain(
      'lessons/zh/lesson-1.md:1: image "https://github.com/u/r/assets/1/abc" is on another host',
    );
  });

  it('keeps data: images, which are part of the page', async () => {
    const { html } = await renderMarkdown('![dot](data:image/gif;base64,R0lGODlhAQABAAAAACw=)');
    expect(html).toContain('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="');
  });

  it('replaces a missing image with a visible placeholder in the page language and warns', async () => {
    const warn = quietWarnings();
    const { html, messages } = await renderMarkdown('![猫](./nope.png)', { file: 'lessons/zh/lesson-1.md' });
    expect(html).toContain(
      '<span class="missing-image" role="img" aria-label="猫 — 找不到图片：./nope.png">找不到图片：./nope.png</span>',
    );
    expect(html).not.toContain('<img');
    expect(messages.some((m) => m.ruleId === 'missing-image')).toBe(true);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('lessons/zh/lesson-1.md:1: image "./nope.png" does not exist'),
    );
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

describe('remarkNoteLinks: nothing from outside the notes folder, nothing that is not an image', () => {
  // A notes folder with the files a stranger's repository can hold, made here, never copied.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'note-links-'));
  const notes = path.join(work, 'notes');
  const secret = path.join(work, 'outside.svg');
  fs.cpSync(fixtureNotes, notes, { recursive: true });
  fs.writeFileSync(secret, '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
  const lessonDir = path.join(notes, 'lessons/en');
  writeUntrustedFiles(lessonDir, secret);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
  const render = (md: string) => renderMarkdown(md, { notesRoot: notes, file: 'lessons/en/lesson-1.md' });

  it('refuses an image that climbs out of the folder, with the note and line named', async () => {
    const warn = quietWarnings();
    const rel = path.relative(lessonDir, secret);
    const { html, messages, localImagePaths } = await render(`intro\n\n![x](${rel})`);
    expect(localImagePaths).toEqual([]);
    expect(html).not.toContain('<img');
    expect(html).toContain(`Image outside the notes folder, not published: ${rel}`);
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['outside-notes', 3]]);
    expect(warn.mock.calls.join('\n')).toContain(`lesson-1.md:3: image "${rel}" is outside the notes folder`);
  });

  it('refuses an image reached through a symbolic link that points outside', async () => {
    quietWarnings();
    const { html, messages, localImagePaths } = await render('![x](./linked.svg)');
    expect(localImagePaths).toEqual([]);
    expect(html).toContain('Image outside the notes folder, not published: ./linked.svg');
    expect(messages.map((m) => m.ruleId)).toEqual(['outside-notes']);
  });

  it('refuses a reference-style image outside the folder too', async () => {
    quietWarnings();
    const { localImagePaths, messages } = await render('![x][pic]\n\n[pic]: ../../../outside.svg');
    expect(localImagePaths).toEqual([]);
    expect(messages.map((m) => m.ruleId)).toEqual(['outside-notes']);
  });

  it('keeps a link that leads outside as plain text', async () => {
    quietWarnings();
    const { html, messages } = await render('see [the secret](../../../outside.svg) here');
    expect(html).toContain('see the secret here');
    expect(html).not.toContain('outside.svg');
    expect(messages.map((m) => m.ruleId)).toEqual(['outside-notes']);
  });

  it.each([
    ['page.png', /is an HTML page, not an image/],
    ['lfs.png', /is a Git LFS pointer, not the image; run `git lfs pull`/],
    ['cut.jpg', /is a truncated JPEG/],
  ])('shows a placeholder for %s, which is not the image it claims to be', async (name, reason) => {
    const warn = quietWarnings();
    const { html, messages, localImagePaths } = await render(`# Title\n\n![shot](./${name})`);
    expect(localImagePaths).toEqual([]);
    expect(html).toContain(`Image could not be read: ./${name}`);
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['broken-image', 3]]);
    expect(warn.mock.calls.join('\n')).toMatch(
      new RegExp(`lesson-1\\.md:3: image "\\./${name.replace('.', '\\.')}" ${reason.source}`),
    );
  });

  it('still hands a real image inside the folder to Astro', async () => {
    const { localImagePaths, messages } = await render('![dot](../figures/dot.svg)');
    expect(localImagePaths).toEqual(['../figures/dot.svg']);
    expect(messages).toEqual([]);
  });
});
