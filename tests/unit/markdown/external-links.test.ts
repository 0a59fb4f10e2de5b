import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';

describe('rehypeExternalLinks: links off the site', () => {
  it('keep the address and give no access to the opener or the referrer', async () => {
    const { html } = await renderMarkdown('[video](https://youtu.be/x?t=3) and <https://course.fast.ai>');
    expect(html).toContain('<a href="https://youtu.be/x?t=3" rel="noopener noreferrer">video</a>');
    expect(html).toContain('<a href="https://course.fast.ai" rel="noopener noreferrer">');
  });

  it('leave links inside the site alone', async () => {
    const { html } = await renderMarkdown('[log](/en/log/) [here](#later)');
    expect(html).toContain('<a href="/fastai-notes/en/log/">log</a>');
    expect(html).toContain('<a href="#later">here</a>');
  });
});
