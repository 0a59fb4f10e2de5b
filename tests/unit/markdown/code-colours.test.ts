import { describe, expect, it } from 'vitest';
import { codeColoursCss, codePalette, coloursAsClasses } from '../../../src/markdown/code-colours';
import { codeHighlighter, codeThemes } from '../../../src/markdown/rehype-code-highlight';

describe('code colours as classes', () => {
  it('gives every colour Shiki writes for a token a class, which sets the same variable', async () => {
    const shiki = await codeHighlighter();
    await shiki.loadLanguage('python', 'javascript', 'bash');
    const palette = codePalette(shiki, codeThemes);
    const css = codeColoursCss(palette);
    const samples = {
      python:
        'import torch\n@dataclass\nclass A(B):\n    """doc"""\n    def f(self, x=1.5): return f"{x!r}" % 2  # note\n',
      javascript: 'const re = /a+/g; let t = `x${1}`; export default async () => null;\n',
      bash: 'pip install -U "fastai>=2" && echo $HOME | grep -v x > out.txt\n',
    };
    // No time limit per line, as in the build: on a busy machine Shiki otherwise stops colouring a
    // line after 500 ms, and the two renders compared here would differ (seen once in CI).
    for (const [lang, code] of Object.entries(samples)) {
      const plain = shiki.codeToHtml(code, { lang, themes: codeThemes, defaultColor: false, tokenizeTimeLimit: 0 });
      const classed = shiki.codeToHtml(code, {
        lang,
        themes: codeThemes,
        defaultColor: false,
        tokenizeTimeLimit: 0,
        transformers: [coloursAsClasses(palette)],
      });
      const tokens = [...plain.matchAll(/<span style="--shiki-light:(#\w+);--shiki-dark:(#\w+)">/g)];
      const classes = [...classed.matchAll(/<span class="cl(\d+) cd(\d+)">/g)];
      expect(classes.length, lang).toBe(tokens.length);
      expect(classed, lang).not.toContain('<span style="--shiki');
      tokens.forEach(([, light, dark], i) => {
        const [, l, d] = classes[i]!;
        expect(css).toContain(`.astro-code .cl${l}{--shiki-light:${light!.toLowerCase()}}`);
        expect(css).toContain(`.astro-code .cd${d}{--shiki-dark:${dark!.toLowerCase()}}`);
      });
    }
  });

  it('leaves a colour the palette does not have inline', async () => {
    const shiki = await codeHighlighter();
    await shiki.loadLanguage('python');
    const { light } = codePalette(shiki, codeThemes);
    const html = shiki.codeToHtml('import torch\n', {
      lang: 'python',
      themes: codeThemes,
      defaultColor: false,
      tokenizeTimeLimit: 0,
      transformers: [coloursAsClasses({ light, dark: [] })],
    });
    expect(html).toMatch(
      /<span (?:style="--shiki-dark:#[0-9A-Fa-f]+" class="cl\d+"|class="cl\d+" style="--shiki-dark:#[0-9A-Fa-f]+")>import<\/span>/,
    );
  });
});
