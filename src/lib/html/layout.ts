/** A piece of sanitised HTML: block-level tags go on lines of their own when a block is laid out. */
export interface Piece {
  text: string;
  block: boolean;
}

/** Indentation (or `> `) that continuation lines need to stay inside the same list item or quote. */
export function containerPrefix(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return text.slice(lineStart, offset).replace(/[^>\t]/g, ' ');
}

/**
 * Puts each block-level tag on its own line and the content between them in blank-line separated
 * paragraphs. CommonMark ends an HTML block at a blank line, so the content becomes Markdown again
 * and the images converted from `<img>` are real images inside the table cell.
 */
export function layout(pieces: readonly Piece[], prefix: string): string {
  if (!pieces.some((p) => p.block)) return pieces.map((p) => p.text).join('');
  const lines: string[] = [];
  let buffer = '';
  const flush = () => {
    const content = buffer
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (content.length) lines.push('', ...content, '');
    buffer = '';
  };
  for (const p of pieces) {
    if (p.block && p.text.trim()) {
      flush();
      lines.push(p.text.trim());
    } else buffer += p.text;
  }
  flush();
  const compact = lines.filter((l, i) => l !== '' || (i > 0 && lines[i - 1] !== ''));
  while (compact[0] === '') compact.shift();
  while (compact.at(-1) === '') compact.pop();
  return compact.map((l, i) => (i === 0 ? l : l ? prefix + l : prefix.trimEnd())).join('\n');
}
