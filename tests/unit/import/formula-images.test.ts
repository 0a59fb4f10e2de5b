import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runImport } from '../../../src/import/cli';
import { formulaImageTex } from '../../../src/import/formula-images';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
});

describe('formulaImageTex', () => {
  it('reads the TeX from a CodeCogs URL, preferring the editor’s copy in the title', () => {
    expect(formulaImageTex('https://latex.codecogs.com/gif.latex?a&plus;bx', '')).toBe('a+bx');
    expect(formulaImageTex('https://latex.codecogs.com/gif.latex?\\frac{\\sum&space;(\\hat{y}-y)^2}{n}')).toBe(
      '\\frac{\\sum (\\hat{y}-y)^2}{n}',
    );
    expect(formulaImageTex('https://latex.codecogs.com/png.latex?\\dpi{120}&space;x%5E2')).toBe('x^2');
    expect(formulaImageTex('https://latex.codecogs.com/gif.latex?wrong', 'a +bx+cx^{2}')).toBe('a +bx+cx^{2}');
  });

  it('knows Google Charts and GitHub math images, and leaves other images alone', () => {
    expect(formulaImageTex('https://chart.googleapis.com/chart?cht=tx&chl=e%5E%7Bi%5Cpi%7D')).toBe('e^{i\\pi}');
    expect(formulaImageTex('https://render.githubusercontent.com/render/math?math=x_1')).toBe('x_1');
    expect(formulaImageTex('https://chart.googleapis.com/chart?cht=p3&chd=t:1,2')).toBeUndefined();
    expect(formulaImageTex('https://example.com/gif.latex?x')).toBeUndefined();
    expect(formulaImageTex('images/loss.png', 'loss')).toBeUndefined();
    expect(formulaImageTex('https://latex.codecogs.com/gif.latex?x', 'costs $5')).toBeUndefined();
  });
});

describe('importing notes with formula images', () => {
  it('turns HTML and Markdown formula images into math (code when KaTeX cannot read it), and reports each', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'formula-images-'));
    temps.push(tmp);
    const src = path.join(tmp, 'src');
    fs.mkdirSync(src);
    fs.writeFileSync(
      path.join(src, 'Lesson5.md'),
      [
        '# Lesson 5',
        '',
        'A line is <img src="https://latex.codecogs.com/gif.latex?a&plus;bx" title="a+bx" /> in Andrew Ng’s notation.',
        '',
        '<img src="https://latex.codecogs.com/gif.latex?\\frac{1}{n}" title="\\frac{1}{n}" />',
        '',
        'Squared: ![x^2](https://latex.codecogs.com/svg.latex?x%5E2).',
        '',
        'Leniently rendered: <img src="https://latex.codecogs.com/gif.latex?x_i_,_2" title="x_i_,_2" />.',
        '',
      ].join('\n'),
    );
    const { report } = runImport({ sources: [src], out: path.join(tmp, 'notes'), dryRun: false, force: false });
    const body = fs.readFileSync(path.join(tmp, 'notes/lessons/en/lesson-5.md'), 'utf8');
    expect(body).toContain('A line is $a+bx$ in Andrew Ng’s notation.');
    expect(body).toContain('$\\frac{1}{n}$');
    expect(body).toContain('Squared: $x^2$.');
    expect(body).not.toContain('codecogs');
    expect(body).toContain('Leniently rendered: `x_i_,_2`.');
    expect(
      report.formulaImages.map((f) => [f.line, f.tex, f.typeset]).sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual([
      [3, 'a+bx', true],
      [5, '\\frac{1}{n}', true],
      [7, 'x^2', true],
      [9, 'x_i_,_2', false],
    ]);
    expect(report.imagesMissing).toEqual([]);
  });
});
