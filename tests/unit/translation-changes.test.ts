import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { originalChanges, pageStatus } from '../../src/data/original-changes';
import { readTranslationPairs } from '../../src/data/translation-files';
import { setFrontmatterField, setYamlField } from '../../src/lib/frontmatter-field';
import { shortMessage } from '../../src/lib/command-line';
import { readableText, sectionChanges, type VersionSection } from '../../src/lib/translation/changes';
import { sourceSections } from '../../src/markdown/outline';
import { lastChange } from '../../src/node/versions';
import { scriptArgs } from '../../scripts/lib/run-script';
import { testRepo, type TestRepo } from '../support/git-repo';

const sections = (body: string): VersionSection[] =>
  sourceSections(body, { file: 'lessons/en/lesson-1.md', frontmatter: {}, notesRoot: 'tests/fixtures/notes-mini' });
const changes = (before: string, after: string, locale: 'en' | 'zh' = 'en') =>
  sectionChanges(sections(before), sections(after), locale);

const original = [
  'Intro.',
  '',
  '## Loss {#loss}',
  '',
  'The loss says how wrong the model is.',
  '',
  '## Metrics {#metrics}',
  '',
  'A metric is for people.',
  '',
  '## Old part {#old}',
  '',
  'To be removed.',
].join('\n');

describe('which sections of an original changed', () => {
  it('finds an edited paragraph, with the change by word', () => {
    const edited = original.replace('how wrong the model is', 'how wrong the model is, averaged over a batch');
    expect(changes(original, edited)).toEqual([
      {
        change: 'changed',
        title: 'Loss',
        id: 'loss',
        index: 1,
        diff: [
          { op: 'same', text: '## Loss\n\nThe loss says how wrong the model is' },
          { op: 'ins', text: ', averaged over a batch' },
          { op: 'same', text: '.' },
        ],
      },
    ]);
  });

  it('finds an added and a removed section', () => {
    const after = original.replace('## Old part {#old}\n\nTo be removed.', '## New part {#new}\n\nBrand new.');
    expect(changes(original, `${after}\n\n## Last {#last}\n\nMore.`).map((c) => [c.change, c.title])).toEqual([
      ['removed', 'Old part'],
      ['new', 'New part'],
      ['new', 'Last'],
    ]);
  });

  it('sees no change in white space, line wrapping or a renamed id with the same text', () => {
    const rewrapped = original
      .replace('The loss says how wrong the model is.', 'The loss   says how\nwrong the model is.  ')
      .replace('{#metrics}', '{#metric}');
    expect(changes(original, rewrapped)).toEqual([]);
    expect(readableText('## 损失 {#loss}\n\n损失告诉\n我们模型错了多少。')).toBe('## 损失 损失告诉我们模型错了多少。');
  });

  it('diffs Chinese by character', () => {
    const zh = '## 损失 {#loss}\n\n损失告诉我们模型错了多少。';
    const [change] = changes(zh, zh.replace('错了多少', '平均错了多少'), 'zh');
    expect(change?.diff?.filter((p) => p.op !== 'same')).toEqual([{ op: 'ins', text: '平均' }]);
  });
});

describe('writing one frontmatter field', () => {
  it('replaces the line where it is, adds it at the end, and leaves every other byte alone', () => {
    const crlf = '\uFEFF---\r\ntitle: 一\r\ntranslatedFrom: abc1234\r\nlesson: 1\r\n---\r\nBody\r\n';
    expect(setFrontmatterField(crlf, 'translatedFrom', 'f'.repeat(40))).toBe(crlf.replace('abc1234', 'f'.repeat(40)));
    const plain = '---\ntitle: A\nlist:\n  - x\n---\n\nBody with translatedFrom: in it\n';
    expect(setFrontmatterField(plain, 'translatedFrom', 'abc')).toBe(
      '---\ntitle: A\nlist:\n  - x\ntranslatedFrom: abc\n---\n\nBody with translatedFrom: in it\n',
    );
    expect(setFrontmatterField('No frontmatter.\n', 'translatedFrom', 'abc')).toBe(
      '---\ntranslatedFrom: abc\n---\nNo frontmatter.\n',
    );
    expect(setYamlField('title: A\ntranslatedFrom: |\n  old\n', 'translatedFrom', 'abc')).toBe(
      'title: A\ntranslatedFrom: abc\n',
    );
  });
});

