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
      /<h2 data-section="" id="[^"]*">A little bit about Jeremy<a href="https:\/\/youtu\.be\/BWWm4AzsdLk\?t=327" class="video-time" data-clock="5:27"[^>]*><\/a>/,
    );
    expect(html).toMatch(/<h3 data-section="" id="[^"]*">Keras<a [^>]*class="video-time" data-clock="49:25"/);
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
    expect(html).toMatch(/<h2 id="xent" data-section="">交叉熵<a [^>]*class="video-time"/);
  });

  it('leaves links that are not times alone', async () => {
    const { html } = await render('[lesson 5](https://course19.fast.ai/videos/?lesson=5) and [5:27](./local.md)');
    expect(html).not.toContain('video-time');
  });

  it('reads [[0:17]](url) and a bare [0:17](url) in a heading: a chip, and a clean heading', async () => {
    const { html, headings } = await render(
      '### Forum tips and tricks [[0:17]](https://youtu.be/Egp4Zajhzog?t=17)\n\n### Bare [0:09](https://youtu.be/x?t=9)\n\nSee [[1:05]](https://youtu.be/x?t=65).',
    );
    expect(html).toMatch(
      /<h3 data-section="" id="[^"]*">Forum tips and tricks<a [^>]*class="video-time" data-clock="0:17" data-seconds="17"/,
    );
    expect(html).toMatch(/<h3 data-section="" id="[^"]*">Bare<a [^>]*class="video-time" data-clock="0:09"/);
    expect(html).toMatch(
      /See <a [^>]*class="video-time" data-clock="1:05"[^>]*><span class="video-time__clock">1:05<\/span><\/a>\./,
    );
    expect(html.replace(/<[^>]+>/g, '')).not.toMatch(/\[|\]/);
    if (format === 'md')
      expect(headings.map((h) => [h.slug, h.text])).toEqual([
        ['forum-tips-and-tricks', 'Forum tips and tricks'],
        ['bare', 'Bare'],
      ]);
  });

  it('makes a chip into the lesson video of a heading that ends in (0:17), and only there', async () => {
    const id = format === 'md' ? '{#forum}' : '{/* #forum */}';
    const { html, headings } = await renderMarkdown(
      `## Forum tips (0:17) ${id}\n\n## 论坛技巧（1:02:03）\n\nA paragraph (0:17) keeps its text.`,
      { format, file: `lessons/en/lesson-2.${format}`, frontmatter: { video: 'https://youtu.be/Egp4Zajhzog' } },
    );
    expect(html).toMatch(
      /<h2 id="forum" data-section="">Forum tips<a href="https:\/\/youtu\.be\/Egp4Zajhzog\?t=17" class="video-time" data-clock="0:17" data-seconds="17"/,
    );
    expect(html).toMatch(/>论坛技巧<a href="https:\/\/youtu\.be\/Egp4Zajhzog\?t=3723" class="video-time"/);
    expect(html).toContain('A paragraph (0:17) keeps its text.');
    if (format === 'md') {
      expect(headings.map((h) => h.slug)).toEqual(['forum', '论坛技巧']);
      expect(headings.filter((h) => /\d:\d\d/.test(h.text))).toEqual([]);
    }
    // Without a video to point into, the heading is left as written.
    const alone = await render('## Forum tips (0:17)');
    expect(alone.html).toContain('Forum tips (0:17)');
    expect(alone.html).not.toContain('video-time');
  });
});
