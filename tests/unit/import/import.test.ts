import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main, runImport, type CliOptions } from '../../../src/import/cli';
import { formulaImageTex } from '../../../src/import/formula-images';
import { splitFrontmatter } from '../../../src/import/frontmatter';
import { damage } from '../../../scripts/bench/mojibake-bench';

const fixture = path.resolve('tests/fixtures/import/repo');
let tmp: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-unit-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** A copy of the fixture repository under a chosen folder name (the name prefixes `source`). */
function source(name = 'repo'): string {
  const dir = path.join(tmp, 'src', name);
  fs.cpSync(fixture, dir, { recursive: true });
  return dir;
}

function run(sources: string[], extra: Partial<CliOptions> = {}) {
  return runImport({ sources, out: path.join(tmp, 'notes'), dryRun: false, force: false, ...extra }).report;
}

function read(p: string): string {
  return fs.readFileSync(path.join(tmp, 'notes', p), 'utf8');
}

function front(p: string): Record<string, unknown> {
  return splitFrontmatter(read(p)).data ?? {};
}

/** Every file of the notes folder with its hash, to compare two runs byte for byte. */
function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  const root = path.join(tmp, 'notes');
  for (const f of fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    const abs = path.join(root, f);
    if (fs.statSync(abs).isFile()) out[f] = createHash('sha256').update(fs.readFileSync(abs)).digest('hex');
  }
  return out;
}