describe('a translation and its original in git', () => {
  const repos: TestRepo[] = [];
  afterAll(() => repos.forEach((r) => r.remove()));
  const note = (title: string, body: string, extra = '') =>
    `---\ntitle: "${title}"\nlesson: 1\npart: 1\nsummary: "s"\n${extra}---\n\n${body}`;
  const day = 86_400;
  const t0 = 1_700_000_000;

  /** The original (English) on day 0, its translation on day 1, two sections of the original changed on day 2. */
  function history(): TestRepo {
    const repo = testRepo('changes-');
    repos.push(repo);
    repo.write('lessons/en/lesson-1.md', note('One', original));
    repo.commit('original', t0);
    repo.write('lessons/zh/lesson-1.md', note('一', original.replace('Intro.', '导言。')));
    repo.commit('translate', t0 + day);
    repo.write(
      'lessons/en/lesson-1.md',
      note('One', original.replace('how wrong', 'how badly wrong').replace('for people', 'for people to read')),
    );
    repo.commit('edit two sections', t0 + 2 * day);
    return repo;
  }
  const status = (repo: TestRepo) => {
    const warnings: string[] = [];
    const [pair] = readTranslationPairs(repo.root);
    return { status: pageStatus(pair!, repo.root, (m) => warnings.push(m)), pair: pair!, warnings };
  };

  it('follows the original as of the translation’s last commit, or as translatedFrom pins it', () => {
    const repo = history();
    const first = repo.git(['rev-list', '--max-parents=0', 'HEAD']).trim();
    const byHistory = status(repo).status.stale;
    expect(byHistory).toMatchObject({ behind: 'zh', by: 'git', follows: { hash: first, by: 'history' } });
    expect(byHistory?.sections?.map((c) => [c.change, c.id])).toEqual([
      ['changed', 'loss'],
      ['changed', 'metrics'],
    ]);

    const head = repo.git(['rev-parse', 'HEAD']).trim();
    for (const pin of [head.slice(0, 7), head, '2023-11-16']) {
      const text = repo.read('lessons/zh/lesson-1.md').replace(/translatedFrom: .*\n/, '');
      repo.write('lessons/zh/lesson-1.md', text.replace('---\n\n', `translatedFrom: ${pin}\n---\n\n`));
      const pinned = status(repo);
      expect(pinned.status.stale, `translatedFrom: ${pin}`).toBeUndefined();
      expect(pinned.status.complete).toBe(true);
    }
    // A day before the edit pins the first version: both sections are behind again.
    const text = repo.read('lessons/zh/lesson-1.md').replace(/translatedFrom: .*\n/, 'translatedFrom: 2023-11-15\n');
    repo.write('lessons/zh/lesson-1.md', text);
    expect(status(repo).status.stale?.sections).toHaveLength(2);
  });

  it('does not take a shallow clone’s cut-off for a version, and falls back to dates', () => {
    const repo = history();
    const shallow = `${repo.root}-shallow`;
    repos.push({ ...repo, remove: () => fs.rmSync(shallow, { recursive: true, force: true }) });
    spawnSync('git', ['clone', '-q', '--depth', '1', `file://${repo.root}`, shallow]);
    expect(lastChange(path.join(shallow, 'lessons/en/lesson-1.md'))).toBeUndefined();
    expect(lastChange(path.join(repo.root, 'lessons/en/lesson-1.md'))?.hash).toBe(
      repo.git(['rev-parse', 'HEAD']).trim(),
    );
    const [pair] = readTranslationPairs(shallow);
    expect(originalChanges(pair!.sides.en!, pair!.sides.zh!, shallow, () => {})).toBeUndefined();
  });

  it('reports a translatedFrom that names no commit, and falls back to dates', () => {
    const repo = history();
    repo.write(
      'lessons/zh/lesson-1.md',
      repo.read('lessons/zh/lesson-1.md').replace('---\n\n', 'translatedFrom: 1234567\n---\n\n'),
    );
    const { status: s, warnings, pair } = status(repo);
    expect(warnings).toEqual([expect.stringMatching(/lesson-1\.md: translatedFrom: 1234567 is not a commit/)]);
    expect(s.stale).toMatchObject({ by: 'git', behind: 'zh' });
    expect(s.stale?.sections).toBeUndefined();
    expect(originalChanges(pair.sides.en!, pair.sides.zh!, repo.root, () => {})).toBeUndefined();
  });

  it('--mark writes translatedFrom and nothing else, and refuses while the original has uncommitted changes', () => {
    const repo = history();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, scriptArgs('scripts/status.ts', ...args), {
        encoding: 'utf8',
        env: { ...process.env, NOTES_DIR: repo.root },
      });
    const before = repo.read('lessons/zh/lesson-1.md');
    const marked = run('--mark', 'lessons/lesson-1');
    expect(marked.status, marked.stderr).toBe(0);
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    expect(marked.stdout).toContain(`wrote translatedFrom: ${head} in`);
    expect(repo.read('lessons/zh/lesson-1.md')).toBe(before.replace('---\n\n', `translatedFrom: ${head}\n---\n\n`));
    expect(run('--strict').status).toBe(0);

    repo.write('lessons/en/lesson-1.md', `${repo.read('lessons/en/lesson-1.md')}\nMore.\n`);
    const refused = run('--mark', path.join(repo.root, 'lessons/zh/lesson-1.md'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/has changes that are not committed/);
  }, 60_000);
});

describe('command lines', () => {
  it('names a mistake in one short line', () => {
    expect(shortMessage('ERR_PARSE_ARGS_UNKNOWN_OPTION', "Unknown option '--bogus'. To specify a positional…")).toBe(
      'unknown option --bogus',
    );
    expect(shortMessage('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', "Option '--diff <value>' argument missing")).toBe(
      "option '--diff <value>' argument missing",
    );
  });
});
