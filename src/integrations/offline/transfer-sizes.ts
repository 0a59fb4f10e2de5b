import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { withoutBuildName } from './page-stamp';

/** Where the sizes are kept, in Astro's cache folder. */
const FILE = 'offline-transfer-sizes.json';

/**
 * The gzip size of each text file the offline manifests list, kept from one build to the next by
 * content. Gzipping every page to size the download was most of the manifests' cost, and after an
 * edit to one note almost every page is as it was, but for the build's name stamped into it
 * (page-stamp.ts): the key leaves that name out, so a page that differs only by it keeps its size.
 * Two names compress to within a few bytes of each other, and the size is an estimate anyway.
 */
export class TransferSizes {
  readonly #kept: Map<string, number>;
  readonly #used = new Map<string, number>();

  private constructor(
    readonly file: string | undefined,
    kept: Map<string, number>,
  ) {
    this.#kept = kept;
  }

  /** The sizes an earlier build kept in `cacheDir` (none without one, or from a file that will not read). */
  static load(cacheDir: string | undefined): TransferSizes {
    const file = cacheDir ? path.join(cacheDir, FILE) : undefined;
    let kept = new Map<string, number>();
    try {
      if (file) kept = new Map(Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>));
    } catch {
      // No sizes yet, or a file from an older build that no longer reads: size everything.
    }
    return new TransferSizes(file, kept);
  }

  /** The gzip size of `body`, from an earlier build when one sized the same content. */
  gzipSize(body: Buffer): number {
    const hash = createHash('sha1');
    for (const piece of withoutBuildName(body)) hash.update(piece);
    const key = hash.digest('base64url');
    const size = this.#used.get(key) ?? this.#kept.get(key) ?? gzipSync(body, { level: 6 }).length;
    this.#used.set(key, size);
    return size;
  }

  /** Keeps the sizes this build used, and only those, for the next build. */
  save(): void {
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify(Object.fromEntries(this.#used)));
  }
}
