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

/** Frontmatter and body of a note file; a broken frontmatter block names the file. */
function readNote(file: string, slug: string): NoteFile {
  const { data, body } = readFrontmatter(file);
  return { data, body, title: typeof data['title'] === 'string' ? data['title'] : slug };
}

/** A notebook's metadata and prose (its Markdown cells), read as the notebook collection reads them. */
function readNotebook(file: string, slug: string): NoteFile {
  const sidecar = sidecarOf(file);
  const display = (f: string) => path.relative(process.cwd(), f);
  const { notebook, meta, title } = notebookSource(
    fs.readFileSync(file, 'utf8'),
    sidecar.text,
    { notebook: display(file), sidecar: display(sidecar.file) },
    slug,
  );
  return { data: meta, body: notebookMarkdown(notebook.cells), title };
}

function readFrontmatter(file: string): { data: Record<string, unknown>; body: string } {
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
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
  data: Record<string, unknown>;
  root: string;
}): TranslationSide {
  const history = contentHistory(input.root);
  const translationOf = input.data['translationOf'];
  return {
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
        const { data, body, title } = kind === 'notebooks' ? readNotebook(file, slug) : readNote(file, slug);
        sides.push({
          kind,
          slug,
          ...translationSide({
            locale,
            file: path.relative(process.cwd(), file),
            title,
            outline: sourceOutline(body, { file, frontmatter: data, notesRoot: root }),
            data,
            root,
          }),
        });
      }
    }
  }
  return pairUp(sides);
}
