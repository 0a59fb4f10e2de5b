import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect } from '../../scripts/lib/browser';
import { t } from '../../src/i18n/ui';
import { MINI_DIST } from './support/constants';
import { cachedUrls, untilCached, untilControlled } from './support/offline';
import { CHANGED_TEXT as CHANGED } from './support/offline-sites';
import { switchServer, type SwitchServer } from './support/switch-server';

/*
 * Deploys seen by a reader's browser: the same origin answers first from the mini site (built by
 * the global setup, offline reader on), then from a later build of the same notes — one with a
 * changed lesson and a removed one, one built with OFFLINE=0 (both made by the global setup too,
 * support/offline-sites.ts) — or from a copy whose worker cannot install.
 */
let work: string;
let server: SwitchServer;
let browser: Browser;

beforeAll(async () => {
  if (!inject('e2eBuiltAt')) throw new Error('run this file in the e2e project (vitest run --project e2e)');
  const later = inject('offlineSites');
  // The first build with a file its worker must precache missing: the worker cannot install.
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-broken-'));
  fs.cpSync(MINI_DIST, work, { recursive: true });
  fs.rmSync(path.join(work, 'en/offline/index.html'));
  server = await switchServer({
    first: { dir: MINI_DIST, base: '/' },
    changed: { dir: later.changed, base: '/' },
    off: { dir: later.off, base: '/' },
    broken: { dir: work, base: '/' },
  });
  browser = await connect(inject('browserEndpoint'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function open(context: BrowserContext, p: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.origin}/${p}`);
  return page;
}

const registrations = (page: Page) =>
  page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);

describe('a new deploy', () => {
  it('shows the update notice on the open page; after reload the change shows offline and the saved copy follows', async () => {
    server.use('first');
    const context = await browser.newContext();
    try {
      const page = await open(context, 'en/');
      await untilControlled(page);
      const control = page.locator('offline-save');
      await control.locator('[data-save-action="save"]').click();
      await control.locator('[data-save-action="remove"]').waitFor();
      await page.goto(`${server.origin}/en/lessons/lesson-1/`);
      expect(await page.locator('main').textContent()).not.toContain(CHANGED);

      server.use('changed');
      // The reader comes back online: the page asks for the worker again and finds a new one.
      await context.setOffline(true);
      await context.setOffline(false);
      const notice = page.locator('offline-update');
      await notice.locator('[data-update-reload]').waitFor();
      expect(await notice.textContent()).toContain(t('en', 'offline.newVersion'));
      await notice.locator('[data-update-reload]').click();
      await page.getByText(CHANGED).waitFor();

      await context.setOffline(true);
      await page.reload();
      await page.getByText(CHANGED).waitFor();
      // The saved copy is the new build's: the removed lesson left it.
      const saved = Object.entries(await cachedUrls(page)).filter(([name]) => name.includes(':saved:en:'));
      expect(saved).toHaveLength(1);
      expect(saved[0]![1]).toContain('/en/lessons/lesson-1/');
      expect(saved[0]![1]).not.toContain('/en/lessons/lesson-2/');
      await page.goto(`${server.origin}/en/lessons/lesson-2/`);
      expect(await page.locator('h1').textContent()).toBe(t('en', 'offline.heading'));
    } finally {
      await context.close();
    }
  });
});

describe('turning the reader off', () => {
  it('removes the old worker and its caches on the next visit, which shows the new build', async () => {
    server.use('first');
    const context = await browser.newContext();
    try {
      const page = await open(context, 'en/lessons/lesson-1/');
      await untilControlled(page);
      await untilCached(page, '/en/lessons/lesson-1/');
      expect(await registrations(page)).toBe(1);

      server.use('off');
      await page.goto(`${server.origin}/en/lessons/lesson-1/`);
      // The OFFLINE=0 build links no manifest: this is the new build's page.
      expect(await page.locator('link[rel="manifest"]').count()).toBe(0);
      await expect.poll(() => registrations(page)).toBe(0);
      await expect.poll(async () => Object.keys(await cachedUrls(page))).toEqual([]);
      await page.reload();
      expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    } finally {
      await context.close();
    }
  });
});

describe('a worker that cannot install', () => {
  it('leaves the site working online', async () => {
    server.use('broken');
    const context = await browser.newContext();
    try {
      const page = await open(context, 'en/lessons/lesson-1/');
      // The failed install leaves no worker behind, and the page never came under one.
      await expect.poll(() => registrations(page)).toBe(0);
      expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
      await page.goto(`${server.origin}/en/lessons/lesson-2/`);
      expect(await page.title()).toContain('2');
      await page.keyboard.press('/');
      await page.locator('#search-input').fill('lesson');
      await page.locator('.search__result').first().waitFor();
    } finally {
      await context.close();
    }
  });
});
