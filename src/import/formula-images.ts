import katex from 'katex';

/**
 * Formulas that old notes show as images rendered by a web service (CodeCogs' equation editor,
 * Google Charts, GitHub's math renderer): the site never loads images from other hosts, so each
 * becomes the TeX it was made from, typeset by KaTeX like the rest of the notes' math.
 */

/** Where each service keeps the TeX in its image URL. */
const SERVICES: { host: RegExp; tex(url: URL): string | null }[] = [
  // https://latex.codecogs.com/gif.latex?\frac{a}{b} — the query is the TeX, `&space;` for a space.
  {
    host: /^latex\.codecogs\.com$/,
    tex: (u) => (/^\/(gif|png|svg)\.(latex|image)$/.test(u.pathname) ? u.search.slice(1) : null),
  },
  {
    host: /^chart\.googleapis\.com$/,
    tex: (u) => (u.searchParams.get('cht') === 'tx' ? u.searchParams.get('chl') : null),
  },
  {
    host: /^render\.githubusercontent\.com$/,
    tex: (u) => (u.pathname === '/render/math' ? u.searchParams.get('math') : null),
  },
];

/**
 * The TeX of a formula image, or undefined when the image is not one. The editor's own copy of the
 * TeX (CodeCogs writes it into `title`) wins over the URL, which some notes mangled.
 * @example formulaImageTex('https://latex.codecogs.com/gif.latex?a&plus;bx', 'a+bx') // 'a+bx'
 */
export function formulaImageTex(src: string, title = ''): string | undefined {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return undefined;
  }
  const service = SERVICES.find((s) => s.host.test(url.hostname));
  const raw = service?.tex(url);
  if (raw === undefined || raw === null) return undefined;
  const fromUrl = service === SERVICES[0] ? codecogsQuery(raw) : raw;
  const tex = (title.trim() || fromUrl).replace(/\s+/g, ' ').trim();
  // `$` would end the formula early; such an image stays an image (and a placeholder on the site).
  return tex === '' || tex.includes('$') ? undefined : tex;
}

/** CodeCogs' query: percent-encoded, `&space;` for spaces, `&plus;` for `+`, an optional `\dpi{…}`. */
function codecogsQuery(query: string): string {
  let text = query.replace(/&space;/g, ' ').replace(/&plus;/g, '+');
  try {
    text = decodeURIComponent(text);
  } catch {
    // A stray `%` is part of the TeX (a comment sign would be odd, but keep what was written).
  }
  return text.replace(/^\\(dpi|bg_\w+|fn_\w+|large|small|huge)(\{[^}]*\})?\s*/g, '');
}

/**
 * The formula as inline math for remark-math, or, when KaTeX cannot parse it (the web service was
 * more lenient: `x_i_,_2`), as inline code, so the reader still sees what was meant.
 */
export function formulaMarkdown(tex: string): { markdown: string; typeset: boolean } {
  try {
    katex.renderToString(tex, { throwOnError: true, strict: 'ignore' });
    return { markdown: `$${tex}$`, typeset: true };
  } catch {
    const code = tex.includes('`') ? `\`\` ${tex} \`\`` : `\`${tex}\``;
    return { markdown: code, typeset: false };
  }
}
