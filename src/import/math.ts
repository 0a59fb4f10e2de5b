/**
 * Math delimiters as Typora accepts them, rewritten into what remark-math parses: `$…$` inline and
 * `$$` fences on their own lines. micromark reads anything after an opening `$$` as an invisible
 * "meta" string and never closes a fence that has text before its `$$`, so both would lose or
 * swallow content.
 */

export interface Line {
  text: string;
  /** Source line this line came from (1-based). */
  src: number;
  /** Part of a display formula (its fences included): inline rewrites leave it alone. */
  math?: boolean;
}

/** Container prefix of a line (indentation and blockquote markers), repeated on lines we insert. */
function prefixOf(text: string): string {
  return /^[ \t>]*/.exec(text)?.[0] ?? '';
}

const TEXISH = /[\\^_{}=]/;

/** `\[ … \]` on its own line, or an opening `\[` whose formula continues on the next lines. */
function displayBracket(inner: string): RegExpExecArray | null {
  const m = /^\\\[(.*?)(\\\])?$/.exec(inner);
  if (!m) return null;
  const body = m[1] ?? '';
  if (m[2]) return TEXISH.test(body) ? m : null;
  return body.trim() === '' || (TEXISH.test(body) && !body.includes('\\]')) ? m : null;
}

/**
 * Rewrites display math line by line. `skip(i)` marks lines the parser saw as code or raw HTML.
 * Returns new lines; split lines keep the source line they came from.
 */
export function normaliseDisplayMath(lines: readonly Line[], skip: (index: number) => boolean): Line[] {
  const out: Line[] = [];
  let open: { close: '$$' | '\\]'; prefix: string; at: number } | undefined;
  for (const [i, line] of lines.entries()) {
    const prefix = prefixOf(line.text);
    const inner = line.text.slice(prefix.length).trim();
    const push = (...texts: string[]) => texts.forEach((text) => out.push({ text, src: line.src, math: true }));
    if (open) {
      const closer = open.close;
      if (inner === closer) {
        push(`${open.prefix}$$`);
        open = undefined;
      } else if (inner.endsWith(closer)) {
        push(`${open.prefix}${inner.slice(0, -closer.length).trimEnd()}`, `${open.prefix}$$`);
        open = undefined;
      } else push(line.text);
      continue;
    }
    const bracket = skip(i) ? null : displayBracket(inner);
    const whole = skip(i) ? null : /^\$\$(?!\$)(.+?)\$\$$/.exec(inner);
    const opening = skip(i) ? null : /^\$\$(?!\$)([^$].*)$/.exec(inner);
    if (skip(i)) out.push(line);
    else if (bracket) {
      const body = bracket[1]?.trim() ?? '';
      const bodyLines = body ? [`${prefix}${body}`] : [];
      if (bracket[2]) push(`${prefix}$$`, ...bodyLines, `${prefix}$$`);
      else {
        open = { close: '\\]', prefix, at: out.length };
        push(`${prefix}$$`, ...bodyLines);
      }
    } else if (inner === '$$') {
      open = { close: '$$', prefix, at: out.length };
      push(line.text);
    } else if (whole?.[1] && !whole[1].includes('$$')) {
      push(`${prefix}$$`, `${prefix}${whole[1].trim()}`, `${prefix}$$`);
    } else if (opening?.[1] && !opening[1].includes('$$')) {
      open = { close: '$$', prefix, at: out.length };
      push(`${prefix}$$`, `${prefix}${opening[1].trim()}`);
    } else out.push(line);
  }
  // A fence that never closes would turn the rest of the note into one formula: show it literally.
  const opener = open ? out[open.at] : undefined;
  if (opener) opener.text = opener.text.replace('$$', '\\$\\$');
  return out;
}

/**
 * Inline rewrites for a stretch of prose that is not code: `\(…\)` → `$…$`, a TeX-looking
 * `\[…\]` inside a sentence → `$…$`, and a dollar that is money (`$5 and $10`) escaped so the two
 * amounts do not become one formula.
 */
export function normaliseInlineMath(text: string): string {
  // `\(see above\)` is an escaped parenthesis in prose, not a formula: only TeX-looking or one-token content converts.
  let s = text.replace(/\\\((.+?)\\\)/g, (all, tex: string) =>
    TEXISH.test(tex) || !/\s/.test(tex.trim()) ? `$${tex.trim()}$` : all,
  );
  s = s.replace(/\\\[(.+?)\\\]/g, (all, tex: string) =>
    TEXISH.test(tex) && !/\]\(|\[/.test(tex) ? `$${tex.trim()}$` : all,
  );
  return escapeCurrency(s);
}

function escapeCurrency(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '\\') {
      out += s.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      i += 1;
      continue;
    }
    if (s[i + 1] === '$') {
      const end = s.indexOf('$$', i + 2);
      const stop = end === -1 ? s.length : end + 2;
      out += s.slice(i, stop);
      i = stop;
      continue;
    }
    const close = findClosingDollar(s, i + 1);
    const money =
      /\d/.test(s[i + 1] ?? '') && (close === -1 || /\s/.test(s[close - 1] ?? '') || /\d/.test(s[close + 1] ?? ''));
    if (money) {
      out += '\\$';
      i += 1;
    } else if (close === -1) {
      out += ch;
      i += 1;
    } else {
      out += s.slice(i, close + 1);
      i = close + 1;
    }
  }
  return out;
}

function findClosingDollar(s: string, from: number): number {
  for (let j = from; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '$') return j;
  }
  return -1;
}
