import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { keepBundle, nodeBundle, ownImportMeta } from '../../src/node/node-bundle';
import { configOption } from '../../scripts/lib/config-option';

const repo = new URL('../../', import.meta.url);
// Sources outside node_modules (whose files the plugin leaves alone), bundles where packages resolve.
const dir = fileURLToPath(new URL('.cache/node-bundle-test/', repo));
const bundles = fileURLToPath(new URL('node_modules/.cache/node-bundle-test/', repo));
afterAll(() => {
  for (const d of [dir, bundles]) fs.rmSync(d, { recursive: true, force: true });
});

/** An entry importing a module that says where it is, bundled and imported as Node would. */
async function whereTheModuleSays(plugins: (typeof ownImportMeta)[]) {
  const sources = path.join(dir, 'src', String(plugins.length));
  fs.mkdirSync(path.join(sources, 'lib'), { recursive: true });
  const where = path.join(sources, 'lib', 'where.ts');
  fs.writeFileSync(where, 'export const here = { url: import.meta.url, dirname: import.meta.dirname };\n');
  fs.writeFileSync(path.join(sources, 'entry.ts'), "export { here } from './lib/where';\n");
  const { outputFiles } = await build({ ...nodeBundle, entryPoints: [path.join(sources, 'entry.ts')], plugins });
  const bundle = keepBundle(
    new URL(`node_modules/.cache/node-bundle-test/out${plugins.length}/`, repo),
    '.',
    outputFiles[0]!.text,
  );
  const { here } = (await import(bundle.href)) as { here: { url: string; dirname: string } };
  return { here, where, bundle };
}

describe('bundling project modules for Node', () => {
  it('keeps each file’s own import.meta, so the config finds what lies beside its sources', async () => {
    const { here, where } = await whereTheModuleSays([ownImportMeta]);
    expect(here).toEqual({ url: pathToFileURL(where).href, dirname: path.dirname(where) });
  });

  it('would name the bundle itself without it', async () => {
    const { here, bundle } = await whereTheModuleSays([]);
    expect(here.url).toBe(bundle.href);
  });

  it('names a bundle by its content and writes the same code once', () => {
    const a = keepBundle(repo, 'node-bundle-test/kept', 'export default 1;\n');
    const written = fs.statSync(a).mtimeMs;
    expect(keepBundle(repo, 'node-bundle-test/kept', 'export default 1;\n').href).toBe(a.href);
    expect(fs.statSync(a).mtimeMs).toBe(written);
    expect(keepBundle(repo, 'node-bundle-test/kept', 'export default 2;\n').href).not.toBe(a.href);
  });
});

describe('configOption', () => {
  it('reads --config in either form and leaves the other options', () => {
    expect(configOption(['--force', '--config', 'a.mjs', '--outDir', 'd'])).toEqual({
      config: 'a.mjs',
      rest: ['--force', '--outDir', 'd'],
    });
    expect(configOption(['--config=b.mjs', '--force'])).toEqual({ config: 'b.mjs', rest: ['--force'] });
    expect(configOption(['--outDir', 'd'])).toEqual({ config: undefined, rest: ['--outDir', 'd'] });
  });
});
