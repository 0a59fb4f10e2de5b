/**
 * Where this browser keeps the last place read (src/client/reading-place.ts). The key carries the
 * base path: project sites on one GitHub Pages origin share storage.
 */
export const readingPlaceKey = (base: string): string => `fastai-notes:last-read:${base}`;
