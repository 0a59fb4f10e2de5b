/**
 * What saving a language for offline reading downloads: the build writes one such list per
 * language (`offline/<lang>.json`), the save control reads it before it starts, to say how much it
 * will download, and again to update a saved copy with only what changed.
 */

export interface OfflineFile {
  /** Site path, base included: `/fastai-notes/zh/lessons/lesson-1/`. */
  url: string;
  /** Bytes as stored (uncompressed). */
  bytes: number;
  /** Bytes over the wire, estimated as gzip (what GitHub Pages sends for text). */
  transfer: number;
  /** Content hash: an unchanged file is copied from the old saved copy instead of downloaded. */
  rev: string;
}

export interface OfflinePage {
  url: string;
  title: string;
}

export interface OfflineManifest {
  /** The build that wrote the list (see build-id.ts); saved copies are kept per build. */
  build: string;
  lang: string;
  /** Every page of the language, with its title, for the offline page's list. */
  pages: OfflinePage[];
  /** Pages, images, scripts, styles, fonts and the language's search bundle, each once. */
  files: OfflineFile[];
  bytes: number;
  transfer: number;
}

/** What a saved copy's cache records about itself (at `savedRecordUrl`). */
export interface SavedRecord {
  build: string;
  lang: string;
  /** ISO time the copy was completed. */
  savedAt: string;
  bytes: number;
  pages: OfflinePage[];
  files: { url: string; rev: string }[];
}

/** Totals of a list of files. */
export function sumFiles(files: readonly OfflineFile[]): { bytes: number; transfer: number } {
  return files.reduce((acc, f) => ({ bytes: acc.bytes + f.bytes, transfer: acc.transfer + f.transfer }), {
    bytes: 0,
    transfer: 0,
  });
}

export interface UpdatePlan {
  /** Files the old copy already has with the same content: copied between caches, not downloaded. */
  keep: OfflineFile[];
  download: OfflineFile[];
}

/**
 * Splits a manifest into what an existing saved copy can give and what must be downloaded. Files
 * the new build no longer lists are simply not carried over, so a removed page leaves the copy.
 * @example planUpdate([{ url: '/a', rev: '1' }], manifest).keep // the manifest's /a when its rev is '1'
 */
export function planUpdate(old: readonly { url: string; rev: string }[], next: readonly OfflineFile[]): UpdatePlan {
  const had = new Map(old.map((f) => [f.url, f.rev]));
  const keep: OfflineFile[] = [];
  const download: OfflineFile[] = [];
  for (const f of next) (had.get(f.url) === f.rev ? keep : download).push(f);
  return { keep, download };
}

/**
 * A byte count as readers read it, in the units their language uses.
 * @example formatBytes(4_300_000, 'en') // '4.1 MB'
 */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
