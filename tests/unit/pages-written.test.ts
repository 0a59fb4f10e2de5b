import sharp from 'sharp';
import sharpService from 'astro/assets/services/sharp';
import { describe, expect, it } from 'vitest';
import imageService from '../../src/integrations/image-service';
import { onPagesWritten, pagesWritten } from '../../src/integrations/pages-written';

describe('the moment the pages are written', () => {
  it('calls each listener once, on the first call, and not a listener that stopped', () => {
    const heard: string[] = [];
    onPagesWritten(() => heard.push('index'));
    const stop = onPagesWritten(() => heard.push('stopped'));
    stop();
    pagesWritten();
    pagesWritten();
    expect(heard).toEqual(['index']);
  });

  it('is said by the image service on its first image, which it makes as sharp’s service does', async () => {
    const png = await sharp({ create: { width: 8, height: 4, channels: 3, background: '#3a6' } })
      .png()
      .toBuffer();
    const transform = { src: '/a.png', format: 'webp' as const };
    const config = { service: { entrypoint: '', config: { webp: { effort: 2 } } } };
    const logger = { warn: () => {} } as never;
    let heard = 0;
    onPagesWritten(() => heard++);
    const ours = await imageService.transform(png, transform, config as never, logger);
    await imageService.transform(png, transform, config as never, logger);
    expect(heard).toBe(1);
    const theirs = await sharpService.transform(png, transform, config as never, logger);
    expect(ours.format).toBe('webp');
    expect(Buffer.from(ours.data).equals(Buffer.from(theirs.data))).toBe(true);
  });
});
