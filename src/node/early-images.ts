import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import sharp from 'astro/assets/services/sharp';
import { imageMetadata } from 'astro/assets/utils';
import { safeDecode, splitSuffix } from '../lib/markdown/syntax';
import { threadShared } from '../lib/thread-shared';
import { EXTERNAL_URL } from '../lib/urls';
import { outsideNotesFolder } from './notes-dir';

/**
 * A clean build's note images, made while Astro renders the notes and pages instead of after them.
 *
 * Astro makes a build's images last, two at a time, after its pages
 * (astro/dist/core/build/generate.js): on the real corpus its 359 images took 2.5 s at the end of
 * an 11 s build, while one core sat half idle through the content sync, the bundling and the pages
 * before it. Here each image a note shows is queued as soon as the note is rendered and made beside
 * the build (AT_ONCE at a time), with Astro's own sharp service and the transform Astro will ask
 * for (a note's image at its own size, as WebP). When Astro then asks the build's image service
 * (src/integrations/image-service.ts) for it, the service hands over the image already made if the
 * input bytes and every option the output depends on are the same; otherwise it makes it as
 * before. The output is the same either way: the same function of the same arguments. Once Astro
 * asks for its first image, no more are started early: Astro makes the rest itself.
 *
 * Only a build that makes every image: with Astro's image cache in place (a rebuild, or a Pages
 * run that keeps the cache), Astro copies its images from there and asks the service for none.
 */

/** The transform options the output depends on (astro/dist/assets/services/sharp.js), in order. */
const OUTPUT_OPTIONS = ['format', 'width', 'height', 'fit', 'position', 'background', 'quality'] as const;

/** The images Astro's note pages ask for: a local raster image at its own size (Astro's default output). */
const MADE_EARLY = /\.(png|jpe?g|webp)$/i;

/**
 * At most this much of made images waits for Astro at once; past it, images are made when Astro asks,
 * as before. A lesson's screenshots come to tens of kilobytes each in WebP.
 */
const WAITING_BYTES = 64 * 1024 * 1024;

/**
 * Images made at once beside the build. On the real corpus, two at a time made the build 0.9 s
 * faster than Astro alone (six alternating rounds, faster in five); one at a time had made about
 * 140 of its 359 images when Astro asked for the first.
 */
const AT_ONCE = 2;

type Made = Awaited<ReturnType<typeof sharp.transform>>;
type ServiceLogger = Parameters<typeof sharp.transform>[3];
type Transform = Parameters<typeof sharp.transform>[1];

interface EarlyImages {
  /** Set once the first note of the build says whether images are made early. */
  enabled?: boolean;
  imageConfig?: AstroConfig['image'];
  logger?: ServiceLogger;
  /** Made (or being made) images by key, until the image service takes them. */
  made: Map<string, Promise<Made | undefined>>;
  /** Source files already queued. */
  queued: Set<string>;
  /** Source files waiting their turn. */
  waiting: string[];
  /** Images being made now. */
  running: number;
  /** Set once Astro asks for its first image: from then on it makes what is not made yet. */
  asked?: boolean;
  waitingBytes: number;
}

const fresh = (): EarlyImages => ({ made: new Map(), queued: new Set(), waiting: [], running: 0, waitingBytes: 0 });
const holder = () => threadShared('early-images', () => ({ current: fresh() }));
const state = () => holder().current;

/** Starts afresh, as a new build does (for a process that builds more than once: the tests). */
export function forgetEarlyImages(): void {
  holder().current = fresh();
}

/** What identifies an image the service is asked for: its bytes and the options its output depends on. */
export function transformKey(input: Uint8Array, options: Partial<Transform>): string {
  const digest = createHash('sha1').update(input).digest('hex');
  const record = options as Record<string, unknown>;
  return `${digest}:${JSON.stringify(OUTPUT_OPTIONS.map((name) => record[name] ?? null))}`;
}

/** Whether Astro's image cache already holds images: Astro will copy those rather than ask for them. */
function imagesCached(config: AstroConfig): boolean {
  try {
    return fs.readdirSync(fileURLToPath(new URL('assets/', config.cacheDir))).length > 0;
  } catch {
    return false;
  }
}

/**
 * Queues the images a rendered note shows (`imagePaths`, as the note wrote them), for a clean
 * build only; the first call decides for the build.
 */
export function noteImagesFound(
  config: AstroConfig,
  logger: ServiceLogger,
  notesRoot: string,
  note: string,
  imagePaths: readonly string[],
): void {
  const early = state();
  early.enabled ??= !imagesCached(config);
  if (!early.enabled) return;
  early.imageConfig = config.image;
  early.logger = logger;
  for (const written of imagePaths) {
    const file = localImage(note, written);
    if (!file || early.queued.has(file) || outsideNotesFolder(file, notesRoot)) continue;
    early.queued.add(file);
    early.waiting.push(file);
  }
  makeNext(early);
}

/** Starts the next waiting images, up to AT_ONCE. */
function makeNext(early: EarlyImages): void {
  while (early.running < AT_ONCE && early.waiting.length && !early.asked) {
    const file = early.waiting.shift()!;
    early.running++;
    void makeEarly(early, file).finally(() => {
      early.running--;
      makeNext(early);
    });
  }
}

/** The file a note's image path names, when it is a local raster image. */
function localImage(note: string, written: string): string | undefined {
  if (EXTERNAL_URL.test(written) || written.startsWith('/')) return undefined;
  const file = safeDecode(splitSuffix(written)[0]);
  return MADE_EARLY.test(file) ? path.resolve(path.dirname(note), file) : undefined;
}

async function makeEarly(early: EarlyImages, file: string): Promise<void> {
  if (early.waitingBytes > WAITING_BYTES || !early.imageConfig || !early.logger) return;
  let input: Buffer;
  try {
    input = await fs.promises.readFile(file);
  } catch {
    return; // a missing image: the note shows its placeholder, and Astro asks for nothing
  }
  let options: Transform;
  try {
    // The size Astro gives the image (orientation applied), and its default output.
    const { width, height } = await imageMetadata(input);
    options = { src: file, width, height, format: 'webp' };
  } catch {
    return; // not an image Astro can read: Astro's own step names it
  }
  const key = transformKey(input, options);
  if (early.made.has(key)) return;
  const config = early.imageConfig as Parameters<typeof sharp.transform>[2];
  const making = sharp.transform(input, options as Transform, config, early.logger).then(
    (made) => {
      early.waitingBytes += made.data.byteLength;
      return made;
    },
    () => undefined, // Astro makes it again when it asks, and reports what fails
  );
  early.made.set(key, making);
  await making;
}

/** Settles once every image started early is made (for tests: a build never waits for it). */
export async function imagesMadeEarly(): Promise<void> {
  const early = state();
  while (early.running || (early.waiting.length && !early.asked)) {
    await Promise.allSettled([...early.made.values()]);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * The image made early for this transform, taken out of the waiting ones, or undefined when Astro's
 * service should make it now.
 */
export async function earlyImage(input: Uint8Array, options: Transform): Promise<Made | undefined> {
  const early = state();
  early.asked = true;
  if (!early.made.size) return undefined;
  const key = transformKey(input, options);
  const making = early.made.get(key);
  if (!making) return undefined;
  early.made.delete(key);
  const made = await making;
  if (made) early.waitingBytes -= made.data.byteLength;
  return made;
}
