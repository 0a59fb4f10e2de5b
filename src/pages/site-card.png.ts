import sharp from 'sharp';
import { siteCardSvg } from '../lib/site-card';

/**
 * The link-preview image every page names in `og:image`, drawn at build time from the site's own
 * strings. Sharp (already Astro's image service) rasterises the SVG, because social sites and chat
 * apps only accept bitmaps.
 */
export async function GET() {
  const png = await sharp(Buffer.from(siteCardSvg())).png({ compressionLevel: 9, palette: true }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
