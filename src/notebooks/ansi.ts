import Anser from 'anser';
import type { ElementContent } from 'hast';

/**
 * Terminal colours in tracebacks and `??` help output become spans with classes (`ansi-red`,
 * `ansi-bold`), styled per theme by the notebook component. Escape parsing is anser's, the parser
 * nteract and JupyterLab-era viewers use; 256-colour and true-colour codes, which have no class,
 * get a `color` style attribute (the CSP allows style attributes).
 */
export function ansiToHast(text: string): ElementContent[] {
  const chunks = Anser.ansiToJson(overwriteCarriageReturns(text), { use_classes: true, remove_empty: true });
  return chunks.map((chunk) => {
    const classes: string[] = [];
    const style: string[] = [];
    colour(chunk.fg, chunk.fg_truecolor, 'color', classes, style, '');
    colour(chunk.bg, chunk.bg_truecolor, 'background-color', classes, style, '-bg');
    for (const d of chunk.decorations) classes.push(`ansi-${d}`);
    const value = chunk.content;
    if (!classes.length && !style.length) return { type: 'text', value };
    const properties: Record<string, string | string[]> = {};
    if (classes.length) properties['className'] = classes;
    if (style.length) properties['style'] = style.join(';');
    return { type: 'element', tagName: 'span', properties, children: [{ type: 'text', value }] };
  });
}

/**
 * A carriage return without a newline (tqdm progress bars) rewrites its line in a terminal; as
 * Jupyter does, keep only what the line finally showed.
 * @example overwriteCarriageReturns('10%\r100%\n') // '100%\n'
 */
export function overwriteCarriageReturns(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.split('\r').filter((part) => part !== '').at(-1) ?? '')
    .join('\n');
}

function colour(name: string | null, truecolor: string | null, property: string, classes: string[], style: string[], suffix: string): void {
  if (!name) return;
  if (name === 'ansi-truecolor' && truecolor) {
    style.push(`${property}:rgb(${truecolor})`);
    return;
  }
  const palette = /^ansi-palette-(\d+)$/.exec(name);
  if (!palette) {
    classes.push(name + suffix);
    return;
  }
  const n = Number(palette[1]);
  if (n < 16) classes.push(`${BASIC[n % 8]}${n >= 8 ? '-bright' : ''}${suffix}`.replace(/^(ansi-)(\w+)-bright/, '$1bright-$2'));
  else style.push(`${property}:${paletteColour(n)}`);
}

const BASIC = ['ansi-black', 'ansi-red', 'ansi-green', 'ansi-yellow', 'ansi-blue', 'ansi-magenta', 'ansi-cyan', 'ansi-white'];

/** xterm's 256-colour palette above the 16 named colours: a 6×6×6 cube, then 24 greys. */
function paletteColour(n: number): string {
  if (n >= 232) {
    const g = 8 + (n - 232) * 10;
    return `rgb(${g},${g},${g})`;
  }
  const i = n - 16;
  const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
  return `rgb(${level(Math.floor(i / 36))},${level(Math.floor(i / 6) % 6)},${level(i % 6)})`;
}
