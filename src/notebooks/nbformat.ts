import { convertV3 } from './nbformat3';

/**
 * The parts of Jupyter's nbformat 4 the site reads (https://nbformat.readthedocs.io/en/latest/format_description.html).
 * This module runs in the build and in the importer (plain Node), so it imports nothing from Astro.
 */

/** MIME type → content; text is joined from nbformat's list-of-lines form, images stay base64. */
export type MimeBundle = Record<string, string>;

export type Output =
  | { type: 'stream'; name: 'stdout' | 'stderr'; text: string }
  | {
      type: 'display_data' | 'execute_result';
      data: MimeBundle;
      metadata: Record<string, unknown>;
      executionCount: number | null;
    }
  | { type: 'error'; ename: string; evalue: string; traceback: string[] }
  /** An output type this version of nbformat does not define; shown as a one-line note. */
  | { type: 'unknown'; outputType: string };

export type Cell =
  | { type: 'markdown'; source: string; attachments: Record<string, MimeBundle> }
  | { type: 'code'; source: string; executionCount: number | null; outputs: Output[] }
  | { type: 'raw'; source: string };

export interface Notebook {
  /** The nbformat major version the file was written in (3 is converted). */
  nbformat: number;
  /** The kernel's language (`python`), for highlighting code cells. */
  language: string;
  cells: Cell[];
  metadata: Record<string, unknown>;
}

/** A file that is not a notebook the site can read; the message names the file, the place and what to do. */
export class NotebookError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.file = file;
  }
}

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** nbformat stores multi-line strings either as one string or as a list of lines. */
export function joinText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('');
  return undefined;
}

/** Line and column of a character offset, for JSON syntax errors. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * Where JSON.parse stopped. V8 says `at position N` for some errors; for others it quotes the
 * text around the error (`..."cells": [}" is not valid JSON`), ten characters either side.
 */
function errorOffset(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position) return Number(position);
  const quoted = /(\.\.\.)?"([\s\S]*?)(\.\.\.)?" is not valid JSON/.exec(message);
  if (!quoted?.[2]) return undefined;
  const at = text.indexOf(quoted[2]);
  if (at === -1) return undefined;
  if (quoted[1]) return at + 10;
  return quoted[3] ? at + quoted[2].length - 10 : undefined;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = errorOffset(text, message);
    const where =
      position !== undefined
        ? ` at ${lineCol(text, position)}`
        : /end of (JSON )?input/i.test(message)
          ? ' at the end of the file, which is cut short'
          : '';
    throw new NotebookError(
      file,
      `not valid JSON${where} (${message.replace(/\s*\(line \d+ column \d+\)/, '')}). Open it in Jupyter and save it again, or fix the JSON.`,
    );
  }
}

/**
 * Reads a `.ipynb` file's text into a notebook, converting nbformat 3. Anything that is not a
 * notebook throws a NotebookError naming the file and the field.
 * @example parseNotebook('{"nbformat":4,"nbformat_minor":5,"metadata":{},"cells":[]}', 'a.ipynb').cells // []
 */
export function parseNotebook(text: string, file: string): Notebook {
  const raw = parseJson(text, file);
  if (!isObject(raw))
    throw new NotebookError(file, 'not a Jupyter notebook: the file is JSON but not an object with "cells".');
  const version = raw['nbformat'];
  if (typeof version !== 'number')
    throw new NotebookError(
      file,
      'not a Jupyter notebook: "nbformat" is missing. Only .ipynb files saved by Jupyter can be shown.',
    );
  if (version === 3)
    return readV4(
      convertV3(raw, (field, what) => new NotebookError(file, `nbformat 3: ${field} ${what}`)),
      file,
      3,
    );
  if (version !== 4) {
    throw new NotebookError(
      file,
      `nbformat ${version} is not supported (the site reads nbformat 4 and converts 3). Open the notebook in a current Jupyter and save it to upgrade it.`,
    );
  }
  return readV4(raw, file, 4);
}

function readV4(raw: Json, file: string, nbformat: number): Notebook {
  const fail = (field: string, what: string) =>
    new NotebookError(file, `${field} ${what}; the notebook is damaged — open it in Jupyter and save it again.`);
  const metadata = isObject(raw['metadata']) ? raw['metadata'] : {};
  const cells = raw['cells'];
  if (!Array.isArray(cells)) throw fail('"cells"', 'is missing or not a list');
  return {
    nbformat,
    language: kernelLanguage(metadata),
    metadata,
    cells: cells.map((c, i) => readCell(c, `cells[${i}]`, fail)),
  };
}

