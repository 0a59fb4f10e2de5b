import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';

const url = 'https://youtu.be/BWWm4AzsdLk?t=327';

describe.each(['md', 'mdx'] as const)('remarkVideoTimes in .%s', (format) => {
  const render = (source: string, locale: 'en' | 'zh' = 'en') =>
    renderMarkdown(source, { format, file: `lessons/${locale}/lesson-1.${format}` });

  it('turns a bracketed timestamp in a paragraph into a time chip: a plain outbound link', async () => {
    const { html } = await render(`Jeremy's background [[5:27](${url})] matters.`);
    expect(html).toMatch(
      /background <a href="https:\/\/youtu\.be\/BWWm4AzsdLk\?t=327" class="video-time" data-clock="5:27" data-seconds="327" aria-label="Watch the video from 5:27" data-pagefind-ignore="?"? rel="noopener noreferrer"><span class="video-time__clock">5:27<\/span><\/a> matters\./,
    );
    expect(html).not.toContain('[');
  });

  it('reads the escaped form the importer writes, and names the chip in the page language', async () => {
    const { html } = await render(`为什么要听 Jeremy 的 \\[[5:27](${url})\\]`, 'zh');
    expect(html).toContain('aria-label="从 5:27 开始看视频"');
    expect(html).not.toMatch(/\\\[|\\\]|\[|\]/);
  });

  it('keeps headings clean: no time in their text, id or the table of contents', async () => {
    const { html, headings } = await render(
      `## A little bit about Jeremy [[5:27](${url})]\n\n### Keras[ [49:25](https://youtu.be/x?t=2965)]`,
    );
    expect(html).toMatch(
      /<h2 id="[^"]*">A little bit about Jeremy<a href="https:\/\/youtu\.be\/BWWm4AzsdLk\?t=327" class="video-time" data-clock="5:27"[^>]*><\/a>/,
    );
    expect(html).toMatch(/<h3 id="[^"]*">Keras<a [^>]*class="video-time" data-clock="49:25"/);
    if (format === 'md') {
      expect(headings.map((h) => [h.slug, h.text])).toEqual([
        ['a-little-bit-about-jeremy', 'A little bit about Jeremy'],
        ['keras', 'Keras'],
      ]);
    }
  });

  it('keeps an explicit id when the heading also has a timestamp', async () => {
    const { html } = await render(
      `## 交叉熵 [[5:27](${url})] {#xent}`.replace('{#xent}', format === 'md' ? '{#xent}' : '{/* #xent */}'),
      'zh',
    );
    expect(html).toMatch(/<h2 id="xent">交叉熵<a [^>]*class="video-time"/);
  });

  it('leaves links that are not times alone', async () => {
    const { html } = await render('[lesson 5](https://course19.fast.ai/videos/?lesson=5) and [5:27](./local.md)');
    expect(html).not.toContain('video-time');
  });
});
