import { XMLParser } from 'fast-xml-parser';
import rss from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { feedHtml, feedItems, publishedAt, summarize, type FeedEntry } from '../../src/lib/feed';

const page = 'https://example.github.io/fastai-notes/en/log/2023-05-26/';

const entry = (over: Partial<FeedEntry> = {}): FeedEntry => ({
  url: page,
  title: 'YOLOv3 on VOC',
  date: new Date('2023-05-26'),
  tags: ['object-detection', 'yolo'],
  html: '<p>Set up the <em>environment</em>.</p>',
  ...over,
});

describe('publishedAt', () => {
  it('adds the time of day to the entry date, read as UTC like the date', () => {
    expect(publishedAt(new Date('2023-05-26'), '14:50:11').toISOString()).toBe('2023-05-26T14:50:11.000Z');
    expect(publishedAt(new Date('2023-05-26'), '9:05').toISOString()).toBe('2023-05-26T09:05:00.000Z');
  });
  it('keeps midnight when the entry has no time', () => {
    expect(publishedAt(new Date('2023-05-26')).toISOString()).toBe('2023-05-26T00:00:00.000Z');
  });
});

describe('feedHtml', () => {
  it('makes images, srcset and links absolute against the entry page', () => {
    const html = feedHtml(
      '<p><img src="/fastai-notes/_astro/loss.Ab12.png" srcset="/fastai-notes/_astro/a.png 1x, /fastai-notes/_astro/b.png 2x" alt="loss"> <a href="../2023-05-25/">yesterday</a> <a href="#map">mAP</a> <a href="https://docs.fast.ai/">docs</a></p>',
      page,
    );
    expect(html).toContain('src="https://example.github.io/fastai-notes/_astro/loss.Ab12.png"');
    expect(html).toContain(
      'srcset="https://example.github.io/fastai-notes/_astro/a.png 1x, https://example.github.io/fastai-notes/_astro/b.png 2x"',
    );
    expect(html).toContain('href="https://example.github.io/fastai-notes/en/log/2023-05-25/"');
    expect(html).toContain('href="https://example.github.io/fastai-notes/en/log/2023-05-26/#map"');
    expect(html).toContain('href="https://docs.fast.ai/"');
    expect(html).not.toMatch(/(src|href)="\//);
  });

  it('drops chrome that needs the site: copy buttons, section anchors, KaTeX layout, search markers', () => {
    const html = feedHtml(
      '<h2 id="map">mAP<a class="heading-anchor" data-pagefind-ignore href="#map"><span>#</span></a></h2>' +
        '<figure class="code-block"><figcaption class="code-block__bar"><span>Python</span><button type="button">Copy</button></figcaption><pre><code>x = 1</code></pre></figure>' +
        '<span class="katex"><span class="katex-mathml"><math><mi>x</mi></math></span><span class="katex-html" aria-hidden="true">x</span></span>',
      page,
    );
    expect(html).not.toContain('heading-anchor');
    expect(html).not.toContain('<button');
    expect(html).not.toContain('Copy');
    expect(html).not.toContain('katex-html');
    expect(html).not.toContain('data-pagefind');
    expect(html).toContain('<math><mi>x</mi></math>');
    expect(html).toContain('<pre><code>x = 1</code></pre>');
    expect(html).toContain('<h2 id="map">mAP</h2>');
  });
});

describe('summarize', () => {
  it('is the text without markup or code', () => {
    expect(
      summarize(
        '<p>Set up the <em>environment</em>.</p><figure class="code-block"><pre><code>pip install</code></pre></figure>',
      ),
    ).toBe('Set up the environment.');
  });
  it('cuts long English text on a word boundary and marks the cut', () => {
    const s = summarize(`<p>${'anchor boxes '.repeat(40)}</p>`, 50);
    expect(s.length).toBeLessThanOrEqual(51);
    expect(s).toMatch(/(anchor|boxes)…$/);
  });
  it('cuts Chinese text by characters', () => {
    const s = summarize(`<p>${'目标检测'.repeat(30)}</p>`, 20);
    expect(s).toBe(`${'目标检测'.repeat(5)}…`);
  });
});

describe('feedItems', () => {
  it('orders items newest first by date and time, with tags as categories', () => {
    const items = feedItems([
      entry({ url: `${page}a`, date: new Date('2023-05-11') }),
      entry({ url: `${page}c`, time: '20:00' }),
      entry({ url: `${page}b`, time: '09:00' }),
    ]);
    expect(items.map((i) => i.link)).toEqual([`${page}c`, `${page}b`, `${page}a`]);
    expect(items[0]?.categories).toEqual(['object-detection', 'yolo']);
    expect(items[0]?.description).toBe('Set up the environment.');
  });

  it('gives @astrojs/rss what a valid RSS 2.0 document needs', async () => {
    const response = await rss({
      title: 'Study log',
      description: 'Day by day',
      site: 'https://example.github.io/fastai-notes/en/log/',
      items: feedItems([entry({ html: '<p>mAP <img src="/fastai-notes/_astro/pr.png" alt="PR curve"></p>' })]),
    });
    const xml = new XMLParser({ ignoreAttributes: false }).parse(await response.text());
    expect(xml.rss['@_version']).toBe('2.0');
    const channel = xml.rss.channel;
    expect(channel.title).toBe('Study log');
    expect(channel.link).toBe('https://example.github.io/fastai-notes/en/log/');
    const item = channel.item;
    expect(item.link).toBe(page);
    expect(item.category).toEqual(['object-detection', 'yolo']);
    expect(new Date(item.pubDate).toISOString()).toBe('2023-05-26T00:00:00.000Z');
    expect(item['content:encoded']).toContain(
      '<img src="https://example.github.io/fastai-notes/_astro/pr.png" alt="PR curve">',
    );
  });
});
