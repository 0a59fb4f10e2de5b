import { describe, expect, it } from 'vitest';
import { alignSections, sharedTimes, type AlignedRow, type OutlineSection } from '../../src/lib/parallel/align';
import { sourceOutline } from '../../src/markdown/outline';

const mark = (s: number) => `[[${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}](https://youtu.be/ID?t=${s})]`;
/** A note's outline from its source, as `npm run status` reads it. */
const outlineFromMarkdown = (body: string) =>
  sourceOutline(body, { file: 'lessons/en/lesson-1.md', frontmatter: {}, notesRoot: 'tests/fixtures/notes-mini' });
const pairs = (rows: AlignedRow[]) => rows.map((r) => `${r.own.join('+') || '-'}|${r.other.join('+') || '-'}:${r.by}`);

describe("a note's outline from its source", () => {
  it('reads the intro, explicit ids, levels and timestamps of each section, and skips code', () => {
    const md = [
      'Intro with a mark ' + mark(5),
      '',
      '## Loss {#loss}',
      `Text ${mark(327)} and ${mark(400)}`,
      '```python',
      '## not a heading',
      '```',
      `### Cross-entropy \\[${mark(3723).slice(1, -1)}\\]`,
      '## No id here',
    ].join('\n');
    expect(outlineFromMarkdown(md)).toEqual([
      { depth: 1, title: '', times: [5] },
      { id: 'loss', depth: 2, title: 'Loss', times: [327, 400] },
      { id: undefined, depth: 3, title: 'Cross-entropy', times: [3723] },
      { id: undefined, depth: 2, title: 'No id here', times: [] },
    ]);
  });

  it('has no intro section when nothing comes before the first heading', () => {
    expect(outlineFromMarkdown('\n\n## A {#a}\ntext').map((s) => s.depth)).toEqual([2]);
  });
});

describe('alignSections', () => {
  const s = (id: string | undefined, depth = 2, times: number[] = []): OutlineSection => ({
    id,
    depth,
    title: id ?? '',
    times,
  });

  it('pairs sections by explicit id even when the order of depths differs', () => {
    const own = [s('a'), s('b', 3), s('c')];
    const other = [s('a'), s('b', 2), s('c')];
    expect(pairs(alignSections(own, other))).toEqual(['0|0:id', '1|1:id', '2|2:id']);
  });

  it('pairs the two intros first', () => {
    const own = [s(undefined, 1), s('a')];
    const other = [s(undefined, 1), s('a')];
    expect(pairs(alignSections(own, other))).toEqual(['0|0:intro', '1|1:id']);
  });

  it('pairs imported sections by the video timestamps they share', () => {
    const own = [s(undefined, 2, [271]), s(undefined, 3, [327]), s(undefined, 3, [408, 545])];
    const other = [s(undefined, 2, [271]), s(undefined, 3, [327]), s(undefined, 3, [408, 545])];
    expect(pairs(alignSections(own, other))).toEqual(['0|0:time', '1|1:time', '2|2:time']);
  });

  it('folds two sections into one row when the translation dropped a heading between them', () => {
    const own = [s(undefined, 2, [746]), s(undefined, 3, [1465])];
    const other = [s(undefined, 2, [746]), s(undefined, 2, [1076]), s(undefined, 3, [1465])];
    // Chinese kept the 17:56 mark but not its heading: the mark sits in the section before.
    own[0] = s(undefined, 2, [746, 1076]);
    const rows = alignSections(own, other);
    expect(pairs(rows)).toEqual(['0|0+1:time', '1|2:time']);
    expect(sharedTimes(own, other, rows)).toEqual({ shared: 3, total: 3 });
  });

  it('pairs sections without evidence by heading order where the outlines have the same shape', () => {
    const own = [s(undefined, 2, [10]), s(undefined, 3), s(undefined, 3), s(undefined, 2, [50])];
    const other = [s(undefined, 2, [10]), s(undefined, 3), s(undefined, 3), s(undefined, 2, [50])];
    expect(pairs(alignSections(own, other))).toEqual(['0|0:time', '1|1:outline', '2|2:outline', '3|3:time']);
  });

  it('does not guess by order where the outlines differ in shape', () => {
    const own = [s('a'), s(undefined, 3), s('z')];
    const other = [s('a'), s(undefined, 2), s(undefined, 3), s('z')];
    expect(pairs(alignSections(own, other))).toEqual([
      '0|0:id',
      '1|-:one-side',
      '-|1:one-side',
      '-|2:one-side',
      '2|3:id',
    ]);
  });

  it('gives a section found in one language only a row of its own', () => {
    const own = [s('a'), s('extra'), s('b')];
    const other = [s('a'), s('b')];
    expect(pairs(alignSections(own, other))).toEqual(['0|0:id', '1|-:one-side', '2|1:id']);
    expect(pairs(alignSections(other, own))).toEqual(['0|0:id', '-|1:one-side', '1|2:id']);
  });

  it('still pairs a section whose id was renamed in one language, by its place in the outline', () => {
    const own = [s('a'), s('lr-finder', 3), s('c')];
    const other = [s('a'), s('learning-rate-finder', 3), s('c')];
    expect(pairs(alignSections(own, other))).toEqual(['0|0:id', '1|1:outline', '2|2:id']);
  });

  it('keeps reading order when ids contradict it, and loses no section', () => {
    const own = [s('a'), s('b'), s('c')];
    const other = [s('c'), s('a'), s('b')];
    const rows = alignSections(own, other);
    expect(rows.flatMap((r) => r.own)).toEqual([0, 1, 2]);
    expect(rows.flatMap((r) => r.other).sort()).toEqual([0, 1, 2]);
    expect(rows.filter((r) => r.by === 'id')).toHaveLength(2);
  });

  it('aligns one side that is empty as all one-sided rows', () => {
    expect(pairs(alignSections([s('a'), s('b')], []))).toEqual(['0|-:one-side', '1|-:one-side']);
  });
});

describe('alignment of whole notes written in Markdown', () => {
  it('lines up an English note with its Chinese translation by timestamps and ids', () => {
    const en = [
      'Links',
      '',
      `## Welcome ${mark(0)}`,
      'hi',
      `### Why listen ${mark(327)}`,
      'text',
      '## Looking at data ' + mark(1076),
      'x',
      '### untar_data',
      'y',
      `### pathlib ${mark(1465)}`,
    ].join('\n');
    const zh = [
      '链接',
      '',
      `## 欢迎 ${mark(0)}`,
      '你好',
      `### 为什么 ${mark(327)}`,
      `正文 ${mark(1076)}`,
      '### untar_data',
      'y',
      `### pathlib ${mark(1465)}`,
    ].join('\n');
    const [o, t] = [outlineFromMarkdown(zh), outlineFromMarkdown(en)];
    const rows = alignSections(o, t);
    expect(pairs(rows)).toEqual(['0|0:intro', '1|1:time', '2|2+3:time', '3|4:outline', '4|5:time']);
    expect(sharedTimes(o, t, rows)).toEqual({ shared: 4, total: 4 });
  });
});
