import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutlineSection } from '../../src/lib/parallel/align';
import { readTranslationPairs } from '../../src/data/translation-files';
import { pairStatus, pairUp, type TranslationSide } from '../../src/lib/translation/status';
import { scriptArgs } from '../../scripts/lib/run-script';
import { gitAt } from '../support/git-repo';

const sec = (id: string, title = id): OutlineSection => ({ id, depth: 2, title, times: [] });
const side = (
  locale: 'zh' | 'en',
  outline: OutlineSection[],
  extra: Partial<TranslationSide> = {},
): TranslationSide => ({
  locale,
  title: `${locale} title`,
  file: `lessons/${locale}/lesson-1.md`,
  outline,
  ...extra,
});
const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('pairStatus', () => {
  it('calls a page with the same sections and no newer original complete', () => {
    const s = pairStatus({
      kind: 'lessons',
      slug: 'lesson-1',
      sides: { zh: side('zh', [sec('a'), sec('b')]), en: side('en', [sec('a'), sec('b')]) },
    });
    expect(s).toMatchObject({ complete: true, onlyIn: {}, rows: { shared: 2, total: 2 } });
    expect(s.stale).toBeUndefined();
    expect(s.missing).toBeUndefined();
  });

  it('names the language a page is missing in', () => {
    const s = pairStatus({ kind: 'lessons', slug: 'lesson-8', sides: { zh: side('zh', [sec('a')]) } });
    expect(s).toMatchObject({ missing: 'en', complete: false, titles: { zh: 'zh title' } });
  });

  it('lists a section found in one language only, with its title', () => {
    const s = pairStatus({
      kind: 'lessons',
      slug: 'lesson-1',
      sides: {
        zh: side('zh', [sec('a'), sec('b')]),
        en: side('en', [sec('a'), sec('extra', 'An extra section'), sec('b')]),
      },
    });
    expect(s.onlyIn).toEqual({ en: ['An extra section'] });
    expect(s.complete).toBe(false);
  });

  it('is stale by date when the original was updated after the translation', () => {
    const s = pairStatus({
      kind: 'notes',
      slug: 'glossary',
      sides: {
        zh: side('zh', [sec('a')], { updated: d('2024-01-01'), translationOf: 'en' }),
        en: side('en', [sec('a')], { updated: d('2024-03-01') }),
      },
    });
    expect(s.original).toEqual({ locale: 'en', by: 'frontmatter' });
    expect(s.stale).toEqual({ behind: 'zh', by: 'date', changed: d('2024-03-01'), since: d('2024-01-01') });
  });

  it('is not stale when only the translation changed later', () => {
    const s = pairStatus({
      kind: 'notes',
      slug: 'glossary',
      sides: {
        zh: side('zh', [sec('a')], { updated: d('2024-05-01'), translationOf: 'en' }),
        en: side('en', [sec('a')], { updated: d('2024-03-01') }),
      },
    });
    expect(s.stale).toBeUndefined();
    expect(s.complete).toBe(true);
  });

  it('prefers git over frontmatter dates, and takes the older file as the original', () => {
    const s = pairStatus({
      kind: 'lessons',
      slug: 'lesson-1',
      sides: {
        // Frontmatter says the same day; git knows English was added first and changed last.
        zh: side('zh', [sec('a')], {
          updated: d('2024-01-01'),
          firstCommit: d('2024-02-01'),
          lastCommit: d('2024-02-01'),
        }),
        en: side('en', [sec('a')], {
          updated: d('2024-01-01'),
          firstCommit: d('2024-01-05'),
          lastCommit: d('2024-04-01'),
        }),
      },
    });
    expect(s.original).toEqual({ locale: 'en', by: 'history' });
    expect(s.stale).toMatchObject({ behind: 'zh', by: 'git' });
  });
});

describe('pairUp', () => {
  it('pairs sides by kind and slug and orders lessons by number', () => {
    const mk = (kind: 'lessons' | 'log', slug: string, locale: 'zh' | 'en') => ({ kind, slug, ...side(locale, []) });
    const pairs = pairUp([
      mk('lessons', 'lesson-10', 'zh'),
      mk('log', '2023-05-11', 'en'),
      mk('lessons', 'lesson-2', 'en'),
      mk('lessons', 'lesson-2', 'zh'),
    ]);
    expect(pairs.map((p) => `${p.kind}/${p.slug}:${Object.keys(p.sides).sort().join('+')}`)).toEqual([
      'lessons/lesson-2:en+zh',
      'lessons/lesson-10:zh',
      'log/2023-05-11:en',
    ]);
  });
});

