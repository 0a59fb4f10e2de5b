import sharp from 'astro/assets/services/sharp';
import { pagesWritten } from './pages-written';

/**
 * The build's image service: Astro's sharp service, which also says the pages are written when
 * it is first asked for an image (pages-written.ts), as Astro makes images only after its pages.
 */
const service: typeof sharp = {
  ...sharp,
  transform(...args) {
    pagesWritten();
    return sharp.transform(...args);
  },
};

export default service;
