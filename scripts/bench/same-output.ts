import fs from 'node:fs';
import path from 'node:path';
import { BUILD_NAME_ATTRIBUTE } from '../../src/lib/offline/config';

/** A page's build name changes with every build by design (page-stamp.ts); everything else must not. */
const buildName = new RegExp(`${BUILD_NAME_ATTRIBUTE}="[^"]*"`, 'g');

function pages(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(html|xml)$/.test(f))
    .sort();
}

/**
 * The pages (HTML and XML) that differ between two builds, or are in only one: how the bench checks
 * that an incremental rebuild wrote what a clean build of the same notes writes.
 */
export function differingPages(a: string, b: string): string[] {
  const left = pages(a);
  const inLeft = new Set(left);
  const right = new Set(pages(b));
  const differ = [...right].filter((f) => !inLeft.has(f));
  for (const file of left) {
    if (!right.has(file)) differ.push(file);
    else {
      const read = (dir: string) => fs.readFileSync(path.join(dir, file), 'utf8').replace(buildName, '');
      if (read(a) !== read(b)) differ.push(file);
    }
  }
  return differ.sort();
}
