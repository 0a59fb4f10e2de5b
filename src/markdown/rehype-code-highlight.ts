import { syntaxHighlightDefaults } from '@astrojs/markdown-remark';
import type { Element, Parent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { createHighlighter, isSpecialLang, type BundledLanguage, type Highlighter, type ShikiTransformer } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { forEachElement } from '../lib/html/elements';
import { threadShared } from '../lib/thread-shared';
import { codePalette, coloursAsClasses } from './code-colours';

/**
 * Code blocks coloured by Shiki, as Astro's own highlighting writes them (`pre.astro-code` with
 * `data-language`, light and dark colours as CSS variables), except that a token's variables are
 * set by a class (code-colours.ts), and with Shiki's JavaScript regular expression engine instead
 * of the Oniguruma WebAssembly Astro always uses: on our lessons' 274 code blocks it gives the same
 * HTML in half the time, and highlighting was a sixth of a note's render. Astro's highlighting is
 * turned off (`syntaxHighlight: false` in config.ts) so that this runs in its place, first of the
 * rehype plugins as Astro's ran.
 */

/** Light and dark code themes; colours come out as CSS variables and the theme picks one. */
export const codeThemes = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/**
 * Shiki gives up on a line after 500 ms and keeps the colours it has so far, without a word. A
 * language's first lines compile its grammar's patterns, so on a busy machine code came out
 * coloured wrongly (seen in builds running beside the test suite). A build has no such deadline.
 */
const tokenizeWithoutTimeLimit: ShikiTransformer = {
  name: 'fastai-notes:tokenize-without-time-limit',
  preprocess(_code, options) {
    options.tokenizeTimeLimit = 0;
  },
};

/**
 * What Astro's highlighter adds to Shiki's output, so pages, styles and tests see the same HTML:
 * the `astro-code` class, the language, a scrolling block, and a diff's `+`/`-` kept out of copies.
 */
const asAstroWritesIt: ShikiTransformer = {
  name: 'fastai-notes:as-astro-writes-it',
  pre(node) {
    node.properties['class'] = String(node.properties['class'] ?? '').replace(/shiki/g, 'astro-code');
    node.properties['dataLanguage'] = this.options.lang;
    node.properties['style'] = `${String(node.properties['style'] ?? '')}; overflow-x: auto;`;
  },
  line(node) {
    if (this.options.lang !== 'diff') return;
    const span = node.children[0];
    const text = span?.type === 'element' ? span.children[0] : undefined;
    const sign = text?.type === 'text' ? text.value[0] : undefined;
    if (span?.type !== 'element' || text?.type !== 'text' || (sign !== '+' && sign !== '-')) return;
    text.value = text.value.slice(1);
    span.children.unshift({
      type: 'element',
      tagName: 'span',
      properties: { style: 'user-select: none;' },
      children: [{ type: 'text', value: sign }],
    });
  },
};

/**
 * One highlighter per thread, languages loaded as notes ask for them: a build has two copies of
 * this module, the config's (the Markdown notes' plugins) and the content loaders' (the notebooks'
 * code cells), and each made a highlighter of its own and compiled the same grammars again. Named
 * with the themes, so a theme changed in the dev server gets a highlighter of its own.
 */
export function codeHighlighter(): Promise<Highlighter> {
  return threadShared(`code-highlighter:${Object.values(codeThemes).join()}`, () =>
    createHighlighter({
      themes: Object.values(codeThemes),
      langs: ['plaintext'],
      engine: createJavaScriptRegexEngine(),
    }),
  );
}

/** Colours as classes (code-colours.ts), the palette read once per thread. */
let asClasses: ShikiTransformer | undefined;

/** Languages Astro leaves alone (`math`: remark-math's display blocks, which KaTeX typesets). */
const excluded: readonly string[] = syntaxHighlightDefaults.excludeLangs ?? [];

/** Warned once each: a language Shiki does not know is highlighted as plain text, as by Astro. */
const unknownLanguages = new Set<string>();

async function loadedLanguage(shiki: Highlighter, lang: string): Promise<BundledLanguage | 'plaintext'> {
  // A language name from a note: Shiki says whether it knows it.
  const named = lang as BundledLanguage;
  if (isSpecialLang(lang) || shiki.getLoadedLanguages().includes(lang)) return named;
  try {
    await shiki.loadLanguage(named);
    return named;
  } catch {
    if (!unknownLanguages.has(lang))
      console.warn(`[Shiki] The language "${lang}" doesn't exist, falling back to "plaintext".`);
    unknownLanguages.add(lang);
    return 'plaintext';
  }
}

/**
 * Names notes give a language that Shiki does not know by that name: Jupyter's kernel names
 * (```python3, seen in real notes, came out uncoloured and labelled "Text"; a notebook's kernel).
 */
const languageAliases: Record<string, string> = {
  python3: 'python',
  py3: 'python',
  ipython: 'python',
  ipython3: 'python',
};

/** Shiki's name for a language as a note or a notebook's kernel names it. @example shikiLanguage('IPython3') // 'python' */
export function shikiLanguage(name: string): string {
  return languageAliases[name.toLowerCase()] ?? name;
}

function languageOf(code: Element): string {
  const classes = code.properties['className'];
  for (const name of Array.isArray(classes) ? classes : [classes]) {
    const lang = typeof name === 'string' ? /\blanguage-(\S+)\b/.exec(name)?.[1] : undefined;
    if (lang) return shikiLanguage(lang);
  }
  return 'plaintext';
}

/**
 * Blocks already highlighted in this thread, by everything that decides their HTML: the Chinese
 * notes are translations that keep the English notes' code, and the real corpus's 1,785 blocks
 * hold 911 different ones. Each use gets its own copy, as later plugins change the tree. Bounded,
 * oldest first out, so a large site's code does not all stay in memory.
 */
const HIGHLIGHTED_KEPT = 4000;
const highlightedBlocks = () =>
  threadShared(`highlighted-blocks:${Object.values(codeThemes).join()}`, () => new Map<string, Element>());

function remembered(kept: Map<string, Element>, key: string, make: () => Element): Element {
  let block = kept.get(key);
  if (!block) {
    block = make();
    if (kept.size >= HIGHLIGHTED_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, block);
  }
  return structuredClone(block);
}

export function rehypeCodeHighlight() {
  return async (tree: Root) => {
    // As Astro's: a <pre> whose one child is a <code>, the language from its class.
    const blocks: { parent: Parent; index: number; code: Element; lang: string }[] = [];
    forEachElement(tree, (node, index, parent) => {
      const code = node.children[0];
      if (node.tagName !== 'pre' || node.children.length !== 1 || code?.type !== 'element' || code.tagName !== 'code')
        return;
      const lang = languageOf(code);
      if (!excluded.includes(lang)) blocks.push({ parent, index, code, lang });
      return 'skip';
    });
    if (!blocks.length) return;
    const shiki = await codeHighlighter();
    asClasses ??= coloursAsClasses(codePalette(shiki, codeThemes));
    const kept = highlightedBlocks();
    for (const { parent, index, code, lang } of blocks) {
      const meta = code.data?.meta ?? code.properties['metastring'];
      const text = toText(code, { whitespace: 'pre' }).replace(/(?:\r\n|\r|\n)$/, '');
      const language = await loadedLanguage(shiki, lang);
      parent.children[index] = remembered(
        kept,
        `${language}\0${meta ? String(meta) : ''}\0${text}`,
        () =>
          shiki.codeToHast(text, {
            lang: language,
            themes: codeThemes,
            defaultColor: false,
            ...(meta ? { meta: { __raw: String(meta) } } : {}),
            transformers: [asAstroWritesIt, tokenizeWithoutTimeLimit, asClasses!],
          }).children[0] as Element,
      );
    }
  };
}
