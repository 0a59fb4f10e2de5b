import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, sourceFiles } from './import-graph';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * The layers of `src/` as the README's architecture table states them: each folder (or top-level
 * file) and the folders its modules may import besides its own. The README is the one statement
 * of the rule; this test holds the code to it.
 */
function readmeLayers(readme: string): Map<string, string[]> {
  const rows = [...readme.matchAll(/^\| `src\/([^`/]+)\/?` *\| .*? \| (.*?) *\|$/gm)];
  return new Map(rows.map((m) => [m[1]!, [...m[2]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!)]));
}

const layers = readmeLayers(fs.readFileSync(path.join(root, 'README.md'), 'utf8'));
const files = sourceFiles(root, 'src');
const graph = importGraph(root, files);
const layerOf = (file: string) => file.split('/')[1]!;

describe('the layers of src/', () => {
  it('has a row in the README for every folder of src/, and a folder for every row', () => {
    const tree = fs.readdirSync(path.join(root, 'src')).sort();
    expect([...layers.keys()].sort()).toEqual(tree);
  });

  it('imports only along the layers', () => {
    const against = graph.flatMap(({ file, imports }) =>
      imports
        .filter((to) => to.startsWith('src/') && layerOf(to) !== layerOf(file))
        .filter((to) => !layers.get(layerOf(file))?.includes(layerOf(to)))
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

describe('the architecture check itself', () => {
  it('reads a README row and finds a loop of two modules, leaving a chain alone', () => {
    const table = readmeLayers('| `src/lib/` | pure | `i18n` |\n| `src/styles/` | CSS | — |\n');
    expect([...table]).toEqual([
      ['lib', ['i18n']],
      ['styles', []],
    ]);
    expect(
      importCycles([
        { file: 'a', imports: ['b'] },
        { file: 'b', imports: ['a', 'c'] },
        { file: 'c', imports: [] },
      ]),
    ).toEqual([['a', 'b']]);
  });
});
