import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { mdxIdMessage, mdxIdMistakes } from '../lib/heading-ids';

/**
 * Stops the build on `## Title {#id}` in an `.mdx` note with a message that names the file, the
 * line and the form to write, before MDX's own parser fails on it with "Could not parse expression
 * with acorn". Must be listed before `mdx()` so its transform runs first.
 */
export function mdxHeadingIds(): AstroIntegration {
  return {
    name: 'fastai-notes:mdx-heading-ids',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
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
              },
            ],
          },
        });
      },
    },
  };
}
