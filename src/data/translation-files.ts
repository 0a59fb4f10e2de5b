import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { contentHistory } from '../node/history';
import { isLocale, locales } from '../lib/locales';
import { notebookMarkdown, notebookSource, sidecarOf } from '../notebooks/source';
import { sourceOutline } from '../markdown/outline';
import type { OutlineSection } from '../lib/parallel/align';
import {
  pairKinds,
  pairUp,
  type PairKind,
  type TranslationPair,
  type TranslationSide,
} from '../lib/translation/status';

/** The files each kind's collection loads, as the loaders find them under `<kind>/<lang>/`. */
const fileNames: Record<PairKind, RegExp> = {
  lessons: /\.mdx?$/,
  log: /\.md$/,
  notes: /\.mdx?$/,
  notebooks: /^[^/\\]+\.ipynb$/i,
};

interface NoteFile {
  data: Record<string, unknown>;
  body: string;
  title: string;
}

/**
 * A page file's frontmatter (for a notebook: its sidecar's), prose and title, from the file's text
 * (now, or as git had it in some commit): for a note its body, for a notebook its Markdown cells,
 * as the collections read them. A broken frontmatter block or notebook names the file.
 */
export function pageFromText(file: string, text: string, slug: string): NoteFile {
  if (/\.ipynb$/i.test(file)) {
    const sidecar = sidecarOf(file);
    const display = (f: string) => path.relative(process.cwd(), f);
    const names = { notebook: display(file), sidecar: display(sidecar.file) };
    const { notebook, meta, title } = notebookSource(text, sidecar.text, names, slug);
    return { data: meta, body: notebookMarkdown(notebook.cells), title };
  }
  const { data, body } = splitFrontmatter(file, text);
  return { data, body, title: typeof data['title'] === 'string' ? data['title'] : slug };
}

function splitFrontmatter(file: string, raw: string): { data: Record<string, unknown>; body: string } {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!m) return { data: {}, body: text };
  try {
    const data: unknown = parse(m[1] ?? '');
    return {
      data: data && typeof data === 'object' ? (data as Record<string, unknown>) : {},
      body: text.slice(m[0].length),
    };
  } catch (error) {
    throw new Error(
      `${file}: the frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]}). Fix it, then run again.`,
    );
  }
}

function day(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return undefined;
}

/**
 * A side of a page from its frontmatter, outline and history; shared with the site's collections,
 * which take the outline their render stored (`sourceOutline` reads the same from a file).
 */
export function translationSide(input: {
  locale: TranslationSide['locale'];
  file: string;
  title: string;
  outline: OutlineSection[];
  body: string;
  data: Record<string, unknown>;
  root: string;
}): TranslationSide {
  const history = contentHistory(input.root);
  const translationOf = input.data['translationOf'];
  const translatedFrom = input.data['translatedFrom'];
  return {
    body: input.body,
    // A day is a Date from Astro's YAML reader and text from this module's; a short hash of digits a number.
    ...(translatedFrom === undefined ? {} : { translatedFrom: day(translatedFrom) ?? String(translatedFrom) }),
    locale: input.locale,
    title: input.title,
    file: input.file,
    outline: input.outline,
    lastCommit: history.lastCommit(input.file),
    firstCommit: history.firstCommit(input.file),
    updated: day(input.data['updated']),
    translationOf: isLocale(translationOf) ? translationOf : undefined,
  };
}

/**
 * Every page of a notes folder, read from the files as the site's collections read them
 * (`<kind>/<lang>/<slug>.md`, `.mdx` for lessons and notes, `.ipynb` for notebooks), paired
 * across languages.
 */
export function readTranslationPairs(root: string): TranslationPair[] {
  const sides: (TranslationSide & { kind: PairKind; slug: string })[] = [];
  for (const kind of pairKinds) {
    for (const locale of locales) {
      const dir = path.join(root, kind, locale);
      if (!fs.existsSync(dir)) continue;
      const names = fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => fileNames[kind].test(f))
        .sort();
      for (const name of names) {
        const file = path.join(dir, name);
        const slug = name
          .replace(/\.(mdx?|ipynb)$/i, '')
          .split(path.sep)
          .join('/');
        const { data, body, title } = pageFromText(file, fs.readFileSync(file, 'utf8'), slug);
        sides.push({
          kind,
          slug,
          ...translationSide({
            locale,
            file: path.relative(process.cwd(), file),
            title,
            outline: sourceOutline(body, { file, frontmatter: data, notesRoot: root }),
            body,
            data,
            root,
          }),
        });
      }
    }
  }
  return pairUp(sides);
}
