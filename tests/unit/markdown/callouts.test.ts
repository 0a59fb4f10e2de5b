import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';

const formats = ['md', 'mdx'] as const;

describe.each(formats)('remarkCallouts in .%s', (format) => {
  const render = (source: string, locale: 'en' | 'zh' = 'en') =>
    renderMarkdown(source, { format, file: `lessons/${locale}/lesson-1.${format}` });

  it("turns GitHub's five alerts into named asides with the type's title in the page's language", async () => {
    const kinds = [
      ['NOTE', 'note', 'Note', '说明'],
      ['TIP', 'tip', 'Tip', '提示'],
      ['IMPORTANT', 'important', 'Important', '重要'],
      ['WARNING', 'warning', 'Warning', '警告'],
      ['CAUTION', 'danger', 'Caution', '注意'],
    ] as const;
    for (const [word, tone, en, zh] of kinds) {
      const source = `> [!${word}]\n> Body of the ${word.toLowerCase()}.`;
      const { html } = await render(source);
      expect(html).toContain(`<aside class="callout callout--${tone}" role="note" aria-label="${en}">`);
      expect(html).toMatch(
        new RegExp(
          `<p class="callout__title" aria-hidden="true"><svg class="callout__icon"[^>]*>.*?</svg>${en}</p>`,
          's',
        ),
      );
      expect(html).toContain(`Body of the ${word.toLowerCase()}.`);
      expect(html).not.toContain(`[!${word}]`);
      expect((await render(source, 'zh')).html).toContain(`aria-label="${zh}"`);
    }
  });

  it('reads the marker in any case, and only alone on the first line', async () => {
    expect((await render('> [!tip]\n> lower case')).html).toContain('callout--tip');
    const inline = await render('> [!NOTE] text on the same line');
    expect(inline.html).toContain('<blockquote>');
    expect(inline.html).toContain('[!NOTE] text on the same line');
    expect((await render('> [!UNKNOWN]\n> text')).html).toContain('<blockquote>');
    expect((await render('> An ordinary quote')).html).toContain('<blockquote>');
  });

  it('renders :::directives the same way, with an optional custom title', async () => {
    const { html } = await render(':::tip[学习率*怎么*选]\n选陡峭下降的那一段。\n:::', 'zh');
    expect(html).toMatch(/<aside class="callout callout--tip" role="note" aria-label="学习率怎么选">/);
    expect(html).toMatch(/<\/svg>学习率<em>怎么<\/em>选<\/p>/);
    expect(html).toContain('<div class="callout__body">');
    expect(html).toContain('选陡峭下降的那一段。');
    const plain = await render(':::danger\nDo not.\n:::');
    expect(plain.html).toContain('callout--danger" role="note" aria-label="Danger"');
    // Starlight's caution is the yellow one; GitHub's CAUTION is red.
    expect((await render(':::caution\nCareful.\n:::')).html).toContain(
      'callout--warning" role="note" aria-label="Caution"',
    );
  });

  it('keeps Markdown inside a callout: lists, code and nested callouts', async () => {
    const { html } = await render(':::note\n- one\n- two\n\n```python\nx = 1\n```\n\n> [!TIP]\n> inner\n:::');
    expect(html).toMatch(
      /callout--note[\s\S]*<ul>[\s\S]*<li>one<\/li>[\s\S]*code-block[\s\S]*callout--tip[\s\S]*inner/,
    );
  });

  it('gives back the text of directives that are not callouts', async () => {
    const { html, messages } = await render('比例 a:b，注意:important 的用法。\n\n:::foo\nkept\n:::');
    expect(html).toContain('比例 a:b，注意:important 的用法。');
    expect(html).toMatch(/<p>:::foo<\/p>\s*<p>kept<\/p>\s*<p>:::<\/p>/);
    expect(messages.map((m) => m.ruleId)).toContain('unknown-callout');
    expect(messages.find((m) => m.ruleId === 'unknown-callout')?.reason).toContain('":::foo" is not a callout type');
  });
});
