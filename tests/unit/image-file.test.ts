import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageProblem } from '../../src/node/image-file';

const svg = fs.readFileSync('public/favicon.svg');

/** A minimal valid PNG: signature, IHDR, IDAT, IEND (CRCs are not checked by imageProblem). */
function pngBytes(): Buffer {
  const chunk = (type: string, data: number[]) =>
    Buffer.concat([
      Buffer.from([0, 0, 0, data.length]),
      Buffer.from(type, 'ascii'),
      Buffer.from(data),
      Buffer.alloc(4),
    ]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]),
    chunk('IDAT', [1, 2, 3]),
    chunk('IEND', []),
  ]);
}
const jpegBytes = () =>
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xda, 0, 4, 0, 0, 0x12, 0xff, 0x00, 0x34, 0xff, 0xd9]);

describe('imageProblem: is the file the image its name says?', () => {
  it('accepts whole PNG, JPEG, GIF and SVG files', () => {
    expect(imageProblem(pngBytes(), 'a.png')).toBeUndefined();
    expect(imageProblem(jpegBytes(), 'a.jpg')).toBeUndefined();
    expect(imageProblem(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'a.gif')).toBeUndefined();
    expect(imageProblem(svg, 'favicon.svg')).toBeUndefined();
  });

  it('names an HTML page, a Git LFS pointer and an empty file', () => {
    expect(imageProblem(Buffer.from('\n<!doctype html><title>404</title>'), 'a.png')).toMatch(/HTML page/);
    expect(
      imageProblem(Buffer.from('version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 3\n'), 'a.jpg'),
    ).toMatch(/Git LFS pointer/);
    expect(imageProblem(Buffer.alloc(0), 'a.png')).toMatch(/empty/);
  });

  it('finds a PNG or JPEG cut short', () => {
    const p = pngBytes();
    expect(imageProblem(p.subarray(0, p.length - 12), 'a.png')).toMatch(/truncated PNG/);
    expect(imageProblem(p.subarray(0, 20), 'a.png')).toMatch(/truncated PNG/);
    const j = jpegBytes();
    expect(imageProblem(j.subarray(0, j.length - 2), 'a.jpg')).toMatch(/truncated JPEG/);
    expect(imageProblem(j.subarray(0, 7), 'a.jpg')).toMatch(/truncated JPEG/);
  });

  it('names text saved under an image name, showing how it starts', () => {
    expect(imageProblem(Buffer.from('Not Found'), 'a.png')).toBe(
      'is not an image (it starts with "Not Found"); replace it with the real picture',
    );
    expect(imageProblem(Buffer.from('<p>no svg</p>'), 'a.svg')).toMatch(/not an SVG/);
  });
});
