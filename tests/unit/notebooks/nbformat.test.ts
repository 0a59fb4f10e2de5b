import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { notebookTitle, NotebookError, parseNotebook } from '../../../src/notebooks/nbformat';
import { fixtures } from './support';

const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

describe('parseNotebook', () => {
  it('reads nbformat 4 cells, outputs and the kernel language', () => {
    const nb = parseNotebook(read('all-outputs.ipynb'), 'all-outputs.ipynb');
    expect(nb.nbformat).toBe(4);
    expect(nb.language).toBe('python');
    expect(nb.cells.map((c) => c.type)).toEqual([
      'markdown',
      'code',
      'code',
      'code',
      'code',
      'code',
      'code',
      'code',
      'code',
      'raw',
    ]);
    const first = nb.cells[1];
    expect(first?.type === 'code' && first.outputs.map((o) => o.type)).toEqual(['stream', 'stream', 'execute_result']);
    expect(first?.type === 'code' && first.executionCount).toBe(3);
    const md = nb.cells[0];
    expect(md?.type === 'markdown' && Object.keys(md.attachments)).toEqual(['plot.png']);
  });

  it('converts nbformat 3: heading cells, input/prompt_number, pyout, pyerr and short MIME keys', () => {
    const nb = parseNotebook(read('nbformat3.ipynb'), 'nbformat3.ipynb');
    expect(nb.nbformat).toBe(3);
    expect(nb.cells[0]).toMatchObject({ type: 'markdown', source: '# Old notebook' });
    const code = nb.cells[2];
    expect(code?.type).toBe('code');
    if (code?.type !== 'code') return;
    expect(code.source).toBe('print(1)\n2');
    expect(code.executionCount).toBe(1);
    expect(code.outputs[0]).toMatchObject({ type: 'stream', name: 'stdout', text: '1\n' });
    expect(code.outputs[1]).toMatchObject({ type: 'execute_result', data: { 'text/plain': '2' }, executionCount: 1 });
    expect(Object.keys((code.outputs[2] as { data: object }).data).sort()).toEqual(['image/png', 'text/plain']);
    expect(code.outputs[3]).toMatchObject({ type: 'error', ename: 'KeyError' });
    expect(notebookTitle(nb.cells)).toBe('Old notebook');
  });

  it('names the file, line and column of broken JSON', () => {
    expect(() => parseNotebook(read('broken.ipynb'), 'notebooks/en/broken.ipynb')).toThrow(NotebookError);
    expect(() => parseNotebook(read('broken.ipynb'), 'notebooks/en/broken.ipynb')).toThrow(
      /^notebooks\/en\/broken\.ipynb: not valid JSON at line 4, column \d+/,
    );
  });

  it('refuses JSON that is not a notebook, and unsupported versions, saying what to do', () => {
    expect(() => parseNotebook('[1, 2]', 'a.ipynb')).toThrow(/a\.ipynb: not a Jupyter notebook/);
    expect(() => parseNotebook('{"cells": []}', 'b.ipynb')).toThrow(/b\.ipynb: .*"nbformat" is missing/);
    expect(() => parseNotebook('{"nbformat": 2, "cells": []}', 'c.ipynb')).toThrow(
      /nbformat 2 is not supported.*save it to upgrade/,
    );
    expect(() => parseNotebook('{"nbformat": 4, "cells": [{"cell_type": "chart", "source": ""}]}', 'd.ipynb')).toThrow(
      /d\.ipynb: cells\[0\]\.cell_type is "chart"/,
    );
    expect(() => parseNotebook('{"nbformat": 4, "metadata": {}}', 'e.ipynb')).toThrow(/"cells" is missing/);
  });
});

describe('notebookTitle', () => {
  it('takes the first heading of the first Markdown cell, without markup', () => {
    expect(
      notebookTitle([{ type: 'markdown', source: 'intro\n\n## The **pets** notebook {#pets}', attachments: {} }]),
    ).toBe('The pets notebook');
  });
  it('has no title when the notebook does not open with a Markdown heading', () => {
    expect(notebookTitle([{ type: 'code', source: '# a comment', executionCount: 1, outputs: [] }])).toBeUndefined();
    expect(
      notebookTitle([
        { type: 'markdown', source: 'just text', attachments: {} },
        { type: 'markdown', source: '# Later', attachments: {} },
      ]),
    ).toBeUndefined();
    // pets.ipynb: an empty Markdown cell, code, then a section heading half-way down.
    expect(
      notebookTitle([
        { type: 'markdown', source: '', attachments: {} },
        { type: 'code', source: 'x', executionCount: 1, outputs: [] },
        { type: 'markdown', source: '# 手动制作不平衡的数据集', attachments: {} },
      ]),
    ).toBeUndefined();
  });
});
