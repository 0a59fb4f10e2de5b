import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { markdownProcessor, rendererOptions } from '../../../src/markdown/config';
import { notebookLoader } from '../../../src/notebooks/loader';

interface Stored {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  filePath?: string;
  rendered?: { html: string; metadata?: { headings?: unknown[]; frontmatter?: Record<string, unknown> } };
}

/** Runs the loader over a notes folder with the parts of Astro's loader context it uses. */
async function load(
  notesRoot: string,
  watcher?: { add(): void; on(event: string, f: (e: string, file: string) => void): void },
) {
  const entries = new Map<string, Stored>();
  const warnings: string[] = [];
  /** Notebooks read (each read is digested first). */
  const reads = { count: 0 };
  const renderer = await markdownProcessor({ notesRoot, base: '/fastai-notes/', strictMath: false }).createRenderer(
    rendererOptions,
  );
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (e: Stored) => Boolean(entries.set(e.id, e)),
      values: () => [...entries.values()],
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    renderMarkdown: async (source: string, options?: { fileURL?: URL }) => {
      const r = await renderer.render(source, options?.fileURL ? { fileURL: options.fileURL } : {});
      return { html: r.code, metadata: r.metadata };
    },
    generateDigest: (v: unknown) => {
      reads.count++;
      return createHash('sha1').update(JSON.stringify(v)).digest('hex');
    },
    logger: { warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) },
    config: { base: '/fastai-notes/', root: pathToFileURL(`${process.cwd()}/`) },
    collection: 'notebooks',
    watcher,
  };
  const loader = notebookLoader({ base: path.join(notesRoot, 'notebooks'), notesRoot });
  // The loader only touches the members above; Astro's full context type is not needed here.
  await loader.load(context as unknown as Parameters<typeof loader.load>[0]);
  return { entries, warnings, reads };
}

const fixture = path.resolve('tests/fixtures/notes-notebooks');

// Each test runs the loader through the production pipeline (Shiki included): seconds, not milliseconds.
describe('notebook loader', { timeout: 120_000 }, () => {
  it('yields one typed entry per notebook, the language from its folder', async () => {
    const { entries } = await load(fixture);
    expect([...entries.keys()].sort()).toEqual(['en/tensors', 'zh/no-heading']);
    const zh = entries.get('zh/no-heading');
    expect(zh?.data).toMatchObject({ title: 'no-heading', lesson: 5, kernelLanguage: 'python', nbformat: 4 });
    expect(zh?.data['cells']).toEqual([
      { type: 'code', source: '1+1', executionCount: 1, outputs: ['execute_result'] },
    ]);
    expect(zh?.filePath).toBe('tests/fixtures/notes-notebooks/notebooks/zh/no-heading.ipynb');
    // Labels in the rendered cells are in the notebook's language.
    expect(zh?.rendered?.html).toContain('复制代码');
  });

  it('lets <slug>.yml override metadata.notes, and keeps heading ids unique across cells', async () => {
    const en = (await load(fixture)).entries.get('en/tensors');
    expect(en?.data).toMatchObject({ title: 'Tensor basics', summary: 'Shapes and broadcasting.', lesson: 8 });
    // "Tensors" is not the title ("Tensor basics"), so it stays, as the top section.
    expect(en?.rendered?.metadata?.headings).toEqual([
      { depth: 2, slug: 'tensors', text: 'Tensors' },
      { depth: 3, slug: 'shapes', text: 'Shapes' },
      { depth: 3, slug: 'shapes-1', text: 'Shapes' },
    ]);
    expect(en?.rendered?.html).toContain('href="#shapes-1"');
    expect(en?.rendered?.html).toContain('<h2 id="tensors">Tensors');
  });

  it('in dev, reads a saved notebook or sidecar again, and nothing outside its folder', async () => {
    const notesRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'notebook-watch-'));
    fs.cpSync(fixture, notesRoot, { recursive: true });
    let onFile: (event: string, file: string) => void = () => {};
    const { entries, reads } = await load(notesRoot, { add: () => {}, on: (_event, f) => (onFile = f) });
    const sidecar = path.join(notesRoot, 'notebooks/en/tensors.yml');
    const summary = () => entries.get('en/tensors')?.data['summary'];
    expect(summary()).toBe('Shapes and broadcasting.');

    fs.writeFileSync(sidecar, fs.readFileSync(sidecar, 'utf8').replace('Shapes and broadcasting.', 'Saved again.'));
    // A pass reads (digests) every notebook before it awaits anything: none may start.
    const before = reads.count;
    onFile('change', path.join(notesRoot, '../elsewhere.yml'));
    await new Promise((done) => setTimeout(done, 0));
    expect(reads.count).toBe(before);
    onFile('change', sidecar);
    await vi.waitFor(() => expect(summary()).toBe('Saved again.'), { timeout: 30_000 });
  });

  it('stops on a broken notebook, naming the file and what to do', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-loader-'));
    try {
      fs.mkdirSync(path.join(root, 'notebooks/en'), { recursive: true });
      fs.writeFileSync(path.join(root, 'notebooks/en/bad.ipynb'), '{"nbformat": 4, "cells": [}');
      await expect(load(root)).rejects.toThrow(
        /notebooks\/en\/bad\.ipynb: not valid JSON at line 1, column \d+.*save it again/,
      );
      fs.rmSync(path.join(root, 'notebooks/en/bad.ipynb'));
      fs.writeFileSync(path.join(root, 'notebooks/stray.ipynb'), '{}');
      await expect(load(root)).rejects.toThrow(/stray\.ipynb: a notebook must be inside a language folder/);
      fs.rmSync(path.join(root, 'notebooks/stray.ipynb'));
      fs.writeFileSync(path.join(root, 'notebooks/en/x.ipynb'), '{"nbformat": 4, "cells": [], "metadata": {}}');
      fs.writeFileSync(path.join(root, 'notebooks/en/x.yml'), 'lesson: [3');
      await expect(load(root)).rejects.toThrow(/x\.yml: is not valid YAML/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
