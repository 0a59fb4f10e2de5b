import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';

// The patterns that break under CommonMark's flanking rules in the Chinese notes, in sentences of our own:
// emphasis whose inside starts or ends with CJK punctuation and whose outside is a CJK letter.
const cases: [string, string][] = [
  ['读了论文**《深度网络训练为何困难》**，可惜没读完。', '<strong>《深度网络训练为何困难》</strong>，'],
  ['这一步叫**“微调”**而不是重新训练。', '<strong>“微调”</strong>而'],
  ['学习率要选**小一点。**然后再试。', '<strong>小一点。</strong>然后'],
  ['这里的*（可选）*参数可以省略。', '<em>（可选）</em>参数'],
  ['旧的写法~~（已弃用）~~不要再用。', '<del>（已弃用）</del>不要'],
  ['**注意：**验证集不能参与训练。', '<strong>注意：</strong>验证集'],
];

describe.each(['md', 'mdx'] as const)('Chinese emphasis next to CJK punctuation in .%s', (format) => {
  it.each(cases)('%s', async (source, expected) => {
    for (const file of [`lessons/zh/lesson-1.${format}`, `notes/zh/glossary.${format}`]) {
      const { html } = await renderMarkdown(source, { format, file });
      expect(html).toContain(expected);
      expect(html).not.toMatch(/\*\*|~~|(?<![\w/])\*(?!\w)/);
    }
  });

  it('leaves English emphasis and intra-word asterisks as CommonMark has them', async () => {
    const { html } = await renderMarkdown('A **bold** word, 2*3*4 and snake_case_name.', { format });
    expect(html).toContain('A <strong>bold</strong> word, 2<em>3</em>4 and snake_case_name.');
  });
});
