import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../src/import/cli';
import { splitFrontmatter } from '../../../src/import/frontmatter';
import { courseLessonTitles } from '../../../src/lib/course';

/** Two repositories whose lesson notes head themselves "Lesson N", and both have a lesson 9. */
let tmp = '';
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
const title = (p: string) => splitFrontmatter(fs.readFileSync(path.join(tmp, 'notes', p), 'utf8')).data?.['title'];

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-titles-'));
  const body = 'Notes taken while watching the lesson, with the code we ran and what it printed.\n';
  write(
    path.join(tmp, 'mine/chinese/Lesson3.md'),
    `# Lesson 3\n\n这节课讲多标签分类和图像分割，我们把 Planet 数据集跑了一遍，然后看了 CamVid。\n\n### 下载数据\n`,
  );
  write(path.join(tmp, 'mine/english/Lesson3.md'), `# Lesson 3\n\n${body}\n### Downloading the data\n`);
  write(path.join(tmp, 'mine/english/Lesson4.md'), `# Welcome to lesson 4!\n\n## Welcome!\n\n${body}`);
  write(path.join(tmp, 'mine/lesson9/lesson9.md'), `# lesson9 How to train your model\n\n${body}`);
  // A Chinese note that kept the English lecture's title as its heading.
  write(
    path.join(tmp, 'mine/lesson8/lesson8.md'),
    `# lesson8 Matrix multiplication from scratch\n\n这节课从零开始实现矩阵乘法，再用广播把三重循环变成一行，最后比较了各种写法的速度。\n`,
  );
  write(path.join(tmp, 'theirs/Lesson9.md'), `# lesson9 How to train your model\n\n${body}`);
  runImport({
    sources: [path.join(tmp, 'mine'), path.join(tmp, 'theirs')],
    out: path.join(tmp, 'notes'),
    dryRun: false,
    force: false,
  });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('titles of imported lessons', () => {
  it('takes the course’s title for the lesson, in the note’s language, when the heading is only "Lesson N"', () => {
    expect(title('lessons/zh/lesson-3.md')).toBe(courseLessonTitles[3]?.zh);
    expect(title('lessons/en/lesson-3.md')).toBe(courseLessonTitles[3]?.en);
    expect(title('lessons/en/lesson-4.md')).toBe('NLP; tabular data; collaborative filtering; embeddings');
  });

  it('titles a Chinese lesson in Chinese even when its heading is in English', () => {
    expect(title('lessons/zh/lesson-8.md')).toBe(courseLessonTitles[8]?.zh);
  });

  it('keeps a title the author wrote', () => {
    expect(title('lessons/en/lesson-9.md')).toBe('How to train your model');
  });

  it('makes one lesson of two on the same lesson from two sources, the other a note on it by its own file name', () => {
    expect(fs.existsSync(path.join(tmp, 'notes/lessons/en/lesson-9-theirs.md'))).toBe(false);
    const note = splitFrontmatter(fs.readFileSync(path.join(tmp, 'notes/notes/en/lesson9.md'), 'utf8')).data;
    expect(note).toMatchObject({ title: 'How to train your model', lesson: 9, source: 'theirs/Lesson9.md' });
  });
});
