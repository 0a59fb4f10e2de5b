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
    // Nothing leaves the machine: every address but this machine's own (which Chromium never sends
    // to a proxy) goes to a proxy on a closed local port, so the request fails at once.
    '--proxy-server=http://127.0.0.1:9',
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

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

export interface WatchedPage {
  page: Page;
  /** Requests that tried to leave loopback (they are blocked). */
  outside: string[];
  /** Console errors, uncaught exceptions and Content-Security-Policy violations. */
  errors: string[];
}

/**
 * Opens a page that records every request for an address off the machine and every console error, so a
 * test can assert the site is self-contained and quiet.
 */
export async function watchedPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  const outside: string[] = [];
  const errors: string[] = [];
  // Recorded from Chromium's own request events; the launch flags above make each one fail.
  // (Routing every request through Playwright to abort it cost about a fifth of a page load's CPU.)
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || isLoopback(url.hostname)) return;
    outside.push(url.href);
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

/**
 * Waits until one of the page's caches holds `href` (resolved against the page), as the offline
 * reader's worker keeps files in the background. `page.waitForFunction` cannot do this: it takes
 * the promise an async predicate returns as a truthy answer and returns at once.
 */
export async function untilInCaches(page: Page, href: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await page.evaluate(async (p) => Boolean(await caches.match(new URL(p, location.href).href)), href))) {
    if (Date.now() > until) throw new Error(`${href} was not in the page's caches after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
