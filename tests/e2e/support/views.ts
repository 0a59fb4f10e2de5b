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
