import fs from 'node:fs';

/**
 * Tells whether a file really is the image its name says, for the importer and the site build: an
 * HTML page saved as `.png`, a Git LFS pointer checked out without LFS or a JPEG cut off in a
 * download would otherwise stop Astro's image pipeline with no note named. Only the structure is
 * read (signature, chunk and segment lengths, end markers), not the pixels. This module imports
 * only Node built-ins, so the importer can load it under Node's type stripping.
 */

const RASTER = /\.(png|apng|jpe?g|jfif|gif|webp|avif|bmp|ico|tiff?)$/i;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const u32be = (b: Uint8Array, i: number) =>
  (((b[i] ?? 0) << 24) >>> 0) + ((b[i + 1] ?? 0) << 16) + ((b[i + 2] ?? 0) << 8) + (b[i + 3] ?? 0);

/** PNG: every chunk fits in the file and the last one is IEND. */
function pngProblem(b: Uint8Array): string | undefined {
  let i = 8;
  while (i + 8 <= b.length) {
    const length = u32be(b, i);
    const type = ascii(b, i + 4, i + 8);
    if (i + 12 + length > b.length) break;
    if (type === 'IEND') return undefined;
    i += 12 + length;
  }
  return 'is a truncated PNG (it ends before its last chunk); save the image again';
}

/** JPEG: the segments before the image data fit in the file, and the data ends with the EOI marker. */
function jpegProblem(b: Uint8Array): string | undefined {
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1] ?? 0;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      i += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = ((b[i + 2] ?? 0) << 8) + (b[i + 3] ?? 0);
    if (i + 2 + length > b.length) break;
    if (marker === 0xda) {
      // Entropy-coded data never contains FF D9 except as the end-of-image marker.
      for (let k = i + 2 + length; k + 1 < b.length; k++) if (b[k] === 0xff && b[k + 1] === 0xd9) return undefined;
      break;
    }
    i += 2 + length;
  }
  return 'is a truncated JPEG (its data stops before the end-of-image marker); save the image again';
}

/**
 * Why `bytes` (named `name`) is not a usable image, or undefined when it is one.
 * @example imageProblem(Buffer.from('<!DOCTYPE html>…'), 'cat.png') // 'is an HTML page, not an image…'
 */
export function imageProblem(bytes: Uint8Array, name: string): string | undefined {
  if (bytes.length === 0) return 'is an empty file';
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('version https://git-lfs.github.com/spec/'))
    return 'is a Git LFS pointer, not the image; run `git lfs pull` in the source repository';
  if (/^(<!doctype html|<html|<head|<body)/i.test(head))
    return 'is an HTML page, not an image (saved from a web page instead of the picture)';
  if (/\.svg$/i.test(name))
    return /<svg[\s>]/i.test(new TextDecoder().decode(bytes)) ? undefined : 'is not an SVG image (no <svg> element)';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return pngProblem(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpegProblem(bytes);
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a'))
    return bytes.lastIndexOf(0x3b) > 12 ? undefined : 'is a truncated GIF; save the image again';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    const size = (bytes[4] ?? 0) + ((bytes[5] ?? 0) << 8) + ((bytes[6] ?? 0) << 16) + (((bytes[7] ?? 0) << 24) >>> 0);
    return size + 8 <= bytes.length ? undefined : 'is a truncated WebP; save the image again';
  }
  if (ascii(bytes, 4, 12) === 'ftypavif' || ascii(bytes, 4, 12) === 'ftypavis') return undefined;
  if (
    ascii(bytes, 0, 2) === 'BM' ||
    startsWith(bytes, [0, 0, 1, 0]) ||
    ascii(bytes, 0, 4) === 'II*\0' ||
    ascii(bytes, 0, 4) === 'MM\0*'
  )
    return undefined;
  if (!RASTER.test(name)) return undefined;
  const shown = head.slice(0, 24).replace(/[^\x20-\x7e]/g, '·');
  return `is not an image (it starts with "${shown}"); replace it with the real picture`;
}

/** `imageProblem` for a file on disk. */
export function imageFileProblem(file: string): string | undefined {
  return imageProblem(fs.readFileSync(file), file);
}
