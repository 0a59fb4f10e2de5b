/** Writing Markdown link syntax that parses back to exactly the URL, title and alt we mean. */

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/** A link destination: `<…>` when it has spaces or brackets, escapes where CommonMark would interpret. */
export function mdDest(url: string): string {
  const escaped = url.replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  if (/[\s<>()]/.test(escaped)) return `<${escaped.replace(/</g, '%3C').replace(/>/g, '%3E')}>`;
  return escaped;
}

export function mdTitle(title: string): string {
  return `"${title.replace(/[\\"]/g, '\\$&').replace(/\s*\n\s*/g, ' ')}"`;
}

/** Alt text is parsed as inline Markdown: escape what would become emphasis, code, math or a link. */
export function mdAlt(alt: string): string {
  return alt.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<>!$&]/g, '\\$&');
}

export function mdImage(url: string, alt: string, title?: string): string {
  return `![${mdAlt(alt)}](${mdDest(url)}${title ? ` ${mdTitle(title)}` : ''})`;
}

/**
 * Offset (within `src`, the source of a link or image node) of the `(` that opens its destination,
 * or -1 for reference-style links and autolinks. Skips the bracketed text with its nesting,
 * backslash escapes and code spans.
 */
export function destinationStart(src: string): number {
  let i = src.startsWith('![') ? 2 : src.startsWith('[') ? 1 : -1;
  if (i === -1) return -1;
  let depth = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\' && ASCII_PUNCT.test(src[i + 1] ?? '')) i += 2;
    else if (c === '`') {
      const run = /^`+/.exec(src.slice(i))?.[0] ?? '`';
      const close = src.indexOf(run, i + run.length);
      i = close === -1 ? i + run.length : close + run.length;
    } else {
      if (c === '[') depth++;
      else if (c === ']' && --depth === 0) return src[i + 1] === '(' ? i + 1 : -1;
      i++;
    }
  }
  return -1;
}

/** Splits `path?query#hash` so only the path is resolved on disk. */
export function splitSuffix(url: string): [string, string] {
  const i = url.search(/[?#]/);
  return i === -1 ? [url, ''] : [url.slice(0, i), url.slice(i)];
}

export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
