import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';

/** A file a notebook page needs beside it in the build: an output image or a cell attachment. */
export interface NotebookAsset {
  /** File name inside the notebook page's folder, e.g. `output-3f2a9c1d0b7e.png`. */
  file: string;
  mime: string;
  /** The bytes, base64 as the notebook stored them. */
  base64: string;
}

export const IMAGE_EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
  'image/webp': 'webp',
};

export interface PlacedImage {
  file: string;
  width?: number;
  height?: number;
}

/**
 * Names an image after its content (so the same plot shown twice is one file and rebuilds give the
 * same names) and reads its size, so the page reserves its box before it loads. Returns undefined
 * when the bytes are not an image of the stated type.
 */
export function placeImage(
  mime: string,
  base64: string,
  assets: Map<string, NotebookAsset>,
  prefix = 'output',
): PlacedImage | undefined {
  const ext = IMAGE_EXTENSIONS[mime];
  if (!ext) return undefined;
  const clean = base64.replace(/\s+/g, '');
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length === 0) return undefined;
  const file = `${prefix}-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.${ext}`;
  let size: { width?: number; height?: number } = {};
  try {
    size = imageSize(bytes);
  } catch {
    return undefined;
  }
  assets.set(file, { file, mime, base64: clean });
  return { file, ...(size.width ? { width: size.width } : {}), ...(size.height ? { height: size.height } : {}) };
}

/** An image embedded as a `data:` URL (in HTML outputs and Markdown cells). */
export function parseDataUrl(url: string): { mime: string; base64: string } | undefined {
  const match = /^data:(image\/[\w.+-]+);base64,([\s\S]*)$/i.exec(url.trim());
  return match?.[1] && match[2] !== undefined ? { mime: match[1].toLowerCase(), base64: match[2] } : undefined;
}

/** Jupyter's `Image(width=…)` and matplotlib's retina flag live in the output's metadata. */
export function displaySize(
  metadata: Record<string, unknown>,
  mime: string,
  placed: PlacedImage,
): { width?: number; height?: number } {
  const own = metadata[mime];
  const m = typeof own === 'object' && own !== null ? (own as Record<string, unknown>) : {};
  const num = (v: unknown) => (typeof v === 'number' && v > 0 ? Math.round(v) : undefined);
  const width = num(m['width']);
  const height = num(m['height']);
  if (width || height) {
    const ratio = placed.width && placed.height ? placed.height / placed.width : undefined;
    const w = width ?? (height && ratio ? Math.round(height / ratio) : undefined);
    const h = height ?? (width && ratio ? Math.round(width * ratio) : undefined);
    return { ...(w ? { width: w } : {}), ...(h ? { height: h } : {}) };
  }
  // A retina figure has twice the pixels of the size it is meant to be shown at.
  if (m['retina'] === true && placed.width && placed.height)
    return { width: Math.round(placed.width / 2), height: Math.round(placed.height / 2) };
  return { ...(placed.width ? { width: placed.width } : {}), ...(placed.height ? { height: placed.height } : {}) };
}
