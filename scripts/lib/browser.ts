import { chromium, type Browser, type BrowserContext, type BrowserServer, type Page } from 'playwright-core';

/** Debian's Chromium; tests never download a browser. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const launchOptions = {
  executablePath: chromiumPath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/**
 * A Chromium with a profile on disk rather than an incognito context: what a reader's browser is,
 * and what Chromium's installability check requires (it reports "in-incognito" otherwise).
 */
export function launchPersistent(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, launchOptions);
}

/** A Chromium of this process's own (the benches). */
export function launch(): Promise<Browser> {
  return chromium.launch(launchOptions);
}

/**
 * A Chromium that other processes connect to (`connect(server.wsEndpoint())`): the test run starts
 * one and every test file opens its contexts in it.
 */
export function launchServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions);
}

/** Connects to a Chromium started by `launchServer`; closing the result closes only its contexts. */
export function connect(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}

export interface WatchedPage {
  page: Page;
  /** Requests that tried to leave loopback (they are blocked). */
  outside: string[];
  /** Console errors, uncaught exceptions and Content-Security-Policy violations. */
  errors: string[];
}

/**
 * Opens a page that records every request leaving the machine and every console error, so a
 * test can assert the site is self-contained and quiet.
 */
export async function watchedPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  const outside: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (
      url.protocol === 'data:' ||
      url.protocol === 'blob:' ||
      url.hostname === '127.0.0.1' ||
      url.hostname === 'localhost'
    ) {
      return route.continue();
    }
    outside.push(url.href);
    return route.abort();
  });
  // Report CSP violations as errors, so every test that checks for errors checks the policy too.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return { page, outside, errors };
}
