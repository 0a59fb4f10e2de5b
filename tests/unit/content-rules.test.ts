import { describe, expect, it } from 'vitest';
import {
  chineseCharCount,
  englishWordCount,
  fencesWithoutLanguage,
  outlineDifferences,
  sectionHeadings,
} from '../../src/lib/content-rules';

const en = `---
title: x
---
Intro words here.

## Finding a rate {#lr-finder}

\`\`\`python
not counted words at all
\`\`\`

$$
\\text{ignored words}
$$

### Detail {#detail}
Two more with $inline math$ [link text](./x.md).
`;

describe('content rules', () => {
  it('counts prose words, not code, math, frontmatter or link targets', () => {
    expect(englishWordCount(en)).toBe(3 + 3 + 1 + 3 + 2);
  });

  it('counts Chinese characters outside code and math', () => {
    expect(chineseCharCount('## 学习率 {#lr}\n\n```python\n# 注释\n```\n公式 $的$ 完')).toBe(3 + 2 + 1);
  });

  it('reads h2/h3 headings with their ids, ignoring code fences', () => {
    const hs = sectionHeadings(en + '\n```bash\n## not a heading\n```\n');
    expect(hs.map((h) => [h.level, h.id, h.text])).toEqual([
      [2, 'lr-finder', 'Finding a rate'],
      [3, 'detail', 'Detail'],
    ]);
  });

  it('reports a missing id and the first outline difference between languages', () => {
    const a = sectionHeadings('## A {#a}\n### B {#b}\n## C');
    const b = sectionHeadings('## 甲 {#a}\n## 乙 {#b}\n## 丙 {#c}');
    const problems = outlineDifferences(a, b, ['en.md', 'zh.md']);
    expect(problems).toContain('en.md:3 heading "C" has no {#id}');
    expect(problems).toContain('section 2: en.md has h3#b, zh.md has h2#b');
    expect(outlineDifferences(b, b, ['x', 'y'])).toEqual([]);
  });

  it('finds code fences without a language', () => {
    expect(fencesWithoutLanguage('```python\nx\n```\n\n```\ny\n```\n')).toEqual([5]);
  });
});