describe('importing a notes repository', () => {
  it('writes lessons that pair up by number, loose notes and the study log', () => {
    const report = run([source()]);
    expect(report.lessonsPaired).toEqual([1]);
    expect(report.lessonsUnpaired).toEqual(['zh:8']);
    expect(report.logEntries).toBe(5);
    expect(report.notes).toBe(4);
    expect(fs.readdirSync(path.join(tmp, 'notes/log/zh')).filter((f) => f.endsWith('.md'))).toEqual([
      '2024-03-11.md',
      '2024-03-12.md',
      '2024-03-14-1.md',
      '2024-03-14-2.md',
      '2024-03-15.md',
    ]);
    expect(fs.readdirSync(path.join(tmp, 'notes/notes/zh')).sort()).toEqual(['icevision-note.md', 'repo.md']);
    expect(fs.readdirSync(path.join(tmp, 'notes/notes/en')).sort()).toEqual(['broken.md', 'fastai-code.md']);
  });

  it('gives every lesson the front matter the site requires', () => {
    run([source()]);
    for (const [p, lesson, part] of [
      ['lessons/zh/lesson-1.md', 1, 1],
      ['lessons/en/lesson-1.md', 1, 1],
      ['lessons/zh/lesson-8.md', 8, 2],
    ] as const) {
      const data = front(p);
      expect(data).toMatchObject({ lesson, part });
      expect(String(data['title']).length).toBeGreaterThan(0);
      expect(String(data['summary']).length).toBeGreaterThan(0);
      expect(() => new URL(String(data['video']))).not.toThrow();
    }
    expect(front('lessons/zh/lesson-8.md')['title']).toBe('从零开始的深度学习');
    expect(front('lessons/en/lesson-1.md')['source']).toBe('repo/english/Lesson1.md');
    expect(read('lessons/en/lesson-1.md')).not.toMatch(/^# /m);
  });

  it('keeps each log entry’s body, markers and task lists, with the time in front matter', () => {
    run([source()]);
    expect(front('log/zh/2024-03-14-1.md')).toMatchObject({ time: '09:05:00', tags: [] });
    expect(front('log/zh/2024-03-14-2.md')).toMatchObject({ time: '14:50:11' });
    expect(front('log/zh/2024-03-12.md')['title']).toBe('ToDo');
    const entry = read('log/zh/2024-03-15.md');
    for (const text of ['✔️ 跑通了第一课的笔记本', '- ❌ 还没有看论文', '- [x] 复习学习率', '- [ ] 写总结', '#export'])
      expect(entry).toContain(text);
    expect(read('log/zh/2024-03-14-1.md')).toContain('2024年3月14日10:00:00 补充');
    expect(String(front('log/zh/2024-03-15.md')['date'])).toBe('2024-03-15');
  });

  it('leaves the rest of the README as a note that points to the log', () => {
    run([source()]);
    const note = read('notes/zh/repo.md');
    expect(note).toContain('[学习日志](/zh/log/)');
    expect(note).toContain('以下是附录');
    expect(note).toContain('[lesson8](../../lessons/zh/lesson-8.md)');
    expect(note).not.toContain('2024年3月15日');
  });

  it('copies images beside the note and reports the missing ones with note, file and line', () => {
    const report = run([source()]);
    expect(fs.existsSync(path.join(tmp, 'notes/lessons/zh/lesson-1/lesson1/cat.svg'))).toBe(true);
    expect(fs.existsSync(path.join(tmp, 'notes/log/zh/2024-03-12/misc/diagram.svg'))).toBe(true);
    expect(read('lessons/zh/lesson-1.md')).toContain('![](lesson-1/lesson1/cat.svg)');
    expect(read('lessons/zh/lesson-1.md')).toContain('![远程图片](https://example.com/remote.png)');
    expect(report.imagesMissing).toEqual([
      { file: 'repo/chinese/Lesson1.md', line: 16, note: 'lessons/zh/lesson-1.md', path: 'lesson1/missing.png' },
      { file: 'repo/english/Lesson1.md', line: 13, note: 'lessons/en/lesson-1.md', path: 'lesson1/gone.png' },
      {
        file: 'repo/lesson8/lesson8.md',
        line: 10,
        note: 'lessons/zh/lesson-8.md',
        path: 'Snipaste_2021-09-28_11-00-21.png',
      },
    ]);
    expect(report.imagesCopied).toBe(3);
  });

  it('removes active content and reports each removal with file and line', () => {
    const report = run([source()]);
    expect(report.htmlRemoved.map((h) => `${h.file}:${h.line} ${h.what}`)).toEqual([
      'repo/chinese/Lesson1.md:45 <script>',
      'repo/chinese/Lesson1.md:47 javascript: URL in href of <a>',
      'repo/chinese/Lesson1.md:47 onclick handler on <a>',
      'repo/chinese/Lesson1.md:49 <iframe>',
    ]);
    const zh = read('lessons/zh/lesson-1.md');
    expect(zh).not.toMatch(/<script|<iframe|onclick|javascript:/);
    expect(zh).toContain('<a>危险链接</a>');
  });

  it('keeps broken front matter visible and reports it', () => {
    const report = run([source()]);
    expect(report.brokenFrontmatter).toEqual([{ file: 'repo/misc/broken.md', line: 1 }]);
    expect(read('notes/en/broken.md')).toContain('```yaml\ntitle: [unclosed\ntags: a, b\n```');
  });

  it('loses no line of the author’s text', () => {
    run([source()]);
    const outputs = ['lessons', 'log', 'notes'].flatMap((c) =>
      fs
        .readdirSync(path.join(tmp, 'notes', c), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .map((f) => read(`${c}/${f}`)),
    );
    const all = outputs.join('\n');
    for (const file of fs
      .readdirSync(fixture, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))) {
      const lines = fs.readFileSync(path.join(fixture, file), 'utf8').split('\n');
      for (const line of lines) {
        if (/^#\s*(第一课|Lesson 1)$|^#{1,4} 2024年|^---$|<script|<iframe|alert\(|^title:|^tags:/.test(line)) continue;
        const words = withoutTagSyntax(line).match(/[\p{L}\p{N}]{2,}/gu) ?? [];
        for (const w of words) expect(all, `${file}: ${line}`).toContain(w);
      }
    }
  });
});

/**
 * The words of a line of HTML are its text and attribute values, not its tag syntax; minus style,
 * and minus a formula image's URL, which becomes the TeX its title holds (still checked).
 */
function withoutTagSyntax(line: string): string {
  return line
    .replace(
      /<\/?[a-z][^>]*>/gi,
      (tag) =>
        ` ${[...tag.matchAll(/(\w+)="([^"]*)"/g)]
          .filter((m) => m[1] !== 'style' && !(m[1] === 'src' && formulaImageTex(m[2]!) !== undefined))
          .map((m) => m[2])
          .join(' ')} `,
    )
    .replace(/&[a-z]+;/gi, ' ');
}

describe('encodings', () => {
  it('reads GB18030, UTF-16 with BOM and repairs mojibake, and reports each', () => {
    const dir = path.join(tmp, 'src', 'enc');
    fs.mkdirSync(path.join(dir, 'chinese'), { recursive: true });
    const text = (n: number) => `# 第${n}课\n\n这一课讲卷积神经网络和学习率，内容很多。\n`;
    fs.writeFileSync(path.join(dir, 'chinese/Lesson1.md'), iconv.encode(text(1), 'gb18030'));
    fs.writeFileSync(
      path.join(dir, 'chinese/Lesson2.md'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text(2), 'utf16le')]),
    );
    const garbled = [...Buffer.from(text(3), 'utf8')]
      .map((b) => iconv.decode(Buffer.from([b]), 'windows-1252').replace('\uFFFD', String.fromCharCode(b)))
      .join('');
    fs.writeFileSync(path.join(dir, 'chinese/Lesson3.md'), garbled, 'utf8');
    const report = run([dir]);
    expect(report.encodingRepairs.map((e) => `${e.file}: ${e.detail}`)).toEqual([
      'enc/chinese/Lesson1.md: GB18030 → UTF-8',
      'enc/chinese/Lesson2.md: UTF-16LE (BOM) → UTF-8',
      expect.stringMatching(/^enc\/chinese\/Lesson3\.md: mojibake repaired in \d+ places?$/),
    ]);
    for (const n of [1, 2, 3])
      expect(read(`lessons/zh/lesson-${n}.md`)).toContain('这一课讲卷积神经网络和学习率，内容很多。');
  });
});

