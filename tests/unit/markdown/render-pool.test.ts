import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, it } from 'vitest';
import { rendererOptions } from '../../../src/markdown/config';
import { htmlFileOf } from '../../../src/lib/stored-html';
import { bundledPipeline } from '../../../src/markdown/workers/pipeline-bundle';
import { RenderPool, renderThreads, threadExecArgv } from '../../../src/markdown/workers/pool';
import { renderMarkdown } from './render';

const workerFile = new URL('../../../src/markdown/workers/render-worker.mjs', import.meta.url);
/** The pipeline as a build bundles it for its threads. */
const pipeline = () => bundledPipeline(new URL('../../../', import.meta.url));

/** Where the threads keep the notes' HTML, as a build's cache folder. */
const htmlDir = fs.mkdtempSync(path.join(os.tmpdir(), 'note-html-'));
afterAll(() => fs.rmSync(htmlDir, { recursive: true, force: true }));

/** The HTML a thread kept for a note. */
const kept = (rendered: { html: string; metadata: Record<string, unknown> }) =>
  fs.readFileSync(htmlFileOf(rendered)!, 'utf8');

/** Our own lessons: long notes with math, code, figures and links. */
const notesRoot = path.resolve('content');

/** A pool whose threads build the pipeline for a notes folder, as a build with NOTES_DIR does. */
function poolFor(notes: string, size: number): RenderPool {
  const saved = { NOTES_DIR: process.env['NOTES_DIR'], BASE_PATH: process.env['BASE_PATH'] };
  // The pool keeps the environment it was made in; its threads read NOTES_DIR and BASE_PATH from it.
  process.env['NOTES_DIR'] = notes;
  process.env['BASE_PATH'] = '/fastai-notes/';
  try {
    return new RenderPool(workerFile, pipeline, { ...markdownConfigDefaults, ...rendererOptions }, size, htmlDir);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe('Markdown render threads', () => {
  const pool = poolFor(notesRoot, 2);
  afterAll(() => pool.close());

  it('render a note exactly as the main thread does', async () => {
    const file = path.join(notesRoot, 'lessons/zh/lesson-6.md');
    const body = fs.readFileSync(file, 'utf8').replace(/^---[\s\S]*?---\n/, '');
    const [threaded, here] = await Promise.all([
      pool.render({ body, frontmatter: {}, filePath: file }),
      renderMarkdown(body, { notesRoot, file: 'lessons/zh/lesson-6.md' }),
    ]);
    // The HTML stays out of the reply (and the store): a file named by its content holds it.
    expect(threaded.html).toBe('');
    expect(path.dirname(htmlFileOf(threaded)!)).toBe(htmlDir);
    expect(kept(threaded)).toBe(here.html);
    expect(kept(threaded)).toContain('class="katex"');
    expect(threaded.metadata['headings']).toEqual(here.headings);
    expect(threaded.metadata['frontmatter']).toMatchObject({ hasMath: true });
    expect(threaded.metadata['imagePaths']).toEqual(here.localImagePaths);
  });

  it('share the work between threads and keep each reply with its note', async () => {
    const notes = Array.from({ length: 8 }, (_, i) => `## Note ${i} {#n${i}}\n\nText $x_${i}$.`);
    const rendered = await Promise.all(
      notes.map((body) => pool.render({ body, frontmatter: {}, filePath: undefined })),
    );
    rendered.forEach((r, i) => expect(kept(r)).toContain(`id="n${i}"`));
  });

  it('stop when idle and start again for the next note', async () => {
    const first = await pool.render({ body: '# A', frontmatter: {}, filePath: undefined });
    await new Promise((r) => setTimeout(r, 1500));
    const again = await pool.render({ body: '# B', frontmatter: {}, filePath: undefined });
    expect([kept(first), kept(again)]).toEqual(['<h1 id="a">A</h1>', '<h1 id="b">B</h1>']);
  });

  it('give up, for the caller to render on the main thread, when a thread cannot start', async () => {
    const broken = new RenderPool(new URL('./no-such-worker.mjs', workerFile), pipeline, {}, 1, htmlDir);
    await expect(broken.render({ body: '# A', frontmatter: {}, filePath: undefined })).rejects.toThrow(
      /render thread stopped/,
    );
    await broken.close();
  });

  it('take the Node flags a thread accepts: not --input-type (node -e builds), heap sizes nor --expose-gc', () => {
    expect(
      threadExecArgv(['--input-type=module', '--max-old-space-size=1024', '--conditions=dev', '--no-warnings']),
    ).toEqual(['--conditions=dev', '--no-warnings']);
    expect(threadExecArgv(['--expose-gc', '--expose_gc', '--enable-source-maps'])).toEqual(['--enable-source-maps']);
  });

  it('start one per core beside the main thread’s, at most three, and none on one core', () => {
    expect([1, 2, 3, 8].map(renderThreads)).toEqual([0, 1, 2, 3]);
  });

  it('say they are busy once every thread has a note waiting, for the main thread to take the next', async () => {
    const one = poolFor(notesRoot, 1);
    expect(one.busy()).toBe(false);
    const first = one.render({ body: '# A', frontmatter: {}, filePath: undefined });
    expect(one.busy()).toBe(false);
    const second = one.render({ body: '# B', frontmatter: {}, filePath: undefined });
    expect(one.busy()).toBe(true);
    await Promise.all([first, second]);
    expect(one.busy()).toBe(false);
    await one.close();
  });
});
