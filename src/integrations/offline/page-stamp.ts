import fs from 'node:fs/promises';
import path from 'node:path';

import { BUILD_NAME_ATTRIBUTE, BUILD_NAME_LENGTH } from '../../lib/offline/config';

const marker = Buffer.from(`${BUILD_NAME_ATTRIBUTE}="`);
const attribute = Buffer.from(BUILD_NAME_ATTRIBUTE);
const QUOTE = 0x22;
const EQUALS = 0x3d;
/** The search dialog is in the page's header: its attribute is found in the first bytes of a page. */
const HEAD_BYTES = 64 * 1024;

/** Where in a page the name goes, or -1. */
async function nameOffset(file: fs.FileHandle): Promise<number> {
  const head = Buffer.alloc(HEAD_BYTES);
  const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
  let at = head.subarray(0, bytesRead).indexOf(marker);
  if (at < 0 && bytesRead === HEAD_BYTES) at = (await file.readFile()).indexOf(marker);
  return at < 0 ? -1 : at + marker.length;
}

/**
 * Writes `build` into the attribute of every page under `root` that has it, in place; returns how
 * many. A page restored from Astro's incremental cache is a copy of the cached one (a clone where
 * the file system can, whose blocks part on write), so the cached copy keeps its placeholder.
 */
export async function stampBuildName(root: string, build: string): Promise<number> {
  if (build.length !== BUILD_NAME_LENGTH)
    throw new Error(`a build's name has ${BUILD_NAME_LENGTH} characters, not "${build}"`);
  const name = Buffer.from(build);
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  let count = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = await fs.open(path.join(entry.parentPath, entry.name), 'r+');
    try {
      const at = await nameOffset(file);
      if (at < 0) continue;
      await file.write(name, 0, name.length, at);
      count++;
    } finally {
      await file.close();
    }
  }
  return count;
}

/**
 * A page's bytes without the build's name (the attribute with its value), in pieces: what a page
 * is apart from the build that stamped it, for what a build keeps for the next one by content
 * (its search bundles, the offline lists' transfer sizes).
 */
export function withoutBuildName(page: Buffer): Buffer[] {
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = page.indexOf(attribute); at >= 0; at = page.indexOf(attribute, from)) {
    pieces.push(page.subarray(from, at));
    from = at + attribute.length;
    if (page[from] === EQUALS && page[from + 1] === QUOTE) {
      const close = page.indexOf(QUOTE, from + 2);
      from = close < 0 ? page.length : close + 1;
    }
  }
  pieces.push(page.subarray(from));
  return pieces;
}
