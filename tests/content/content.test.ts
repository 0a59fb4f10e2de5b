import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { chineseCharCount, englishWordCount, fencesWithoutLanguage, outlineDifferences, sectionHeadings } from '../../src/lib/content-rules';
import { partMismatch } from '../../src/lib/course';
import { dateFromLogSlug } from '../../src/lib/log';

// The project's own notes: the course in both languages and the study log.
const content = path.resolve('content');
const EN_WORDS = 1200;
const ZH_CHARS = 2000;

const read = (p: string) => fs.readFileSync(p, 'utf8');
// `.md` and `.mdx` notes are checked alike.
const mdFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.mdx?$/.test(f)).sort() : []);
const noteFile = (dir: string, slug: string) => [`${slug}.md`, `${slug}.mdx`].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f)) ?? path.join(dir, `${slug}.md`);
const frontmatter = (text: string): Record<string, unknown> => parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '') ?? {};

const lessonSlugs = Array.from({ length: 12 }, (_, i) => `lesson-${i + 1}`);

describe('lessons', () => {
  it('has all twelve lessons in both languages and nothing unpaired', () => {
    for (const lang of ['zh', 'en']) {
      const slugs = mdFiles(path.join(content, 'lessons', lang)).map((f) => f.replace(/\.mdx?$/, ''));
      expect(slugs.sort(), `content/lessons/${lang}`).toEqual([...lessonSlugs].sort());
    }
  });

  describe.each(lessonSlugs)('%s', (slug) => {
    const en = noteFile(path.join(content, 'lessons/en'), slug);
    const zh = noteFile(path.join(content, 'lessons/zh'), slug);
    const both = [en, zh].filter((f) => fs.existsSync(f));

    it('has complete frontmatter that agrees between languages', () => {
      expect(both.length).toBe(2);
      const [fe, fz] = both.map((f) => frontmatter(read(f)));
      for (const [f, data] of [[en, fe], [zh, fz]] as const) {
        for (const field of ['title', 'lesson', 'part', 'summary', 'video', 'course', 'updated']) {
          expect(data?.[field], `${path.relative('.', f)}: frontmatter "${field}"`).toBeTruthy();
        }
        expect(partMismatch(Number(data?.['lesson']), Number(data?.['part'])), path.relative('.', f)).toBeUndefined();
      }
      for (const field of ['lesson', 'part', 'video', 'course']) expect(fz?.[field], field).toEqual(fe?.[field]);
      expect(fe?.['lesson']).toBe(Number(slug.split('-')[1]));
    });

    it('shares the same section ids, in the same order, in both languages', () => {
      const problems = outlineDifferences(sectionHeadings(read(en)), sectionHeadings(read(zh)), [
        path.relative('.', en),
        path.relative('.', zh),
      ]);
      expect(problems).toEqual([]);
      expect(sectionHeadings(read(en)).length).toBeGreaterThanOrEqual(4);
    });

    it('has substance in both languages', () => {
      expect(englishWordCount(read(en)), `${slug} English words`).toBeGreaterThanOrEqual(EN_WORDS);
      expect(chineseCharCount(read(zh)), `${slug} Chinese characters`).toBeGreaterThanOrEqual(ZH_CHARS);
    });

    it('names the language of every code block', () => {
      for (const f of both) expect(fencesWithoutLanguage(read(f)), path.relative('.', f)).toEqual([]);
    });
  });
});

describe('study log', () => {
  const entries = (lang: string) => mdFiles(path.join(content, 'log', lang));

  it('has the sixteen dated entries in both languages', () => {
    expect(entries('zh').length).toBe(16);
    expect(entries('en')).toEqual(entries('zh'));
  });

  it("has each entry's date equal to its file name, and the same tags in both languages", () => {
    for (const name of entries('zh')) {
      const fz = frontmatter(read(path.join(content, 'log/zh', name)));
      const fe = frontmatter(read(path.join(content, 'log/en', name)));
      const slug = name.replace(/\.mdx?$/, '');
      for (const [lang, data] of [['zh', fz], ['en', fe]] as const) {
        const date = data['date'] instanceof Date ? data['date'].toISOString().slice(0, 10) : String(data['date']);
        expect(date, `content/log/${lang}/${name}: date`).toBe(dateFromLogSlug(slug));
        expect(data['title'], `content/log/${lang}/${name}: title`).toBeTruthy();
      }
      expect(fe['tags'], name).toEqual(fz['tags']);
    }
  });
});

describe('other notes', () => {
  const slugs = [...new Set(['zh', 'en'].flatMap((lang) => mdFiles(path.join(content, 'notes', lang)).map((f) => f.replace(/\.mdx?$/, ''))))];

  it.each(slugs)('%s exists in both languages with the same section ids and named code languages', (slug) => {
    const [en, zh] = ['en', 'zh'].map((lang) => noteFile(path.join(content, 'notes', lang), slug)) as [string, string];
    expect(fs.existsSync(en) && fs.existsSync(zh), `${slug} in both languages`).toBe(true);
    expect(outlineDifferences(sectionHeadings(read(en)), sectionHeadings(read(zh)), [path.relative('.', en), path.relative('.', zh)])).toEqual([]);
    for (const f of [en, zh]) expect(fencesWithoutLanguage(read(f)), path.relative('.', f)).toEqual([]);
  });
});

