import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { CJK_RANGE } from '../../src/lib/cjk';
import { dictionary } from '../../src/import/jieba-dictionary';
import { LOST_BYTES, repairMojibake, type RepairOptions } from '../../src/import/mojibake';
import { seededRandom } from './seeded-random';

/**
 * How well the importer restores Chinese text that went through "UTF-8 read as Windows-1252" and
 * lost bytes on the way. Texts are damaged with a seeded random exactly the way real files were
 * damaged; the language model (jieba's dictionary) has never seen them. The model's weights are
 * chosen on the tuning set (our lessons 1–6) only; the rest of our notes and two real texts of
 * ../shared/corpus, of two kinds, are held out: read for the figure, never for a choice.
 */

const LOST = new Set<number>(LOST_BYTES);

/**
 * Damages text as real files were: UTF-8 bytes read as Windows-1252, the bytes it leaves undefined
 * dropped by the decoder, the soft hyphen dropped by a clean-up, and now and then (`otherLoss` of
 * the remaining characters) another character lost.
 */
export function damage(text: string, random: () => number, otherLoss = 0.005): string {
  let out = '';
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) {
      out += c;
      continue;
    }
    for (const b of Buffer.from(c, 'utf8')) {
      if (LOST.has(b) || random() < otherLoss) continue;
      out += iconv.decode(Buffer.from([b]), 'windows-1252');
    }
  }
  return out;
}

const HAN = new RegExp(`[${CJK_RANGE}]`);

/** Chinese characters of `original` found in the same place in `restored` (line by line, longest common subsequence). */
export function hanCorrect(original: string, restored: string): { han: number; correct: number } {
  const a = original.split('\n');
  const b = restored.split('\n');
  let han = 0;
  let correct = 0;
  a.forEach((line, i) => {
    const x = [...line];
    const y = [...(b[i] ?? '')];
    han += x.filter((c) => HAN.test(c)).length;
    if (!x.some((c) => HAN.test(c))) return;
    // LCS counting only Chinese matches; lines are short enough for the quadratic table.
    let prev = new Array<number>(y.length + 1).fill(0);
    for (let p = 1; p <= x.length; p++) {
      const row = new Array<number>(y.length + 1).fill(0);
      for (let q = 1; q <= y.length; q++) {
        const hit = x[p - 1] === y[q - 1] ? (prev[q - 1] ?? 0) + (HAN.test(x[p - 1] ?? '') ? 1 : 0) : -1;
        row[q] = Math.max(hit, prev[q] ?? 0, row[q - 1] ?? 0);
      }
      prev = row;
    }
    correct += prev[y.length] ?? 0;
  });
  return { han, correct };
}

export interface RestorationFigures {
  files: number;
  hanChars: number;
  /** Chinese characters left with a byte missing by the damage. */
  damagedHan: number;
  /** Share of Chinese characters correct with a repair that only decodes whole sequences (the importer before). */
  before: number;
  /** Share of Chinese characters correct after restoration with the language model. */
  after: number;
  /** Share of the damaged Chinese characters restored right: the part the model decides. */
  damagedRight: number;
  /** Characters restored from lost bytes. */
  restored: number;
  /** Of those, the ones the model was not sure of (listed in the import report to check). */
  undecided: number;
  seconds: number;
}

/** Only whole sequences decoded: what the importer could do before lost bytes were restored. */
function wholeOnly(text: string): string {
  return text.replace(
    /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]+/g,
    (run) => {
      const bytes = [...run].map((c) => iconv.encode(c, 'windows-1252')[0] ?? 0);
      return new TextDecoder('utf-8').decode(Uint8Array.from(bytes)).replace(/\uFFFD/g, '�');
    },
  );
}

/** Damages each file, restores it and counts the Chinese characters that came back right. */
export function measureRestoration(
  files: readonly string[],
  seed = 1,
  options: RepairOptions = {},
): RestorationFigures {
  const random = seededRandom(seed);
  const started = Date.now();
  const f: RestorationFigures = {
    files: files.length,
    hanChars: 0,
    damagedHan: 0,
    before: 0,
    after: 0,
    damagedRight: 0,
    restored: 0,
    undecided: 0,
    seconds: 0,
  };
  let beforeCorrect = 0;
  let afterCorrect = 0;
  for (const file of files) {
    const original = fs.readFileSync(file, 'utf8');
    const damaged = damage(original, random);
    const repaired = repairMojibake(damaged, options);
    const before = hanCorrect(original, wholeOnly(damaged));
    const after = hanCorrect(original, repaired.text);
    f.hanChars += after.han;
    beforeCorrect += before.correct;
    afterCorrect += after.correct;
    f.damagedHan += after.han - before.correct;
    f.undecided += repaired.restorations.filter((r) => !r.decided).length;
    f.restored += repaired.restorations.length;
  }
  f.before = beforeCorrect / f.hanChars;
  f.after = afterCorrect / f.hanChars;
  f.damagedRight = f.damagedHan ? (afterCorrect - beforeCorrect) / f.damagedHan : 1;
  f.seconds = (Date.now() - started) / 1000;
  return f;
}

