import type { Highlighter, ShikiTransformer } from 'shiki';

/**
 * Code colours as classes instead of inline styles. Shiki writes each token's light and dark
 * colour as variables on the token (`style="--shiki-light:#CF222E;--shiki-dark:#FF7B72"`), about a
 * fifth of a code-heavy lesson's HTML, held in the content store, indexed and downloaded with
 * every page. A theme has a dozen colours, so each gets a class that sets the same variable
 * (`class="cl2 cd4"`), and the stylesheet built from the themes (`codeColoursCss`) defines them:
 * the rules that read the variables (markdown.css: light, dark, print) are unchanged.
 */

/** Each theme's token colours, lower case, sorted: a colour's place is its class number. */
export interface CodePalette {
  light: readonly string[];
  dark: readonly string[];
}

/** The palette of the light and dark themes, as the highlighter resolved them. */
export function codePalette(shiki: Highlighter, themes: { light: string; dark: string }): CodePalette {
  const colours = (name: string) => {
    const theme = shiki.getTheme(name);
    const found = new Set([theme.fg.toLowerCase()]);
    for (const rule of theme.settings) if (rule.settings?.foreground) found.add(rule.settings.foreground.toLowerCase());
    return [...found].sort();
  };
  return { light: colours(themes.light), dark: colours(themes.dark) };
}

const variable = { light: '--shiki-light', dark: '--shiki-dark' } as const;
const prefix = { light: 'cl', dark: 'cd' } as const;

/** The stylesheet that gives each class its colour variable. */
export function codeColoursCss(palette: CodePalette): string {
  const rules = (['light', 'dark'] as const).flatMap((mode) =>
    palette[mode].map((colour, i) => `.astro-code .${prefix[mode]}${i}{${variable[mode]}:${colour}}`),
  );
  return `@layer prose{${rules.join('')}}\n`;
}

/** Replaces a token's colour variables with the palette's classes; a colour not in it stays inline. */
export function coloursAsClasses(palette: CodePalette): ShikiTransformer {
  const index = {
    light: new Map(palette.light.map((c, i) => [c, i])),
    dark: new Map(palette.dark.map((c, i) => [c, i])),
  };
  return {
    name: 'fastai-notes:colours-as-classes',
    span(node) {
      const style = node.properties['style'];
      if (typeof style !== 'string') return;
      const classes: string[] = [];
      const kept = style
        .split(';')
        .filter((declaration) => {
          const [name, value] = declaration.split(':').map((s) => s.trim());
          const mode = name === variable.light ? 'light' : name === variable.dark ? 'dark' : undefined;
          const place = mode && value ? index[mode].get(value.toLowerCase()) : undefined;
          if (mode === undefined || place === undefined) return declaration.trim() !== '';
          classes.push(`${prefix[mode]}${place}`);
          return false;
        })
        .join(';');
      if (!classes.length) return;
      this.addClassToHast(node, classes);
      if (kept) node.properties['style'] = kept;
      else delete node.properties['style'];
    },
  };
}
