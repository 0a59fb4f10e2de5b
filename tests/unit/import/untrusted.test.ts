import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../src/import/cli';
import type { ImportReport } from '../../../src/import/report';
import { parse, walk } from '../../../src/lib/markdown/parse';
import { writeUntrustedFiles } from '../../support/untrusted-files';

/**
 * A stranger's repository: paths that climb out of it, symbolic links, and files that are not the
 * images they are named as. Made here, never copied from real notes.
 */
let tmp = '';
let out = '';
let report: ImportReport;
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>';

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-untrusted-'));
  const repo = path.join(tmp, 'repo');
  const lesson = path.join(repo, 'english');
  fs.mkdirSync(lesson, { recursive: true });
  fs.writeFileSync(path.join(tmp, 'secret.svg'), svg);
  fs.writeFileSync(path.join(lesson, 'good.svg'), svg);
  fs.symlinkSync(path.join(tmp, 'secret.md'), path.join(repo, 'elsewhere.md'));
  writeUntrustedFiles(lesson, path.join(tmp, 'secret.svg'));
  fs.writeFileSync(
    path.join(lesson, 'Lesson1.md'),
    [
      '# Lesson 1',
      '',
      'Training a first model on pictures of pets, and reading what it gets wrong.',
      '',
      '![good](good.svg)',
      '![climb](../../../../tmp/x.png)',
      '![abs](/etc/hosts.png)',
      '![linked](linked.svg)',
      '![page](page.png)',
      '![lfs](lfs.png)',
      '![cut](cut.jpg)',
      '[passwords](../../../../etc/passwd) and [fine](https://example.com)',
      '',
    ].join('\n'),
  );
  out = path.join(tmp, 'notes');
  report = runImport({ sources: [repo], out, dryRun: false, force: false }).report;
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const lessonText = () => fs.readFileSync(path.join(out, 'lessons/en/lesson-1.md'), 'utf8');

describe('importing a repository that points outside itself', () => {
  it('writes only image and link paths that stay inside the notes folder', () => {
    const urls: string[] = [];
    walk(parse(lessonText(), { math: true }), (node) => {
      if (node.type === 'image' || node.type === 'link' || node.type === 'definition') urls.push(node.url);
    });
    expect(urls.length).toBeGreaterThanOrEqual(7);
    for (const url of urls.filter((u) => !/^[a-z]+:/i.test(u))) {
      const target = path.resolve(out, 'lessons/en', decodeURIComponent(url));
      expect(path.relative(out, target).startsWith('..'), url).toBe(false);
    }
    expect(lessonText()).toContain('![climb](./tmp/x.png)');
    expect(lessonText()).toContain('passwords and [fine](https://example.com)');
  });

  it('reports the climbing path as missing, with file and line', () => {
    expect(report.imagesMissing).toContainEqual(
      expect.objectContaining({ file: 'repo/english/Lesson1.md', line: 6, path: '../../../../tmp/x.png' }),
    );
  });

  it('refuses symbolic links, saying so, for images and for notes', () => {
    expect(report.refused).toContainEqual(
      expect.objectContaining({
        file: 'repo/english/Lesson1.md',
        line: 8,
        path: 'linked.svg',
        reason: expect.stringMatching(/^is a symbolic link \(english\/linked\.svg → .*secret\.svg\)/),
      }),
    );
    expect(report.refused).toContainEqual(
      expect.objectContaining({ file: 'repo/elsewhere.md', reason: expect.stringMatching(/^is a symbolic link/) }),
    );
    expect(report.imagesMissing.map((m) => m.path)).not.toContain('linked.svg');
    expect(
      fs
        .readdirSync(out, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.includes('linked') || f.includes('elsewhere')),
    ).toEqual([]);
  });

  it('refuses files that are not the images they claim to be, and copies the real one', () => {
    const reasons = Object.fromEntries(report.refused.filter((r) => r.note).map((r) => [r.path, [r.line, r.reason]]));
    expect(reasons['page.png']).toEqual([9, expect.stringMatching(/HTML page/)]);
    expect(reasons['lfs.png']).toEqual([10, expect.stringMatching(/Git LFS pointer/)]);
    expect(reasons['cut.jpg']).toEqual([11, expect.stringMatching(/truncated JPEG/)]);
    const copied = fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(svg|png|jpg)$/.test(f));
    expect(copied).toEqual(['lessons/en/lesson-1/good.svg']);
  });

  it('lists what it refused in the printed report', () => {
    const { text } = runImport({ sources: [path.join(tmp, 'repo')], out, dryRun: true, force: false });
    expect(text).toMatch(/refused\s+5/);
    expect(text).toContain('repo/english/Lesson1.md:10  lfs.png  is a Git LFS pointer');
  });
});
