import fs from 'node:fs';
import path from 'node:path';
import { locales } from '../../src/lib/locales';

/**
 * A notes folder for the scale benchmark: our own content plus `perLanguage` lesson-sized notes in
 * each language, each a copy of one of our lessons (cycling through them) with its links and
 * figures pointed back at the lessons, so every generated page builds like a real one.
 */
export function writeScaledNotes(content: string, out: string, perLanguage: number): { generated: string[] } {
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(content, out, { recursive: true });
  const generated: string[] = [];
  for (const lang of locales) {
    const lessonDir = path.join(content, 'lessons', lang);
    const lessons = fs
      .readdirSync(lessonDir)
      .filter((f) => f.endsWith('.md'))
      .sort((a, b) => lessonNumber(a) - lessonNumber(b))
      .map((f) => splitFrontmatter(fs.readFileSync(path.join(lessonDir, f), 'utf8')));
    if (lessons.length === 0) throw new Error(`no lessons in ${lessonDir} to copy`);
    const notesDir = path.join(out, 'notes', lang);
    fs.mkdirSync(notesDir, { recursive: true });
    for (let i = 0; i < perLanguage; i++) {
      const lesson = lessons[i % lessons.length]!;
      const title = /^title:\s*(.*)$/m.exec(lesson.frontmatter)?.[1]?.replace(/^"|"$/g, '') ?? 'Lesson';
      const body = lesson.body
        .replace(/\]\(\.\/(lesson-\d+\.md)/g, `](../../lessons/${lang}/$1`)
        .replace(/\]\(\.\.\/figures\//g, '](../../lessons/figures/');
      const file = path.join(notesDir, `scale-${String(i + 1).padStart(4, '0')}.md`);
      fs.writeFileSync(file, `---\ntitle: ${JSON.stringify(`${title} · ${i + 1}`)}\n---\n\n${body}`);
      generated.push(file);
    }
  }
  return { generated };
}

function lessonNumber(file: string): number {
  return Number(/(\d+)/.exec(file)?.[1] ?? 0);
}

function splitFrontmatter(text: string): { frontmatter: string; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  return m ? { frontmatter: m[1]!, body: text.slice(m[0].length) } : { frontmatter: '', body: text };
}
