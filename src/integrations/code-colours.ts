import type { AstroIntegration } from 'astro';
import { vitePluginIntegration } from './vite-plugin';
import { codeColoursCss, codePalette } from '../markdown/code-colours';
import { codeHighlighter, codeThemes } from '../markdown/rehype-code-highlight';

/** The stylesheet of code colour classes (src/markdown/code-colours.ts), imported by the base layout. */
export const CODE_COLOURS_MODULE = 'virtual:fastai-notes/code-colours.css';
const resolved = `\0${CODE_COLOURS_MODULE}`;

/** Builds the code colour classes' stylesheet from the code themes, so it cannot drift from them. */
export function codeColours(): AstroIntegration {
  return vitePluginIntegration({
    name: 'fastai-notes:code-colours',
    resolveId: (id) => (id === CODE_COLOURS_MODULE ? resolved : undefined),
    load: async (id) =>
      id === resolved ? codeColoursCss(codePalette(await codeHighlighter(), codeThemes)) : undefined,
  });
}
