import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');

/**
 * The project's own Astro config with a cache folder of its own (`cacheDir`), written to `file`,
 * and its path as `astro build --config` takes it. Builds that run at the same time as each other
 * (the test sites, `astro check`) or that must start from clean (the bench's) would otherwise
 * share, and overwrite, one content store in node_modules/.astro.
 */
export function configWithCacheDir(file: string, cacheDir: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `import config from ${JSON.stringify(path.join(repo, 'astro.config.ts'))};\n` +
      `export default { ...config, cacheDir: ${JSON.stringify(cacheDir)} };\n`,
  );
  // Astro joins --config to the project folder, even when it is absolute.
  return path.relative(repo, file);
}
