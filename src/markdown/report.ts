import fs from 'node:fs';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { where } from './source';

/**
 * How many lines of the file on disk come before the text the Markdown processor was given: Astro
 * hands plugins a note's body without its front matter, so positions count from the body.
 */
function bodyOffset(file: VFile): number {
  if (!file.path || typeof file.value !== 'string' || !file.value) return 0;
  try {
    const raw = fs.readFileSync(file.path, 'utf8').replace(/\r\n?/g, '\n');
    const at = raw.lastIndexOf(file.value);
    return at > 0 ? raw.slice(0, at).split('\n').length - 1 : 0;
  } catch {
    return 0;
  }
}

/**
 * Prints a build warning naming the note and line (of the file, front matter included), and
 * records it on the file so tests and strict modes can see it. Warnings never stop the build; the
 * caller decides what is fatal.
 */
export function warnAt(file: VFile, node: Node | undefined, message: string, ruleId: string): void {
  const line = node?.position?.start.line;
  console.warn(`[notes] ${where(file.path, line === undefined ? undefined : line + bodyOffset(file))}: ${message}`);
  const msg = file.message(message, { place: node?.position, ruleId, source: 'notes' });
  msg.fatal = false;
}
