import Anser from 'anser';
import type { ElementContent } from 'hast';

/**
 * Terminal colours in tracebacks and `??` help output become spans with classes (`ansi-red`,
 * `ansi-bold`), styled per theme by the notebook component. Escape parsing is anser's, the parser
 * nteract and JupyterLab-era viewers use.
 */
export function ansiToHast(text: string): ElementContent[] {
  const chunks = Anser.ansiToJson(overwriteCarriageReturns(text), { use_classes: true, remove_empty: true });
  return chunks.map((chunk) => {
    const classes: string[] = [];
    colour(chunk.fg, chunk.fg_truecolor, classes, '');
    colour(chunk.bg, chunk.bg_truecolor, classes, '-bg');
    for (const d of chunk.decorations) classes.push(`ansi-${d}`);
    const value = chunk.content;
    if (!classes.length) return { type: 'text', value };
    return {
      type: 'element',
      tagName: 'span',
      properties: { className: classes },
      children: [{ type: 'text', value }],
    };
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
    .map(
      (line) =>
        line
          .split('\r')
          .filter((part) => part !== '')
          .at(-1) ?? '',
    )
    .join('\n');
}

function colour(name: string | null, truecolor: string | null, classes: string[], suffix: string): void {
  if (!name) return;
  const rgb = name === 'ansi-truecolor' && truecolor ? truecolor.split(',').map(Number) : undefined;
  const palette = /^ansi-palette-(\d+)$/.exec(name)?.[1];
  if (rgb) classes.push(`${nearestNamed(rgb)}${suffix}`);
  else if (palette !== undefined) {
    const n = Number(palette);
    classes.push(`${n < 16 ? `ansi-${n >= 8 ? 'bright-' : ''}${BASIC[n % 8]}` : nearestNamed(paletteRgb(n))}${suffix}`);
  } else classes.push(name + suffix);
}

const BASIC = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

/** xterm's 256-colour palette above the 16 named colours: a 6×6×6 cube, then 24 greys. */
function paletteRgb(n: number): number[] {
  if (n >= 232) {
    const g = 8 + (n - 232) * 10;
    return [g, g, g];
  }
  const i = n - 16;
  const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
  return [level(Math.floor(i / 36)), level(Math.floor(i / 6) % 6), level(i % 6)];
}

/**
 * 256-colour and true-colour codes are folded onto the nearest named colour by hue (greys by
 * lightness), so every colour a terminal program picks has a class with readable contrast in
 * both themes instead of a fixed RGB chosen for someone's black terminal.
 */
function nearestNamed([r = 0, g = 0, b = 0]: number[]): string {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 40) return max < 200 ? 'ansi-bright-black' : 'ansi-white';
  let hue: number;
  if (max === r) hue = ((g - b) / (max - min) + 6) % 6;
  else if (max === g) hue = (b - r) / (max - min) + 2;
  else hue = (r - g) / (max - min) + 4;
  const names = ['red', 'yellow', 'green', 'cyan', 'blue', 'magenta'];
  return `ansi-${names[Math.round(hue) % 6]}`;
}