describe('restored encoding: places to check', () => {
  // Our own sentences, damaged here as real files were (every lost byte gone). Line 5 leaves 中 with
  // no words around it: 不 and 中 keep the same bytes, and alone the commoner 不 is only likelier.
  const lines = [
    '# 第三课',
    '',
    '今天学习了卷积神经网络，先看数据，再训练模型。',
    '学习率太大时损失会发散，太小时训练很慢。',
    '选项：中',
  ];

  it('keeps the likeliest reading in the text and lists the place with file, line and the other readings', () => {
    const dir = path.join(tmp, 'src', 'enc');
    fs.mkdirSync(path.join(dir, 'chinese'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'chinese/Lesson3.md'), `${damage(lines.join('\n'), () => 1)}\n`);
    const { report, text } = runImport({ sources: [dir], out: path.join(tmp, 'notes'), dryRun: false, force: false });
    expect(read('lessons/zh/lesson-3.md')).toContain('学习率太大时损失会发散，太小时训练很慢。\n选项：不\n');
    expect(report.restorationsToCheck).toEqual([
      {
        file: 'enc/chinese/Lesson3.md',
        line: 5,
        column: 4,
        restored: '不',
        alternatives: ['中', '丁'],
        confidence: expect.closeTo(0.58, 1),
        context: '选项：「不」',
      },
    ]);
    expect(text).toContain('restored encoding: places to check (1; the text has the first reading)');
    expect(text).toContain('enc/chinese/Lesson3.md:5:4 — 不 (or 中, 丁)  …选项：「不」…');
    expect(report.encodingRepairs.map((e) => e.detail).join('\n')).toMatch(
      /1 not sure, listed under "restored encoding: places to check"/,
    );
  });
});

