import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import katex from 'katex';
import { t } from '../i18n/ui';
import { ansiToHast, overwriteCarriageReturns } from './ansi';
import { displaySize, placeImage } from './assets';
import { builtFragment, htmlOutput } from './html-output';
import type { RenderContext } from './render-context';

import type { MimeBundle, Output } from './nbformat';
import { sanitizeSvg } from './svg';

/** An output larger than this is replaced by a note: it would make the page too heavy to read. */
export const MAX_OUTPUT_BYTES = 5 * 1024 * 1024;
/** Text outputs longer than this many lines are folded behind a toggle after the first lines. */
export const FOLD_LINES = 40;
const FOLD_HEAD = 20;

const WIDGET = 'application/vnd.jupyter.widget-view+json';

/**
 * MIME types the site can show safely, richest first (Jupyter's own display order without
 * JavaScript). `text/html` that sanitises to nothing falls through to the next type present.
 */
const DISPLAY_ORDER = [
  'text/html',
  'text/markdown',
  'text/latex',
  'image/svg+xml',
  'image/png',
  'image/jpeg',
  'image/gif',
  'text/plain',
] as const;

type Shown = ElementContent[];

export async function renderOutput(
  output: Output,
  prompt: number | null,
  ctx: RenderContext,
  where: string,
): Promise<ElementContent | undefined> {
  const size = outputBytes(output);
  if (size > MAX_OUTPUT_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    ctx.report(
      where,
      `output is ${mb} MB, over the ${MAX_OUTPUT_BYTES / 1024 / 1024} MB limit; a note is shown instead. Clear or shrink the output in Jupyter.`,
    );
    return wrap('note', [note(t(ctx.locale, 'notebook.tooLarge', { size: mb }))]);
  }
  switch (output.type) {
    case 'stream':
      return output.text === ''
        ? undefined
        : wrap(
            `stream nb-output--${output.name}`,
            textBlock(output.text, ctx, { label: output.name === 'stderr' ? 'stderr' : undefined }),
          );
    case 'error': {
      const title = h('p', { className: ['nb-error'] }, [
        h('strong', { className: ['nb-error__name'] }, output.ename),
        output.evalue ? `: ${output.evalue}` : '',
      ]);
      // The traceback is code locations and colours, not content a reader searches for.
      const trace = textBlock(output.traceback.join('\n'), ctx, { ignore: true, className: 'nb-traceback' });
      return wrap('error', [title, ...trace]);
    }
    case 'unknown':
      ctx.report(where, `output type "${output.outputType}" is not part of nbformat 4; a note is shown instead`);
      return wrap('note', [note(t(ctx.locale, 'notebook.notShown', { type: output.outputType }))]);
    case 'display_data':
    case 'execute_result': {
      const shown = await richest(output.data, output.metadata, prompt, ctx, where);
      if (!shown) return undefined;
      const out =
        output.type === 'execute_result' && output.executionCount !== null ? output.executionCount : undefined;
      return wrap(shown.kind, shown.content, out);
    }
  }
}

async function richest(
  data: MimeBundle,
  metadata: Record<string, unknown>,
  prompt: number | null,
  ctx: RenderContext,
  where: string,
): Promise<{ kind: string; content: Shown } | undefined> {
  if (data[WIDGET] !== undefined) return { kind: 'note', content: [note(t(ctx.locale, 'notebook.widget'))] };
  for (const mime of DISPLAY_ORDER) {
    const value = data[mime];
    if (value === undefined) continue;
    switch (mime) {
      case 'text/html': {
        // An empty HTML output is a cleared progress bar: nothing to show, not even its text/plain stand-in.
        if (value.trim() === '') return undefined;
        const html = htmlOutput(value, ctx, where);
        if (html.length) return { kind: 'html', content: html };
        continue;
      }
      case 'text/markdown': {
        const rendered = await ctx.markdown(value);
        if (rendered.hasMath) ctx.hasMath = true;
        return { kind: 'markdown', content: builtFragment(rendered.html) };
      }
      case 'text/latex':
        ctx.hasMath = true;
        return { kind: 'latex', content: builtFragment(latex(value)) };
      case 'image/svg+xml': {
        const clean = sanitizeSvg(value);
        if (!clean) continue;
        for (const what of clean.removed) ctx.report(where, `removed ${what} from an SVG output`);
        const img = image('image/svg+xml', Buffer.from(clean.svg).toString('base64'), metadata, prompt, ctx);
        if (img) return { kind: 'image', content: [img] };
        continue;
      }
      case 'image/png':
      case 'image/jpeg':
      case 'image/gif': {
        const img = image(mime, value, metadata, prompt, ctx);
        if (img) return { kind: 'image', content: [img] };
        ctx.report(where, `${mime} output is not a readable image; it is left out`);
        continue;
      }
      case 'text/plain':
        return value === '' ? undefined : { kind: 'text', content: textBlock(value, ctx) };
    }
  }
  const types = Object.keys(data);
  if (!types.length) return undefined;
  return { kind: 'note', content: [note(t(ctx.locale, 'notebook.notShown', { type: types.join(', ') }))] };
}

