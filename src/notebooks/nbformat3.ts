/**
 * nbformat 3 → 4, following nbformat's own `v4/convert.py`: the cells of the first worksheet,
 * `heading` cells as Markdown headings, `pyout`/`pyerr` as `execute_result`/`error`, and the short
 * output keys (`png`, `html`, `text`…) as MIME types.
 */

type Json = Record<string, unknown>;

const MIME_OF_V3_KEY: Record<string, string> = {
  text: 'text/plain',
  html: 'text/html',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpeg: 'image/jpeg',
  latex: 'text/latex',
  json: 'application/json',
  javascript: 'application/javascript',
  markdown: 'text/markdown',
};

/** Output fields that are not data in nbformat 3. */
const NOT_DATA = new Set(['output_type', 'prompt_number', 'metadata', 'stream', 'ename', 'evalue', 'traceback']);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function convertV3(raw: Json, fail: (field: string, what: string) => Error): Json {
  const worksheets = raw['worksheets'];
  if (!Array.isArray(worksheets)) throw fail('"worksheets"', 'is missing or not a list');
  const cells = worksheets.flatMap((ws, w) => {
    if (!isObject(ws) || !Array.isArray(ws['cells'])) throw fail(`worksheets[${w}].cells`, 'is missing or not a list');
    return ws['cells'].map((c: unknown, i: number) => convertCell(c, `worksheets[${w}].cells[${i}]`, fail));
  });
  const metadata = isObject(raw['metadata']) ? { ...raw['metadata'] } : {};
  const language = cells.find((c) => typeof c['language'] === 'string')?.['language'];
  if (typeof language === 'string' && metadata['language'] === undefined) metadata['language'] = language;
  return { nbformat: 4, nbformat_minor: 0, metadata, cells };
}

function convertCell(cell: unknown, at: string, fail: (field: string, what: string) => Error): Json {
  if (!isObject(cell)) throw fail(at, 'is not an object');
  switch (cell['cell_type']) {
    case 'heading': {
      const level = typeof cell['level'] === 'number' ? Math.min(6, Math.max(1, cell['level'])) : 1;
      const text = Array.isArray(cell['source']) ? cell['source'].join('') : String(cell['source'] ?? '');
      return {
        cell_type: 'markdown',
        source: `${'#'.repeat(level)} ${text.replace(/\n/g, ' ')}`,
        metadata: cell['metadata'] ?? {},
      };
    }
    case 'code': {
      const outputs = Array.isArray(cell['outputs']) ? cell['outputs'].map(convertOutput) : cell['outputs'];
      return {
        cell_type: 'code',
        source: cell['input'] ?? '',
        execution_count: cell['prompt_number'] ?? null,
        outputs,
        language: cell['language'],
        metadata: cell['metadata'] ?? {},
      };
    }
    case 'markdown':
    case 'raw':
      return { cell_type: cell['cell_type'], source: cell['source'] ?? '', metadata: cell['metadata'] ?? {} };
    default:
      return { ...cell, cell_type: cell['cell_type'] === 'html' ? 'markdown' : cell['cell_type'] };
  }
}

function convertOutput(output: unknown): unknown {
  if (!isObject(output)) return output;
  switch (output['output_type']) {
    case 'stream':
      return { output_type: 'stream', name: output['stream'] ?? 'stdout', text: output['text'] ?? '' };
    case 'pyerr':
      return {
        output_type: 'error',
        ename: output['ename'],
        evalue: output['evalue'],
        traceback: output['traceback'] ?? [],
      };
    case 'pyout':
    case 'display_data': {
      const data: Json = {};
      for (const [key, value] of Object.entries(output)) {
        if (!NOT_DATA.has(key)) data[MIME_OF_V3_KEY[key] ?? key] = value;
      }
      return {
        output_type: output['output_type'] === 'pyout' ? 'execute_result' : 'display_data',
        data,
        metadata: output['metadata'] ?? {},
        execution_count: output['prompt_number'] ?? null,
      };
    }
    default:
      return output;
  }
}
