import type { Heading } from 'mdast';
import { describe, expect, it } from 'vitest';
import { isoDate, splitFrontmatter, stringifyFrontmatter } from '../../../src/import/frontmatter';
import { parse } from '../../../src/lib/markdown/parse';
import { courseOf, firstSentence, informative, stripLessonLabel, summaryOf, videoOf } from '../../../src/import/meta';
import { headingText, outlineEdits } from '../../../src/import/outline';
import { applyEdits } from '../../../src/lib/text-edits';

const tree = (md: string) => parse(md, { math: true });

function outline(md: string, dropFirst = false): string {
  const t = tree(md);
  const first = t.children.find((n): n is Heading => n.type === 'heading');
  return applyEdits(md, outlineEdits(md, t, dropFirst ? first : undefined));
}

describe('heading outline', () => {
  it('removes the title h1 and starts the outline at h2', () => {
    expect(outline('# Lesson 1\n\n### Deep\n\ntext\n\n#### Deeper', true)).toBe(
      '\n### Deep\n\ntext\n\n#### Deeper'.replace('### Deep', '## Deep').replace('#### Deeper', '### Deeper'),
    );
  });

  it('demotes other h1s with what sits under them, never skipping a level', () => {
    expect(outline('# lesson8\n\n# 前言\n\n## why\n\n#### detail\n\n# 第二部分', true)).toBe(
      '\n## 前言\n\n### why\n\n#### detail\n\n## 第二部分',
    );
  });

  it('rewrites setext headings as ATX when their level changes', () => {
    expect(outline('Title\n=====\n\ntext')).toBe('## Title\n\ntext');
  });

  it('reads heading text without video timestamps', () => {
    const [h] = tree('### Fine tuning \\[[8:45](https://youtu.be/x?t=525)\\]').children;
    expect(headingText(h as Heading)).toBe('Fine tuning');
  });
});

describe('titles', () => {
  it('strips the lesson label and keeps what is left', () => {
    expect(stripLessonLabel('lesson9 How to train your model')).toBe('How to train your model');
    expect(stripLessonLabel('Lesson 1')).toBe('');
    expect(stripLessonLabel('第一课')).toBe('');
    expect(stripLessonLabel('欢迎来到第四课')).toBe('');
    expect(stripLessonLabel('Lesson 3: Multi-label classification')).toBe('Multi-label classification');
  });

  it('does not take a greeting or section label for a title', () => {
    expect(informative('Welcome!')).toBe(false);
    expect(informative('欢迎!')).toBe(false);
    expect(informative('前言')).toBe(false);
    expect(informative('Deeper Dive into Computer Vision')).toBe(true);
  });
});

describe('summary, video and course', () => {
  const md = [
    '[Webpage](http://course-v3.fast.ai/) / [Video](https://youtu.be/BWWm4AzsdLk?t=10) / [Forum](https://forums.fast.ai/)',
    '',
    '- a list item that is not prose',
    '',
    'Welcome to lesson 4! Today we look at **NLP** and tabular data, then collaborative filtering.',
  ].join('\n');

  it('skips lines of links and takes whole sentences up to a useful length', () => {
    expect(summaryOf(tree(md))).toBe(
      'Welcome to lesson 4! Today we look at NLP and tabular data, then collaborative filtering.',
    );
  });

  it('caps a long sentence at 160 characters', () => {
    const s = firstSentence('x'.repeat(300));
    expect(s).toHaveLength(160);
    expect(s.endsWith('…')).toBe(true);
  });

  it('joins Chinese sentences without a space', () => {
    expect(firstSentence('确保环境准备好。然后开始运行笔记本了。最后一句不需要。')).toBe(
      '确保环境准备好。然后开始运行笔记本了。',
    );
  });

  it('finds the video without its timestamp, and the course page', () => {
    expect(videoOf(tree(md))).toBe('https://youtu.be/BWWm4AzsdLk');
    expect(courseOf(tree(md))).toBe('http://course-v3.fast.ai/');
    expect(videoOf(tree('see https://www.youtube.com/watch?v=abc&t=5'))).toBe('https://www.youtube.com/watch?v=abc');
  });
});

describe('front matter', () => {
  it('reads valid YAML front matter', () => {
    const r = splitFrontmatter('---\ntitle: Notes\nupdated: 2024-03-01\n---\n\nbody');
    expect(r.data?.['title']).toBe('Notes');
    expect(isoDate(r.data?.['updated'])).toBe('2024-03-01');
    expect(r.body).toBe('\nbody');
    expect(r.bodyLine).toBe(5);
  });

  it('keeps broken front matter in the body as a yaml block and says why', () => {
    const r = splitFrontmatter('---\ntitle: [unclosed\n---\nbody');
    expect(r.broken?.reason).toBeTruthy();
    expect(r.body).toBe('```yaml\ntitle: [unclosed\n```\n\nbody');
  });

  it('leaves a thematic break followed by a setext heading alone', () => {
    const md = '---\nJust a heading\n---\n\ntext';
    expect(splitFrontmatter(md)).toEqual({ body: md, bodyLine: 1 });
  });

  it('writes keys in the given order, strings quoted, dates bare', () => {
    expect(
      stringifyFrontmatter([
        ['title', 'A "quoted" 标题'],
        ['lesson', 3],
        ['tags', ['a']],
        ['updated', { date: '2024-01-02' }],
        ['video', undefined],
      ]),
    ).toBe('---\ntitle: "A \\"quoted\\" 标题"\nlesson: 3\ntags: ["a"]\nupdated: 2024-01-02\n---\n');
  });
});
