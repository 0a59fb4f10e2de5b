import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';

describe('rehypeTaskLabels: task-list checkboxes named by their item', () => {
  it('names each checkbox by its item text, formatting removed', async () => {
    const { html } = await renderMarkdown('- [x] 配好环境\n- [ ] read the *paper*', { file: 'log/zh/2023-05-11.md' });
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="配好环境">');
    expect(html).toContain('<input type="checkbox" disabled aria-label="read the paper">');
  });

  it('leaves ordinary lists alone', async () => {
    const { html } = await renderMarkdown('- one\n- two');
    expect(html).not.toContain('aria-label');
  });
});
