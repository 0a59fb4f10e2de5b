import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from '../markdown/render';
import { renderNotebookFile } from './support';

/**
 * A notes folder whose lesson and notebook both show `leak.png`, a symbolic link inside the folder
 * to a picture outside it. A 1×1 PNG whose bytes are recognisable in a published asset.
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'notebook-outside-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const notes = path.join(work, 'notes');
const secret = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);
for (const dir of ['notebooks/en', 'lessons/en']) {
  fs.mkdirSync(path.join(notes, dir), { recursive: true });
  fs.symlinkSync(path.join(work, 'secret.png'), path.join(notes, dir, 'leak.png'));
}
fs.writeFileSync(path.join(work, 'secret.png'), secret);
fs.writeFileSync(
  path.join(notes, 'notebooks/en/inside.png'),
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const notebook = path.join(notes, 'notebooks/en/leak.ipynb');
fs.writeFileSync(
  notebook,
  JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python3', language: 'python' } },
    cells: [
      {
        cell_type: 'markdown',
        metadata: {},
        source: ['# Leak\n', '\n', '![chart](leak.png)\n', '\n', '![ok](inside.png)\n'],
      },
    ],
  }),
);

describe('an image in a notebook cell that links outside the notes folder', () => {
  it('gets the refusal and placeholder a lesson gets, and is not published', async () => {
    // The pipeline warns on the console, naming the note and the line, as the build shows it.
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const lesson = await renderMarkdown('![chart](leak.png)\n', { notesRoot: notes, file: 'lessons/en/lesson-1.md' });
    const nb = await renderNotebookFile(notebook, notes);
    const warnings = warned.mock.calls.map((call) => String(call[0]));
    warned.mockRestore();
    const refusal = (file: string) =>
      warnings.filter((w) => w.includes(`${file}:`) && w.includes('image "leak.png" is outside the notes folder'));
    expect(refusal('lessons/en/lesson-1.md')).toHaveLength(1);
    expect(refusal('notebooks/en/leak.ipynb')).toHaveLength(1);
    expect(lesson.html).toContain('class="missing-image"');
    expect(nb.html.match(/class="missing-image"/g)).toHaveLength(1);
    // The image inside the folder is published; the one behind the link is not.
    expect(nb.assets).toHaveLength(1);
    expect(nb.assets.filter((a) => Buffer.from(a.base64, 'base64').equals(secret))).toEqual([]);
    expect(nb.html).toContain(`src="/fastai-notes/en/notebooks/x/${nb.assets[0]!.file}"`);
    expect(nb.html).not.toMatch(/src="[^"]*leak\.png"/);
  });
});
