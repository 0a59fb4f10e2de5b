import sharp from 'astro/assets/services/sharp';
import { earlyImage } from '../node/early-images';
import { pagesWritten } from './pages-written';

/**
 * The build's image service: Astro's sharp service, which also says the pages are written when
 * it is first asked for an image (pages-written.ts), as Astro makes images only after its pages,
 * and hands over a note's image when it was made early (early-images.ts).
 */
const service: typeof sharp = {
  ...sharp,
  async transform(...args) {
    pagesWritten();
    return (await earlyImage(args[0], args[1])) ?? sharp.transform(...args);
  },
};

export default service;
