import {
  rehypeHeadingIds,
  remarkCollectImages,
  unified as astroUnified,
  type MarkdownHeading,
  type MarkdownRenderer,
  type RehypePlugins,
  type RemarkPlugins,
} from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { forEachElement } from '../lib/html/elements';
import { rehypeRawWhereNeeded } from './rehype-raw-where-needed';

type AstroProcessor = ReturnType<typeof astroUnified>;

/**
 * Astro's `unified()` Markdown processor with its `.md` renderer made here: the same steps in the
 * same order as Astro's (`createMarkdownProcessor` in @astrojs/markdown-remark: remark-parse, GFM,
 * the remark plugins, image collection, remark-rehype, the rehype plugins, image markers, heading
 * ids, raw HTML, stringify), but raw HTML is parsed only where there is some
 * (rehype-raw-where-needed.ts). `.mdx` notes keep Astro's own MDX renderer. Astro lets a site
 * bring its own processor (`markdown.processor`); this one keeps the name and options MDX reads.
 * SmartyPants is the remark plugins' (remark-smart-punctuation.ts) and code is highlighted by
 * theirs too, so Astro's own are not offered.
 */
export function notesProcessor(options: { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins }) {
  const processor = astroUnified({ ...options, smartypants: false });
  return {
    ...processor,
    async createRenderer(shared: Parameters<AstroProcessor['createRenderer']>[0]): Promise<MarkdownRenderer> {
      const pipeline = unified()
        .use(remarkParse)
        .use(shared.gfm === false ? [] : [remarkGfm])
        .use(pluggable(processor.options.remarkPlugins))
        .use(remarkCollectImages, shared.image)
        .use(remarkRehype, { allowDangerousHtml: true, passThrough: [], ...processor.options.remarkRehype })
        .use(pluggable(processor.options.rehypePlugins))
        .use(rehypeAstroImages)
        .use(rehypeHeadingIds)
        .use(rehypeRawWhereNeeded)
        .use(rehypeStringify, { allowDangerousHtml: true });
      return {
        async render(content, renderOptions) {
          const file = new VFile({
            value: content,
            path: renderOptions?.fileURL,
            data: { astro: { frontmatter: renderOptions?.frontmatter ?? {} } },
          });
          // As Astro's renderer does: a failing note is named, whatever step failed.
          const result = await pipeline.process(file).catch((error: unknown) => {
            if (error instanceof Error)
              error.message = `Failed to parse Markdown file "${file.path}":\n${error.message}`;
            throw error;
          });
          const astro = result.data['astro'] as AstroFileData | undefined;
          return {
            code: String(result.value),
            metadata: {
              headings: astro?.headings ?? [],
              localImagePaths: astro?.localImagePaths ?? [],
              remoteImagePaths: astro?.remoteImagePaths ?? [],
              frontmatter: astro?.frontmatter ?? {},
            },
          };
        },
      };
    },
  };
}

/** What Astro's steps leave on a file (`file.data.astro`). */
interface AstroFileData {
  headings?: MarkdownHeading[];
  localImagePaths?: string[];
  remoteImagePaths?: string[];
  frontmatter?: Record<string, unknown>;
}

/** The site's plugin lists hold plugins, not names of packages: as unified takes them. */
function pluggable(plugins: RemarkPlugins | RehypePlugins): PluggableList {
  return plugins.map((p) => (typeof p === 'string' ? unknownPlugin(p) : p)) as PluggableList;
}

function unknownPlugin(name: string): never {
  throw new Error(`Markdown plugin "${name}" is named by package; src/markdown/config.ts lists plugins themselves.`);
}

/** Properties Astro's image markers keep on the element rather than in the marker. */
const KEPT_ON_ELEMENT = ['className', 'htmlFor'] as const;

/**
 * Marks each image remark-collect-images collected, for Astro to put its optimised image in its
 * place: Astro's rehypeImages step (@astrojs/markdown-remark, not exported), as it writes the
 * marker. The unit test renders notes of the site and the corpus through Astro's own renderer and this one
 * and finds the pages equal, images included.
 */
function rehypeAstroImages() {
  return (tree: Root, file: VFile) => {
    const astro = file.data['astro'] as AstroFileData | undefined;
    const local = astro?.localImagePaths ?? [];
    const remote = astro?.remoteImagePaths ?? [];
    if (!local.length && !remote.length) return;
    const seen = new Map<string, number>();
    forEachElement(tree, (node) => {
      if (node.tagName !== 'img' || typeof node.properties['src'] !== 'string') return;
      const original = node.properties['src'];
      const src = decodeURI(original);
      let image: Record<string, unknown>;
      if (local.includes(src)) image = { ...node.properties, src };
      else if (remote.includes(src))
        image = {
          inferSize: 'width' in node.properties && 'height' in node.properties ? undefined : true,
          ...node.properties,
          src,
        };
      else return;
      const kept: Record<string, unknown> = {};
      for (const key of KEPT_ON_ELEMENT)
        if (key in image) {
          kept[key] = image[key];
          delete image[key];
        }
      const index = seen.get(original) ?? 0;
      seen.set(original, index + 1);
      node.properties = { ...kept, __ASTRO_IMAGE_: JSON.stringify({ ...image, index }) } as typeof node.properties;
    });
  };
}
