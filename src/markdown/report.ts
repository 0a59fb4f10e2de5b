import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { where } from './source';

/**
 * Prints a build warning naming the note and line, and records it on the file so tests and
 * strict modes can see it. Warnings never stop the build; the caller decides what is fatal.
 */
export function warnAt(file: VFile, node: Node | undefined, message: string, ruleId: string): void {
  const line = node?.position?.start.line;
  console.warn(`[notes] ${where(file.path, line)}: ${message}`);
  const msg = file.message(message, { place: node?.position, ruleId, source: 'notes' });
  msg.fatal = false;
}
