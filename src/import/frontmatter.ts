import { parse as parseYaml } from 'yaml';

export interface SplitFrontmatter {
  /** Parsed mapping, when the file had valid front matter. */
  data?: Record<string, unknown>;
  /** The text after the front matter, or the whole text when there was none or it was broken. */
  body: string;
  /** Source line (1-based) where `body` starts. */
  bodyLine: number;
  /** Front matter that could not be read; the body then starts with it, fenced, so nothing is lost. */
  broken?: { raw: string; reason: string };
}

/**
 * Separates YAML front matter from the body. A `---` block that is not YAML at all (a thematic
 * break followed by a setext heading is legal Markdown) is left in the body untouched. A block that
 * tries to be YAML but fails is kept verbatim as a fenced `yaml` block, and reported.
 */
export function splitFrontmatter(text: string): SplitFrontmatter {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { body: text, bodyLine: 1 };
  const raw = m[1] ?? '';
  const rest = text.slice(m[0].length);
  const bodyLine = m[0].split('\n').length - (m[0].endsWith('\n') ? 0 : -1);
  const looksLikeYaml = /^[\w"'-][^:\n]*:(\s|$)/m.test(raw);
  try {
    const data: unknown = parseYaml(raw);
    if (data && typeof data === 'object' && !Array.isArray(data))
      return { data: data as Record<string, unknown>, body: rest, bodyLine };
    if (data === null && raw.trim() === '') return { data: {}, body: rest, bodyLine };
    if (!looksLikeYaml) return { body: text, bodyLine: 1 };
    return fenced(text, m[0], raw, rest, 'front matter is not a key: value mapping');
  } catch (error) {
    if (!looksLikeYaml) return { body: text, bodyLine: 1 };
    return fenced(text, m[0], raw, rest, (error as Error).message.split('\n')[0] ?? 'invalid YAML');
  }
}

function fenced(_text: string, block: string, raw: string, rest: string, reason: string): SplitFrontmatter {
  const fence = '`'.repeat(Math.max(3, ...[...raw.matchAll(/`{3,}/g)].map((x) => x[0].length + 1)));
  const body = `${fence}yaml\n${raw}\n${fence}\n\n${rest.replace(/^\n+/, '')}`;
  return { body, bodyLine: 1, broken: { raw: block, reason } };
}

function quote(value: string): string {
  // JSON strings are valid YAML double-quoted scalars; this keeps the output stable and escaped.
  return JSON.stringify(value);
}

export type FrontmatterValue = string | number | string[] | { date: string } | undefined;

/**
 * Writes front matter in a fixed key order with every string double-quoted, so two runs produce
 * the same bytes. `{ date }` values are written bare (`2023-05-26`), which YAML reads as a date.
 */
export function stringifyFrontmatter(entries: [string, FrontmatterValue][]): string {
  const lines = ['---'];
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (typeof value === 'number') lines.push(`${key}: ${value}`);
    else if (typeof value === 'string') lines.push(`${key}: ${quote(value)}`);
    else if (Array.isArray(value)) lines.push(`${key}: [${value.map(quote).join(', ')}]`);
    else lines.push(`${key}: ${value.date}`);
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}

/** `2023-5-6`, a YAML date or a Date → `2023-05-06`; anything else → undefined. */
export function isoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(value.trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}
