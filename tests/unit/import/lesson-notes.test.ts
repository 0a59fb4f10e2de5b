import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../src/import/cli';
import { splitFrontmatter } from '../../../src/import/frontmatter';
import type { ImportReport } from '../../../src/import/report';

/**
 * A lesson's main notes with a second, longer note about the same lesson beside them (a close
 * reading of one paper, named with the lesson number), and a lesson with two files neither named
 * as the lesson.
 */
let tmp = '';
let report: ImportReport;
let text = '';
const write = (rel: string, body: string) => {
  const file = path.join(tmp, 'src', rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body);
};
const front = (rel: string) => splitFrontmatter(fs.readFileSync(path.join(tmp, 'notes', rel), 'utf8')).data ?? {};
const paragraph = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `这一段讲第 ${i + 1} 个要点，配合代码和公式把训练循环里的每一步都解释清楚。`,
  ).join('\n\n');

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-lesson-notes-'));
  write('lesson9/lesson9.md', `# 第 9 课：训练循环\n\n${paragraph(4)}\n`);
  write('lesson9/lesson9-adam-paper.md', `# 精读 Adam 论文\n\n${paragraph(12)}\n`);
  write('lesson10/lesson10-part-a.md', `# 第 10 课（上）\n\n${paragraph(3)}\n`);
  write('lesson10/lesson10-part-b.md', `# 第 10 课（下）\n\n${paragraph(8)}\n`);
  const run = runImport({
    sources: [path.join(tmp, 'src')],
    out: path.join(tmp, 'notes'),
    dryRun: false,
    force: false,
  });
  report = run.report;
  text = run.text;
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('several files about one lesson in one language', () => {
  it('makes the file named like the lesson its page, even when another is longer', () => {
    expect(front('lessons/zh/lesson-9.md')).toMatchObject({ lesson: 9, source: 'src/lesson9/lesson9.md' });
    expect(front('notes/zh/lesson9-adam-paper.md')).toMatchObject({
      title: '精读 Adam 论文',
      lesson: 9,
      source: 'src/lesson9/lesson9-adam-paper.md',
    });
  });

  it('makes the longest the page when none is named like the lesson', () => {
    expect(front('lessons/zh/lesson-10.md')).toMatchObject({ source: 'src/lesson10/lesson10-part-b.md' });
    expect(front('notes/zh/lesson10-part-a.md')).toMatchObject({ lesson: 10 });
  });

  it('gives no file a slug or title with a label of the importer’s own', () => {
    const written = fs.readdirSync(path.join(tmp, 'notes'), { recursive: true, encoding: 'utf8' });
    expect(written.filter((f) => /lesson-\d+-|src/.test(path.basename(f)))).toEqual([]);
    expect(fs.readdirSync(path.join(tmp, 'notes/lessons/zh')).sort()).toEqual(['lesson-10.md', 'lesson-9.md']);
  });

  it('says in the report which file became the lesson and why, and what became a note', () => {
    expect(report.lessonChoices).toEqual([
      {
        lesson: 9,
        locale: 'zh',
        file: 'src/lesson9/lesson9.md',
        why: 'named like the lesson',
        notes: ['src/lesson9/lesson9-adam-paper.md'],
      },
      {
        lesson: 10,
        locale: 'zh',
        file: 'src/lesson10/lesson10-part-b.md',
        why: 'the longest',
        notes: ['src/lesson10/lesson10-part-a.md'],
      },
    ]);
    expect(text).toContain(
      'zh:9 is src/lesson9/lesson9.md (named like the lesson); notes on it: src/lesson9/lesson9-adam-paper.md',
    );
  });
});
