import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { vitePluginIntegration } from './vite-plugin';
import { mdxIdMessage, mdxIdMistakes } from '../lib/heading-ids';

/**
 * Names `## Title {#id}` in an `.mdx` note, with the line and the form to write, in the dev
 * server's error overlay, before MDX's own parser fails on it with "Could not parse expression
 * with acorn". (A build stops earlier, at content sync, on the same rule: content.config.ts.)
 * Must be listed before `mdx()` so its transform runs first.
 */
export function mdxHeadingIds(): AstroIntegration {
  return vitePluginIntegration({
    name: 'fastai-notes:mdx-heading-ids',
    enforce: 'pre',
    transform: {
      filter: { id: /\.mdx(\?.*)?$/ },
      handler(code, id) {
        const mistakes = mdxIdMistakes(code);
        if (!mistakes.length) return;
        const file = path.relative(process.cwd(), id.replace(/\?.*$/, ''));
        this.error(mdxIdMessage(file, mistakes));
      },
    },
  });
}
