import { beforeAll, describe, expect, it } from 'vitest';
import { ansiToHast, overwriteCarriageReturns } from '../../../src/notebooks/ansi';
import { renderFixture } from './support';

const rendered = renderFixture('all-outputs.ipynb');
// Loading Shiki and rendering every cell takes seconds on a busy machine: once, before the tests.
beforeAll(() => rendered.then(() => undefined), 120_000);

/** The HTML of the n-th (1-based) cell section. */
async function cell(n: number): Promise<string> {
  const { html } = await rendered;
  return html.split(/(?=<div class="nb-cell )/)[n - 1] ?? '';
}

describe('notebook rendering', () => {
  it('never puts base64 data in the page: images become files with width and height', async () => {
    const { html, assets } = await rendered;
    expect(html).not.toMatch(/base64|data:image/);
    expect(assets.map((a) => a.file.replace(/-[0-9a-f]{12}/, ''))).toEqual([
      'attachment.png',
      'output.png',
      'output.jpg',
      'output.gif',
      'output.svg',
    ]);
    expect(html).toMatch(
      /<img src="\/fastai-notes\/en\/notebooks\/x\/output-[0-9a-f]{12}\.png" alt="Figure drawn by code cell \[4\]" width="4" height="3"/,
    );
    // Jupyter's Image(width=8) keeps the aspect ratio of the 4×3 JPEG.
    expect(html).toMatch(/output-[0-9a-f]{12}\.jpg"[^>]* width="8" height="6"/);
    expect(html).toMatch(/output-[0-9a-f]{12}\.gif"[^>]* width="4" height="3"/);
    expect(html).toMatch(/output-[0-9a-f]{12}\.svg"[^>]* width="40" height="20"/);
  });

  it('renders Markdown cells through the site pipeline: math, heading ids, attachments', async () => {
    const md = await cell(1);
    expect(md).toContain('class="katex"');
    expect(md).toMatch(/<img src="\/fastai-notes\/en\/notebooks\/x\/attachment-[0-9a-f]{12}\.png" alt="plot">/);
    expect(md).toContain('<h2 data-section="" id="results">Results');
    expect((await rendered).hasMath).toBe(true);
  });

  it('drops the first heading when it is the page title, and outlines the rest from h2', async () => {
    const { html, headings } = await rendered;
    expect(html).not.toContain('Output gallery');
    expect(headings).toEqual([{ depth: 2, slug: 'results', text: 'Results' }]);
  });

  it('turns images from other hosts into links and removes scripts from cells', async () => {
    const md = await cell(1);
    expect(md).not.toMatch(/<img[^>]+src="(https?:)?\/\//);
    expect(md).toContain(
      '<a href="https://colab.research.google.com/assets/colab-badge.svg" rel="noopener noreferrer">Open In Colab</a>',
    );
    expect(md).toContain('<a href="http://example.com/cat.jpg" rel="noopener noreferrer">hot cat</a>');
    expect(md).not.toContain('<script');
    expect(md).toContain('class="missing-image"');
    expect((await rendered).warnings).toContain(
      '[notebook] all-outputs.ipynb cell 1: removed <script> from a Markdown cell',
    );
  });

  it('highlights code with Shiki, with the execution count and a copy button', async () => {
    const code = await cell(2);
    expect(code).toContain('In [3]:');
    expect(code).toContain('data-language="python"');
    expect(code).toMatch(/<span class="cl\d+ cd\d+">/);
    expect(code).toContain('class="code-block__copy"');
  });

  it('shows stdout, stderr (labelled) and execute_result with its Out prompt', async () => {
    const code = await cell(2);
    expect(code).toContain(
      '<div class="nb-output nb-output--stream nb-output--stdout"><div class="nb-output__body"><pre class="nb-output__text" tabindex="0">hello</pre>',
    );
    expect(code).toMatch(/nb-output--stderr.*>stderr<\/span><pre class="nb-output__text" tabindex="0">warn<\/pre>/);
    expect(code).toMatch(/Out \[3\]:.*<pre class="nb-output__text" tabindex="0">42<\/pre>/);
  });

  it('sanitises HTML outputs with the importer allow-list: no script, style or handlers; tables kept', async () => {
    const out = await cell(4);
    expect(out).not.toMatch(/<script|<style|onerror|alert|class="dataframe"|id="T_1"/);
    expect(out).toContain('<div class="nb-table"><table');
    expect(out).toContain('<td>0.912345</td>');
    expect(out).toContain('<p><strong>Inner heading</strong></p>');
    expect(out).toContain('<a href="https://docs.fast.ai" rel="noopener noreferrer">docs</a>');
  });

  it('sanitises SVG outputs before writing them', async () => {
    const { assets, warnings } = await rendered;
    const svg = Buffer.from(assets.find((a) => a.file.endsWith('.svg'))?.base64 ?? '', 'base64').toString();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<rect');
    expect(svg).not.toMatch(/script|onclick|example\.com/);
    expect(warnings.some((w) => w.includes('removed <script> from an SVG output'))).toBe(true);
  });

  it('typesets text/latex and text/markdown math with KaTeX', async () => {
    const out = await cell(5);
    expect(out).toMatch(/nb-output--latex.*katex-display/);
    expect(out).toMatch(/nb-output--markdown.*<strong>bold<\/strong> and <span class="katex">/);
  });

  it('shows an error as its name and value, with the ANSI traceback coloured by classes and kept out of search', async () => {
    const out = await cell(6);
    expect(out).toContain(
      '<p class="nb-error"><strong class="nb-error__name">ZeroDivisionError</strong>: division by zero</p>',
    );
    expect(out).toMatch(/<pre class="nb-output__text nb-traceback" tabindex="0" data-pagefind-ignore="">/);
    expect(out).toContain('<span class="ansi-red">ZeroDivisionError</span>');
    expect(out).toContain('<span class="ansi-green">----> 1</span>');
    expect(out).toContain('<span class="ansi-bright-black">1</span>');
    expect(out).not.toContain('\u001b');
  });

  it('notes widgets and unknown types, skips empty HTML, and falls back when HTML was only a script', async () => {
    const out = await cell(7);
    expect(out).toContain('Output not shown (interactive widget)');
    expect(out).not.toContain('IntSlider');
    expect(out).toContain('Output not shown (application/vnd.plotly.v1+json)');
    expect(out).toContain('Output not shown (mystery_output)');
    expect(out).toContain('&#x3C;Plot>');
    expect(out).not.toContain('IPython.core.display.HTML');
  });

  it('folds outputs over 40 lines after the first 20', async () => {
    const out = await cell(8);
    expect(out).toMatch(
      /line 20<\/pre><details class="nb-fold"><summary data-pagefind-ignore="">Show 40 more lines<\/summary><pre class="nb-output__text" tabindex="0">line 21\n/,
    );
  });

  it('skips empty code cells and shows raw cells as text', async () => {
    const { html } = await rendered;
    expect(html.match(/nb-cell--code/g)).toHaveLength(7);
    expect(html).toContain('<pre class="nb-raw" tabindex="0">raw text cell</pre>');
  });

  it('renders a converted nbformat 3 notebook', { timeout: 60_000 }, async () => {
    const { html, assets } = await renderFixture('nbformat3.ipynb');
    expect(html).toContain('In [1]:');
    expect(html).toMatch(/Out \[1\]:.*<pre class="nb-output__text" tabindex="0">2<\/pre>/);
    expect(html).toContain('<strong class="nb-error__name">KeyError</strong>');
    expect(assets).toHaveLength(1);
  });
});

describe('output size limit', () => {
  it('replaces a single output over 5 MB by a note and reports it', async () => {
    const { renderOutput } = await import('../../../src/notebooks/outputs');
    const reports: string[] = [];
    const ctx = {
      locale: 'en' as const,
      assetUrl: (f: string) => f,
      assets: new Map(),
      markdown: async () => ({ html: '', hasMath: false }),
      report: (w: string, m: string) => reports.push(`${w}: ${m}`),
      hasMath: false,
    };
    const huge = { type: 'stream' as const, name: 'stdout' as const, text: 'x'.repeat(5 * 1024 * 1024 + 1) };
    const out = await renderOutput(huge, 1, ctx, 'cell 2, output 1');
    expect(JSON.stringify(out)).toContain('Output not shown: it is 5.0 MB, over the 5 MB limit');
    expect(JSON.stringify(out)).not.toContain('xxxx');
    expect(reports).toEqual([expect.stringMatching(/^cell 2, output 1: output is 5\.0 MB, over the 5 MB limit/)]);
  });
});

describe('ANSI colours', () => {
  it('maps named, bright and bold codes, and 256-colour codes to the nearest named colour', () => {
    const nodes = ansiToHast('\u001b[1;32mok\u001b[0m \u001b[91mbright\u001b[0m \u001b[38;5;208mX\u001b[0m');
    expect(nodes).toMatchObject([
      { tagName: 'span', properties: { className: ['ansi-green', 'ansi-bold'] } },
      { type: 'text', value: ' ' },
      { tagName: 'span', properties: { className: ['ansi-bright-red'] } },
      { type: 'text', value: ' ' },
      // xterm 208 is orange: nearest named hue is yellow.
      { tagName: 'span', properties: { className: ['ansi-yellow'] } },
    ]);
  });
  it('keeps what a progress bar finally showed on each line', () => {
    expect(overwriteCarriageReturns('10%\r50%\r100%\ndone\r\n')).toBe('100%\ndone\n');
  });
});
