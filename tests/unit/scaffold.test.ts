import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newLesson, newLog } from '../../src/scaffold/cli';
import {
  localNow,
  logSlug,
  parseDay,
  parseTags,
  planLesson,
  planLogEntry,
  ScaffoldError,
  writeNewFiles,
} from '../../src/scaffold/new-entry';
import { dateFromLogSlug } from '../../src/lib/log';

let root: string;
let out: string[];
let err: string[];
const io = (now = new Date(2023, 4, 26, 14, 50, 11)) => ({
  notesRoot: root,
  now,
  out: (l: string) => out.push(l),
  err: (l: string) => err.push(l),
});
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const front = (rel: string) => parse(read(rel).split('---')[1] ?? '') as Record<string, unknown>;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'scaffold-'));
  out = [];
  err = [];
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('log entry names', () => {
  it('numbers a second and third entry on the same day', () => {
    expect(logSlug('2023-05-26', [])).toBe('2023-05-26');
    expect(logSlug('2023-05-26', ['2023-05-25', '2023-05-26'])).toBe('2023-05-26-2');
    expect(logSlug('2023-05-26', ['2023-05-26', '2023-05-26-2'])).toBe('2023-05-26-3');
  });
  it('gives names the site reads back as the same day', () => {
    expect(dateFromLogSlug(logSlug('2023-05-26', ['2023-05-26']))).toBe('2023-05-26');
  });
  it('reads today from the local clock', () => {
    expect(localNow(new Date(2023, 0, 5, 9, 3, 7))).toEqual({ date: '2023-01-05', time: '09:03:07' });
  });
  it('rejects a day that does not exist and a tag that cannot be a URL', () => {
    expect(() => parseDay('2023-02-30')).toThrow(ScaffoldError);
    expect(() => parseDay('26/05/2023')).toThrow(/YYYY-MM-DD/);
    expect(parseTags(' YOLO, object-detection,,yolo')).toEqual(['yolo', 'object-detection']);
    expect(() => parseTags('object detection')).toThrow(/"object detection"/);
  });
});

describe('planned files', () => {
  it('writes complete frontmatter the schema accepts, in both languages', () => {
    const files = planLogEntry({ date: '2023-05-26', time: '14:50:11', tags: ['yolo'], taken: [] });
    expect(files.map((f) => f.path)).toEqual(['log/zh/2023-05-26.md', 'log/en/2023-05-26.md']);
    const [zh, en] = files.map((f) => parse(f.text.split('---')[1] ?? '') as Record<string, unknown>);
    expect(en).toMatchObject({ time: '14:50:11', tags: ['yolo'] });
    expect(String(en?.['date'])).toMatch(/^2023-05-26/);
    expect(zh?.['title']).not.toBe(en?.['title']);
    expect(String(zh?.['title'])).toMatch(/[\u4e00-\u9fff]/);
  });
  it('keeps a title with quotes and colons intact', () => {
    const [file] = planLogEntry({ date: '2023-05-26', time: '14:50', title: 'mAP: "why" #2', tags: [], taken: [] });
    expect(parse(file!.text.split('---')[1]!)).toMatchObject({ title: 'mAP: "why" #2' });
  });
  it('works out a lesson’s part and refuses numbers outside the course', () => {
    expect(planLesson('9').map((f) => [f.path, (parse(f.text.split('---')[1]!) as { part: number }).part])).toEqual([
      ['lessons/zh/lesson-9.md', 2],
      ['lessons/en/lesson-9.md', 2],
    ]);
    expect(() => planLesson('13')).toThrow(/from 1 to 12/);
    expect(() => planLesson('two')).toThrow(ScaffoldError);
  });
});

describe('writing', () => {
  it('never overwrites: an existing file stops the whole write and both files stay as they were', () => {
    fs.mkdirSync(path.join(root, 'log/en'), { recursive: true });
    fs.writeFileSync(path.join(root, 'log/en/x.md'), 'mine');
    expect(() =>
      writeNewFiles(root, [
        { path: 'log/zh/x.md', text: 'new' },
        { path: 'log/en/x.md', text: 'new' },
      ]),
    ).toThrow(/already exists/);
    expect(read('log/en/x.md')).toBe('mine');
    expect(fs.existsSync(path.join(root, 'log/zh/x.md'))).toBe(false);
  });

  it('new:log creates today’s pair, then a -2 pair, and prints the paths', () => {
    expect(newLog(['--tags', 'yolo,map', '--title', 'Anchors'], io())).toBe(0);
    expect(newLog([], io())).toBe(0);
    expect(out.map((p) => path.relative(root, p))).toEqual([
      'log/zh/2023-05-26.md',
      'log/en/2023-05-26.md',
      'log/zh/2023-05-26-2.md',
      'log/en/2023-05-26-2.md',
    ]);
    expect(front('log/en/2023-05-26.md')).toMatchObject({ title: 'Anchors', time: '14:50:11', tags: ['yolo', 'map'] });
    expect(front('log/zh/2023-05-26-2.md')['tags']).toEqual([]);
  });

  it('numbers past a day that only one language has, so the pair keeps one name', () => {
    fs.mkdirSync(path.join(root, 'log/zh'), { recursive: true });
    fs.writeFileSync(path.join(root, 'log/zh/2023-05-26.md'), 'only Chinese');
    expect(newLog(['--date', '2023-05-26'], io())).toBe(0);
    expect(read('log/zh/2023-05-26.md')).toBe('only Chinese');
    expect(fs.existsSync(path.join(root, 'log/en/2023-05-26.md'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'log/en/2023-05-26-2.md'))).toBe(true);
  });

  it('explains a bad option and exits with 2, writing nothing', () => {
    expect(newLog(['--day', '2023-05-26'], io())).toBe(2);
    expect(err.join('\n')).toMatch(/--day[\s\S]*Usage: npm run new:log/);
    expect(newLog(['--date', '2023-13-01'], io())).toBe(2);
    expect(fs.existsSync(path.join(root, 'log'))).toBe(false);
  });

  it('new:lesson refuses to replace a lesson that exists', () => {
    expect(newLesson(['3'], io())).toBe(0);
    fs.writeFileSync(path.join(root, 'lessons/en/lesson-3.md'), 'written by hand');
    expect(newLesson(['3'], io())).toBe(2);
    expect(read('lessons/en/lesson-3.md')).toBe('written by hand');
    expect(err.join('\n')).toMatch(/lesson-3\.md.*already exist/);
  });
});
