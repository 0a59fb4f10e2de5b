import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, sourceFiles } from './import-graph';

/**
 * The layers of `src/`, as the README's architecture map states them: each folder and the folders
 * its modules may import. A module may always import its own folder.
 */
const layers: Record<string, readonly string[]> = {
  lib: ['i18n'],
  i18n: ['lib'],
  client: ['lib', 'i18n'],
  node: ['lib', 'i18n'],
  markdown: ['lib', 'node', 'i18n'],
  notebooks: ['markdown', 'lib', 'node', 'i18n'],
  import: ['markdown', 'notebooks', 'lib', 'node', 'i18n'],
  scaffold: ['lib', 'node', 'i18n'],
  data: ['markdown', 'notebooks', 'lib', 'node', 'i18n'],
  routing: ['data', 'lib', 'node', 'i18n'],
  integrations: ['markdown', 'lib', 'node', 'i18n'],
  components: ['client', 'data', 'routing', 'notebooks', 'lib', 'node', 'i18n'],
  layouts: ['components', 'client', 'routing', 'lib', 'i18n'],
  pages: ['layouts', 'components', 'routing', 'data', 'notebooks', 'lib', 'node', 'i18n'],
  'content.config.ts': ['notebooks', 'markdown', 'lib', 'node', 'i18n'],
  'env.d.ts': [],
};

const root = path.resolve(import.meta.dirname, '../../..');
const files = sourceFiles(root, 'src');
const graph = importGraph(root, files);
const layerOf = (file: string) => file.split('/')[1]!;

describe('the layers of src/', () => {
  it('knows every folder of src/', () => {
    const unknown = [...new Set(files.map(layerOf))].filter((l) => !(l in layers));
    expect(unknown, 'a new folder of src/ needs its row in the README map and in this table').toEqual([]);
  });

  it('imports only along the layers', () => {
    const against = graph.flatMap(({ file, imports }) =>
      imports
        .filter((to) => to.startsWith('src/'))
        .filter((to) => layerOf(to) !== layerOf(file) && !layers[layerOf(file)]!.includes(layerOf(to)))
        .map((to) => `${file} imports ${to}`),
    );
    expect(against).toEqual([]);
  });

  it('never imports the tests, the command-line tools or their helpers', () => {
    const outside = graph.flatMap(({ file, imports }) =>
      imports.filter((to) => !to.startsWith('src/')).map((to) => `${file} imports ${to}`),
    );
    expect(outside).toEqual([]);
  });

  it('has no circular import', () => {
    expect(importCycles(graph)).toEqual([]);
  });
});

describe('the cycle finder', () => {
  it('finds a loop of two modules and leaves a chain alone', () => {
    expect(
      importCycles([
        { file: 'a', imports: ['b'] },
        { file: 'b', imports: ['a', 'c'] },
        { file: 'c', imports: [] },
      ]),
    ).toEqual([['a', 'b']]);
  });
});