describe('running again', () => {
  it('produces byte-identical output and rewrites nothing', () => {
    const src = source();
    run([src]);
    const first = snapshot();
    const again = run([src]);
    expect(snapshot()).toEqual(first);
    expect(again.files).toEqual({ unchanged: Object.keys(first).length - 1 });
  });

  it('never overwrites a file edited after the import: the new version goes to .incoming', () => {
    const src = source();
    run([src]);
    const edited = path.join(tmp, 'notes/lessons/zh/lesson-8.md');
    fs.appendFileSync(edited, '\nMy own addition.\n');
    const mine = fs.readFileSync(edited, 'utf8');
    fs.appendFileSync(path.join(src, 'lesson8/lesson8.md'), '\n新的一段。\n');

    const report = run([src]);
    expect(report.conflicts).toEqual(['lessons/zh/lesson-8.md']);
    expect(fs.readFileSync(edited, 'utf8')).toBe(mine);
    expect(fs.readFileSync(`${edited}.incoming`, 'utf8')).toContain('新的一段。');
    expect(run([src]).conflicts).toEqual(['lessons/zh/lesson-8.md']);

    const forced = run([src], { force: true });
    expect(forced.conflicts).toEqual([]);
    expect(forced.files.force).toBe(1);
    expect(fs.readFileSync(edited, 'utf8')).toContain('新的一段。');
    expect(fs.existsSync(`${edited}.incoming`)).toBe(false);
  });

  it('treats a file it did not write as the person’s own', () => {
    const src = source();
    fs.mkdirSync(path.join(tmp, 'notes/lessons/zh'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'notes/lessons/zh/lesson-8.md'), 'hand-written\n');
    expect(run([src]).conflicts).toEqual(['lessons/zh/lesson-8.md']);
    expect(read('lessons/zh/lesson-8.md')).toBe('hand-written\n');
  });

  it('removes what a source no longer produces, unless it was edited', () => {
    const src = source();
    run([src]);
    fs.rmSync(path.join(src, 'misc/icevisionNote.md'));
    fs.rmSync(path.join(src, 'misc/broken.md'));
    fs.appendFileSync(path.join(tmp, 'notes/notes/en/broken.md'), 'edited\n');
    const report = run([src]);
    expect(report.files.remove).toBe(1);
    expect(report.files['keep-edited']).toBe(1);
    expect(fs.existsSync(path.join(tmp, 'notes/notes/zh/icevision-note.md'))).toBe(false);
    expect(fs.existsSync(path.join(tmp, 'notes/notes/en/broken.md'))).toBe(true);
  });

  it('writes nothing on --dry-run and prints the plan', () => {
    const src = source();
    const { report, text } = runImport({ sources: [src], out: path.join(tmp, 'notes'), dryRun: true, force: false });
    expect(fs.existsSync(path.join(tmp, 'notes'))).toBe(false);
    expect(report.files.create).toBeGreaterThan(10);
    expect(text).toContain('dry run');
    expect(text).toContain('create      lessons/zh/lesson-1.md');
  });
});

describe('several sources into one notes folder', () => {
  it('keeps both, renaming the newcomer, whether imported together or one after the other', () => {
    const a = source('notes-a');
    const b = source('notes-b');
    run([a]);
    const report = run([b]);
    expect(report.conflicts).toEqual([]);
    expect(read('lessons/zh/lesson-1.md')).toContain('source: "notes-a/chinese/Lesson1.md"');
    expect(read('lessons/zh/lesson-1-notes-b.md')).toContain('source: "notes-b/chinese/Lesson1.md"');
    expect(fs.existsSync(path.join(tmp, 'notes/log/zh/2024-03-15-1.md'))).toBe(true);
    const before = snapshot();
    run([a]);
    expect(snapshot()).toEqual(before);
  });
});

describe('command line', () => {
  it('exits non-zero and names the file on a fatal error', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(main([path.join(tmp, 'nope'), '--out', path.join(tmp, 'notes')])).toBe(1);
    expect(error.mock.calls.join(' ')).toContain(path.join(tmp, 'nope'));
  });

  it('explains its usage when arguments are missing', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(main(['only-a-source'])).toBe(2);
    expect(error.mock.calls.join(' ')).toContain('--out <notes-dir> is required');
  });

  it('writes the report as JSON with --json', () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const json = path.join(tmp, 'report.json');
    expect(main([source(), '--out', path.join(tmp, 'notes'), '--json', json])).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toMatchObject({ logEntries: 5, lessonsPaired: [1] });
  });
});

describe('command line: --help and unknown options', () => {
  it('prints the usage and exits 0 on --help', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(main(['--help'])).toBe(0);
    expect(log.mock.calls.join('\n')).toMatch(/^Usage: npm run import -- <source-dir>/);
  });

  it('names an unknown option and shows the usage', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(main(['src', '--out', 'x', '--frobnicate'])).toBe(2);
    expect(error.mock.calls.join(' ')).toMatch(/--frobnicate[\s\S]*Usage:/);
  });
});
