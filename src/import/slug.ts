import { createHash } from 'node:crypto';

export function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}

/**
 * Lowercase ASCII kebab-case: `icevisionNote` → `icevision-note`, `fastai code` → `fastai-code`.
 * Returns '' when nothing ASCII is left (a name written only in Chinese); callers add a fallback.
 */
export function kebab(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A kebab slug that is never empty: non-ASCII names get a stable hash of the original. */
export function slugOf(name: string): string {
  return kebab(name) || `note-${shortHash(name)}`;
}

/**
 * A file name that is safe in URLs and on every file system. Names that are already safe are kept
 * as they are (so image paths stay recognisable); others get a kebab form plus a short hash, which
 * keeps `图1.png` and `图2.png` apart.
 */
export function safeFileName(name: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext =
    dot > 0
      ? name
          .slice(dot)
          .toLowerCase()
          .replace(/[^a-z0-9.]/g, '')
      : '';
  const base = kebab(stem);
  return `${base ? `${base}-` : ''}${shortHash(name)}${ext}`;
}