describe('reading a notes folder in a git checkout, and npm run status', () => {
  const temps: string[] = [];
  afterAll(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));
  const git = gitAt;
  const write = (root: string, rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  const lesson = (title: string, sections: string) =>
    `---\ntitle: "${title}"\nlesson: 1\npart: 1\nsummary: "s"\nupdated: 2024-01-01\n---\n\nIntro.\n\n${sections}`;

  function repo() {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'status-test-')));
    temps.push(root);
    git(root, ['init', '-q', '-b', 'main'], 1_700_000_000);
    write(root, 'lessons/en/lesson-1.md', lesson('One', '## A {#a}\ntext\n\n## B {#b}\ntext\n'));
    write(root, 'lessons/zh/lesson-1.md', lesson('一', '## 甲 {#a}\n正文\n\n## 乙 {#b}\n正文\n'));
    write(
      root,
      'lessons/zh/lesson-8.md',
      lesson('八', '## 甲 {#a}\n正文\n').replace('lesson: 1\npart: 1', 'lesson: 8\npart: 2'),
    );
    git(root, ['add', '.'], 1_700_000_000);
    git(root, ['commit', '-q', '-m', 'one'], 1_700_000_000);
    return root;
  }

  it('finds the page that is stale by git, even though the frontmatter dates agree', () => {
    const root = repo();
    write(root, 'lessons/en/lesson-1.md', lesson('One', '## A {#a}\ntext\n\n## B {#b}\nmore text\n\n## C {#c}\nnew\n'));
    git(root, ['commit', '-q', '-am', 'two'], 1_700_100_000);
    const statuses = readTranslationPairs(root).map(pairStatus);
    const one = statuses.find((s) => s.slug === 'lesson-1')!;
    expect(one.stale).toMatchObject({
      behind: 'zh',
      by: 'git',
      changed: new Date(1_700_100_000_000),
      since: new Date(1_700_000_000_000),
    });
    expect(one.onlyIn).toEqual({ en: ['C'] });
    expect(statuses.find((s) => s.slug === 'lesson-8')).toMatchObject({ missing: 'en' });
  }, 30_000);

  /** A notebook whose Markdown cells are these sources, each followed by a code cell. */
  const notebook = (markdown: string[], notes: Record<string, unknown> = {}) =>
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { notes },
      cells: markdown.flatMap((source) => [
        { cell_type: 'markdown', metadata: {}, source },
        { cell_type: 'code', metadata: {}, source: 'x = 1', execution_count: null, outputs: [] },
      ]),
    });

  it('reads notebooks as pairs too: title from the metadata, sections from the Markdown cells', () => {
    const root = repo();
    write(root, 'notebooks/en/sgd.ipynb', notebook(['# SGD', '## Data {#data}\ntext', '## Loss {#loss}\ntext']));
    write(
      root,
      'notebooks/zh/sgd.ipynb',
      notebook(['# 随机梯度下降', '## 数据 {#data}\n正文'], { title: '从零实现 SGD', lesson: 4 }),
    );
    write(root, 'notebooks/zh/only-zh.ipynb', notebook(['# 只有中文']));
    write(root, 'notebooks/zh/sgd.yml', 'lesson: 4\n');
    const statuses = readTranslationPairs(root).map(pairStatus);
    const sgd = statuses.find((s) => s.kind === 'notebooks' && s.slug === 'sgd')!;
    expect(sgd.titles).toEqual({ zh: '从零实现 SGD', en: 'SGD' });
    expect(sgd.onlyIn).toEqual({ en: ['Loss'] });
    expect(sgd.complete).toBe(false);
    expect(statuses.find((s) => s.slug === 'only-zh')).toMatchObject({ kind: 'notebooks', missing: 'en' });
    expect(statuses.map((s) => s.kind)).toEqual(['lessons', 'lessons', 'notebooks', 'notebooks']);
  }, 30_000);

  it('names the notebook whose JSON is broken', () => {
    const root = repo();
    write(root, 'notebooks/en/broken.ipynb', '{"cells": [');
    expect(() => readTranslationPairs(root)).toThrow(/notebooks\/en\/broken\.ipynb/);
  }, 30_000);

  const run = (root: string, ...args: string[]) =>
    spawnSync(process.execPath, scriptArgs('scripts/status.ts', ...args), {
      encoding: 'utf8',
      env: { ...process.env, NOTES_DIR: root },
    });

  it('prints the table, JSON for scripts, and fails under --strict only when something needs work', () => {
    const root = repo();
    const table = run(root);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/lessons\s+lesson-1\s+✓\s+✓\s+3\/3\s+Complete/);
    expect(table.stdout).toMatch(/lessons\s+lesson-8\s+✓\s+—\s+0\/0\s+No English version yet/);
    expect(table.stdout).toContain('2 pages: 1 complete, 1 in one language only');
    const json = JSON.parse(run(root, '--json').stdout) as { slug: string; missing?: string }[];
    expect(json.map((s) => [s.slug, s.missing ?? null])).toEqual([
      ['lesson-1', null],
      ['lesson-8', 'en'],
    ]);
    expect(run(root, '--strict').status).toBe(1);
    fs.rmSync(path.join(root, 'lessons/zh/lesson-8.md'));
    expect(run(root, '--strict').status).toBe(0);
  }, 120_000);
});