type Fail = (field: string, what: string) => Error;

function readCell(raw: unknown, at: string, fail: Fail): Cell {
  if (!isObject(raw)) throw fail(at, 'is not an object');
  const source = joinText(raw['source'] ?? '');
  if (source === undefined) throw fail(`${at}.source`, 'is not text');
  switch (raw['cell_type']) {
    case 'markdown': {
      const attachments: Record<string, MimeBundle> = {};
      const given = raw['attachments'];
      if (isObject(given))
        for (const [name, bundle] of Object.entries(given))
          attachments[name] = readBundle(bundle, `${at}.attachments.${name}`, fail);
      return { type: 'markdown', source, attachments };
    }
    case 'code': {
      const outputs = raw['outputs'] ?? [];
      if (!Array.isArray(outputs)) throw fail(`${at}.outputs`, 'is not a list');
      return {
        type: 'code',
        source,
        executionCount: count(raw['execution_count']),
        outputs: outputs.map((o, k) => readOutput(o, `${at}.outputs[${k}]`, fail)),
      };
    }
    case 'raw':
      return { type: 'raw', source };
    default:
      throw fail(`${at}.cell_type`, `is ${JSON.stringify(raw['cell_type'])}, not "markdown", "code" or "raw"`);
  }
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function readBundle(raw: unknown, at: string, fail: Fail): MimeBundle {
  if (!isObject(raw)) throw fail(at, 'is not an object of MIME types');
  const bundle: MimeBundle = {};
  for (const [mime, value] of Object.entries(raw)) {
    // JSON outputs (application/json, widget state) are objects; keep them as JSON text.
    bundle[mime] = joinText(value) ?? JSON.stringify(value);
  }
  return bundle;
}

function readOutput(raw: unknown, at: string, fail: Fail): Output {
  if (!isObject(raw)) throw fail(at, 'is not an object');
  const type = raw['output_type'];
  switch (type) {
    case 'stream': {
      const text = joinText(raw['text'] ?? '');
      if (text === undefined) throw fail(`${at}.text`, 'is not text');
      return { type: 'stream', name: raw['name'] === 'stderr' ? 'stderr' : 'stdout', text };
    }
    case 'display_data':
    case 'execute_result':
      return {
        type,
        data: readBundle(raw['data'] ?? {}, `${at}.data`, fail),
        metadata: isObject(raw['metadata']) ? raw['metadata'] : {},
        executionCount: count(raw['execution_count']),
      };
    case 'error': {
      const traceback = raw['traceback'] ?? [];
      if (!Array.isArray(traceback)) throw fail(`${at}.traceback`, 'is not a list');
      return {
        type: 'error',
        ename: String(raw['ename'] ?? 'Error'),
        evalue: String(raw['evalue'] ?? ''),
        traceback: traceback.map(String),
      };
    }
    default:
      return { type: 'unknown', outputType: String(type) };
  }
}

/** The kernel's language, from `metadata.kernelspec.language` or `metadata.language_info.name`; Python when unsaid. */
function kernelLanguage(metadata: Json): string {
  const spec = metadata['kernelspec'];
  const info = metadata['language_info'];
  const fromSpec = isObject(spec) && typeof spec['language'] === 'string' ? spec['language'] : undefined;
  const fromInfo = isObject(info) && typeof info['name'] === 'string' ? info['name'] : undefined;
  const fromV3 = typeof metadata['language'] === 'string' ? metadata['language'] : undefined;
  return (fromSpec ?? fromInfo ?? fromV3 ?? 'python').toLowerCase();
}

/**
 * The notebook's title: the first heading of the Markdown cell it opens with, else undefined (the
 * caller falls back to the file name). A heading after the first code cell names a section, not
 * the notebook, so it stays where it is.
 * @example notebookTitle([{ type: 'markdown', source: '# Pets\ntext', attachments: {} }]) // 'Pets'
 */
export function notebookTitle(cells: readonly Cell[]): string | undefined {
  const first = cells.find((c) => c.source.trim() !== '');
  if (first?.type !== 'markdown') return undefined;
  const heading = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(first.source)?.[1];
  return (
    heading
      ?.replace(/\s*\{#[\w-]+\}$/, '')
      .replace(/[*_`]/g, '')
      .trim() || undefined
  );
}