/** Our Chinese notes, split once: lessons 1–6 to tune on, everything else held out for the figure. */
export function chineseNotes(root = 'content'): { tuning: string[]; heldOut: string[] } {
  const all = ['lessons/zh', 'log/zh', 'notes/zh'].flatMap((d) => {
    const dir = path.join(root, d);
    return fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((n) => n.endsWith('.md'))
          .sort()
          .map((n) => path.join(dir, n))
      : [];
  });
  const tuning = all.filter((f) => /lessons\/zh\/lesson-[1-6]\.md$/.test(f));
  return { tuning, heldOut: all.filter((f) => !tuning.includes(f)) };
}

/**
 * Real text held out from all tuning, of two kinds: the study-log README (dates, links, URLs, emoji
 * and English between the Chinese) and a long lesson. Lesson 7 is the one whose subject our
 * tuning lessons (1–6) do not cover. Empty where ../shared/corpus is absent.
 */
export function heldOutCorpusTexts(corpus = path.resolve('../shared/corpus')): { name: string; file: string }[] {
  const texts = [
    { name: 'study-log README (fastai-notes/README.md)', file: path.join(corpus, 'fastai-notes/README.md') },
    {
      name: 'long lesson (fastai-notes/chinese/Lesson7.md)',
      file: path.join(corpus, 'fastai-notes/chinese/Lesson7.md'),
    },
  ];
  return texts.every((t) => fs.existsSync(t.file)) ? texts : [];
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

function printFigures(label: string, f: RestorationFigures): void {
  console.log(
    `  ${label}: ${f.files} file${f.files === 1 ? '' : 's'}, ${f.hanChars} Chinese characters, ${f.damagedHan} damaged`,
  );
  console.log(
    `    correct: before ${pct(f.before)}, after ${pct(f.after)} of all Chinese characters (target 98%) ${f.after >= 0.98 ? '(met)' : '(NOT MET)'}; ${pct(f.damagedRight)} of the damaged ones`,
  );
  console.log(`    ${f.restored} restored, ${f.undecided} not sure (listed to check); ${f.seconds.toFixed(1)} s`);
}

/** The `npm run bench` section (alone: `npm run bench -- --mojibake`): prints the figures and writes them as JSON. */
export function benchMojibake(outDir: string): Record<string, RestorationFigures> {
  const { tuning, heldOut } = chineseNotes();
  console.log(
    '\nmojibake with lost bytes (texts damaged as real files were, seed 1; weights chosen on the tuning set only)',
  );
  const loadStart = Date.now();
  dictionary();
  console.log(
    `  jieba's dictionary read in ${((Date.now() - loadStart) / 1000).toFixed(1)} s (once per run; not in the times below)`,
  );
  const sets: [string, string, string[]][] = [
    ['tuning', 'tuning: our lessons 1–6', tuning],
    ['heldOutNotes', 'held out: the rest of our Chinese notes', heldOut],
    ...heldOutCorpusTexts().map(({ name, file }, i): [string, string, string[]] => [
      i === 0 ? 'heldOutReadme' : 'heldOutLesson',
      `held out, real: ${name}`,
      [file],
    ]),
  ];
  const figures: Record<string, RestorationFigures> = {};
  for (const [key, label, files] of sets) {
    figures[key] = measureRestoration(files);
    printFigures(label, figures[key]);
  }
  if (sets.length < 4) console.log('  (no ../shared/corpus here: the real held-out texts are skipped)');
  fs.writeFileSync(
    path.join(outDir, 'mojibake.json'),
    JSON.stringify(
      {
        target: 0.98,
        seed: 1,
        sets: Object.fromEntries(sets.map(([k, label, files]) => [k, { label, files, ...figures[k] }])),
      },
      null,
      2,
    ) + '\n',
  );
  return figures;
}