function image(
  mime: string,
  base64: string,
  metadata: Record<string, unknown>,
  prompt: number | null,
  ctx: RenderContext,
): ElementContent | undefined {
  const placed = placeImage(mime, base64, ctx.assets);
  if (!placed) return undefined;
  const size = displaySize(metadata, mime, placed);
  const alt =
    prompt === null ? t(ctx.locale, 'notebook.imageAlt') : t(ctx.locale, 'notebook.imageAltCell', { n: prompt });
  return h('img', { src: ctx.assetUrl(placed.file), alt, ...size, loading: 'lazy', decoding: 'async' });
}

/** `$$x$$`, `$x$`, `\[x\]` or a bare environment, typeset by KaTeX as the lessons' math is. */
function latex(value: string): string {
  const trimmed = value.trim();
  const inner =
    /^\$\$([\s\S]*)\$\$$/.exec(trimmed)?.[1] ??
    /^\$([\s\S]*)\$$/.exec(trimmed)?.[1] ??
    /^\\\[([\s\S]*)\\\]$/.exec(trimmed)?.[1] ??
    trimmed;
  return katex.renderToString(inner, {
    displayMode: true,
    throwOnError: false,
    strict: 'ignore',
    output: 'htmlAndMathml',
  });
}

/** Preformatted text with terminal colours; folded after the first lines when it is long. */
function textBlock(
  text: string,
  ctx: RenderContext,
  options: { label?: string | undefined; ignore?: boolean; className?: string } = {},
): Shown {
  const lines = overwriteCarriageReturns(text).replace(/\n$/, '').split('\n');
  const pre = (part: string[]) =>
    // Focusable, as Shiki's code blocks are, so a keyboard can scroll a wide output sideways.
    h(
      'pre',
      {
        className: ['nb-output__text', ...(options.className ? [options.className] : [])],
        tabIndex: 0,
        ...(options.ignore ? { dataPagefindIgnore: '' } : {}),
      },
      ansiToHast(part.join('\n')),
    );
  const label = options.label
    ? [h('span', { className: ['nb-output__label'], dataPagefindIgnore: '' }, options.label)]
    : [];
  if (lines.length <= FOLD_LINES) return [...label, pre(lines)];
  const rest = lines.slice(FOLD_HEAD);
  return [
    ...label,
    pre(lines.slice(0, FOLD_HEAD)),
    h('details', { className: ['nb-fold'] }, [
      h('summary', { dataPagefindIgnore: '' }, t(ctx.locale, 'notebook.moreLines', { n: rest.length })),
      pre(rest),
    ]),
  ];
}

function note(text: string): ElementContent {
  return h('p', { className: ['nb-output__note'] }, text);
}

function wrap(kind: string, content: Shown, executionCount?: number): ElementContent {
  const prompt =
    executionCount === undefined
      ? []
      : [h('span', { className: ['nb-prompt', 'nb-prompt--out'], dataPagefindIgnore: '' }, `Out [${executionCount}]:`)];
  return h(
    'div',
    { className: ['nb-output', ...kind.split(' ').map((k) => (k.startsWith('nb-') ? k : `nb-output--${k}`))] },
    [...prompt, h('div', { className: ['nb-output__body'] }, content)],
  );
}

function outputBytes(output: Output): number {
  switch (output.type) {
    case 'stream':
      return output.text.length;
    case 'error':
      return output.traceback.reduce((n, line) => n + line.length, 0);
    case 'unknown':
      return 0;
    default:
      return Object.values(output.data).reduce((n, v) => n + v.length, 0);
  }
}
