import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import sharpService from 'astro/assets/services/sharp';
import type { AstroConfig } from 'astro';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  earlyImage,
  forgetEarlyImages,
  imagesMadeEarly,
  noteImagesFound,
  transformKey,
} from '../../src/node/early-images';
import imageService from '../../src/integrations/image-service';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'early-images-'));
const notes = path.join(dir, 'notes');
const note = path.join(notes, 'lessons', 'en', 'lesson-1.md');
const imageConfig = { service: { entrypoint: '', config: { webp: { effort: 2 } } } };
const logger = { warn: () => {}, info: () => {}, error: () => {}, debug: () => {} } as never;
const configWith = (cacheDir: string) =>
  ({ cacheDir: pathToFileURL(`${cacheDir}/`), image: imageConfig }) as unknown as AstroConfig;

const png = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
/** What Astro asks its image service for a note's image: the image at its own size, as WebP. */
const asked = (width: number, height: number) => ({
  src: '/_astro/a.png',
  alt: '',
  index: 0,
  width,
  height,
  loading: 'lazy',
  decoding: 'async',
  format: 'webp' as const,
});

let inside: Buffer;
let outside: Buffer;
beforeEach(async () => {
  forgetEarlyImages();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(notes, 'lessons', 'en', 'lesson-1'), { recursive: true });
  fs.writeFileSync(note, '![a](lesson-1/a.png)');
  inside = await png(40, 20, '#3a6');
  outside = await png(30, 10, '#a36');
  fs.writeFileSync(path.join(notes, 'lessons', 'en', 'lesson-1', 'a.png'), inside);
  fs.writeFileSync(path.join(dir, 'outside.png'), outside);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('note images made early', () => {
  it('hands Astro the image it asks for, made before it asked, the same as sharp’s service makes it', async () => {
    noteImagesFound(configWith(path.join(dir, 'cache')), logger, notes, note, ['lesson-1/a.png']);
    await imagesMadeEarly();
    const early = await earlyImage(inside, asked(40, 20));
    expect(early).toBeDefined();
    const theirs = await sharpService.transform(inside, asked(40, 20), imageConfig as never, logger);
    expect(Buffer.from(early!.data).equals(Buffer.from(theirs.data))).toBe(true);
    // Handed over once: a second request is made afresh, as by sharp's service.
    expect(await earlyImage(inside, asked(40, 20))).toBeUndefined();
    const again = await imageService.transform(inside, asked(40, 20), imageConfig as never, logger);
    expect(Buffer.from(again.data).equals(Buffer.from(theirs.data))).toBe(true);
  });

  it('hands over nothing for other options or other bytes', async () => {
    noteImagesFound(configWith(path.join(dir, 'cache')), logger, notes, note, ['lesson-1/a.png']);
    await imagesMadeEarly();
    expect(await earlyImage(inside, asked(20, 10))).toBeUndefined();
    expect(await earlyImage(inside, { ...asked(40, 20), quality: 50 })).toBeUndefined();
    expect(await earlyImage(outside, asked(40, 20))).toBeUndefined();
    expect(await earlyImage(inside, asked(40, 20))).toBeDefined();
  });

  it('reads nothing outside the notes folder, nor remote, missing or non-raster images', async () => {
    noteImagesFound(configWith(path.join(dir, 'cache')), logger, notes, note, [
      '../../../outside.png',
      'https://example.com/x.png',
      '/outside.png',
      'lesson-1/missing.png',
      'lesson-1/figure.svg',
    ]);
    await imagesMadeEarly();
    expect(await earlyImage(outside, asked(30, 10))).toBeUndefined();
  });

  it('makes nothing early when Astro’s image cache already holds images (a rebuild)', async () => {
    const cache = path.join(dir, 'cache');
    fs.mkdirSync(path.join(cache, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(cache, 'assets', 'old.webp'), 'x');
    noteImagesFound(configWith(cache), logger, notes, note, ['lesson-1/a.png']);
    await imagesMadeEarly();
    expect(await earlyImage(inside, asked(40, 20))).toBeUndefined();
  });

  it('keys a transform by its bytes and the options its output depends on', () => {
    const key = transformKey(inside, asked(40, 20));
    expect(transformKey(inside, { ...asked(40, 20), alt: 'other', src: '/b.png' })).toBe(key);
    expect(transformKey(inside, asked(40, 21))).not.toBe(key);
    expect(transformKey(outside, asked(40, 20))).not.toBe(key);
  });
});
