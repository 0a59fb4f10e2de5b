import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatReport } from '../../../src/import/report';
import { runImport } from '../../../src/import/cli';

const fixture = path.resolve('tests/fixtures/import/notebooks-repo');
let tmp: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-notebooks-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const out = () => path.join(tmp, 'notes');
const run = () => runImport({ sources: [fixture], out: out(), dryRun: false, force: false });

describe('importing notebooks', () => {
  it('copies each notebook, outputs included, into notebooks/<lang>/ by the language of its Markdown cells', () => {
    const { report } = run();
    expect(fs.readdirSync(path.join(out(), 'notebooks/zh'))).toEqual(['pets-demo.ipynb']);
    expect(fs.readdirSync(path.join(out(), 'notebooks/en'))).toEqual(['lr-finder.ipynb']);
    expect(
      fs
        .readFileSync(path.join(out(), 'notebooks/en/lr-finder.ipynb'))
        .equals(fs.readFileSync(path.join(fixture, 'lr_finder.ipynb'))),
    ).toBe(true);
    expect(report.notebooks).toBe(2);
  });

  it('reports and skips a file that is not a notebook, and never reads Jupyter checkpoints', () => {
    const { report, text } = run();
    expect(report.notebooksSkipped).toEqual([
      {
        file: 'notebooks-repo/broken.ipynb',
        reason: expect.stringMatching(/^not valid JSON at the end of the file, which is cut short/),
      },
    ]);
    expect(text).toMatch(/notebooks {11}2\n/);
    expect(text).toMatch(/notebooks skipped {3}1\n {6}notebooks-repo\/broken\.ipynb {2}not valid JSON/);
    expect(fs.existsSync(path.join(out(), 'notebooks/en/lr-finder-checkpoint.ipynb'))).toBe(false);
    expect(formatReport(report)).toContain('notebooks skipped');
  });

  it('is idempotent, and keeps a notebook edited since the last import', () => {
    run();
    const again = run().report;
    expect(again.files).toEqual({ unchanged: 3 });
    const mine = path.join(out(), 'notebooks/en/lr-finder.ipynb');
    fs.writeFileSync(mine, '{"nbformat": 4, "cells": [], "metadata": {}}');
    const third = run().report;
    expect(third.conflicts).toEqual(['notebooks/en/lr-finder.ipynb']);
    expect(fs.readFileSync(mine, 'utf8')).toBe('{"nbformat": 4, "cells": [], "metadata": {}}');
    expect(fs.existsSync(`${mine}.incoming`)).toBe(true);
  });
});
