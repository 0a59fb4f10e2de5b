import type { Page } from 'playwright-core';

/**
 * Turns the open page to a colour scheme as the reader's system would, and waits until the site
 * follows (theme.ts listens to the system's preference while the page is open).
 */
export async function turnTheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForFunction((s) => document.documentElement.getAttribute('data-theme') === s, scheme);
}

/** How far the page scrolls sideways: 0 or less when it fits its window. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Scrolls as a reader does, at most a screenful at a time with the page drawn in between, until
 * the element's top is `offset` pixels below the top of the window, or by default where a jump to
 * it would put it (the page's scroll padding, below a sticky header). A single jump would not do:
 * blocks far down are laid out only as they near the window (src/lib/whole-page.ts), and one
 * jumped into settles where its drawn neighbours put it.
 */
export async function scrollAsReader(page: Page, selector: string, offset?: number): Promise<void> {
  const element = page.locator(selector);
  const at =
    offset ?? (await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0));
  const left = () => element.evaluate((el, top) => el.getBoundingClientRect().top - top, at);
  for (let distance = await left(); Math.abs(distance) > 1; distance = await left()) {
    await page.evaluate(
      async (dy) => {
        window.scrollBy(0, dy);
        await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
      },
      Math.max(-600, Math.min(600, distance)),
    );
  }
}
