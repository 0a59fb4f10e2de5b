import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptArgs } from '../../scripts/lib/run-script';
import { COLOUR_RULES, seriousViolations } from './support/axe';
import { buildChangesSite, EDITS } from './support/changes-site';
import { CHANGES_DIST, E2E_BASE } from './support/constants';
import { useSite } from './support/site';
import { sidewaysOverflow, turnTheme } from './support/views';

/**
 * The translator's view: our lesson 2, whose English original changed in two sections after the
 * Chinese translation (support/changes-site.ts), built by this file under /fastai-notes/.
 */
let notes = '';
// Built by this file, before its site is served, while the other files run.
beforeAll(async () => {
  const { repo } = await buildChangesSite();
  notes = repo.root;
}, 240_000);
afterAll(() => {
  if (notes) fs.rmSync(notes, { recursive: true, force: true });
});
const site = useSite(CHANGES_DIST, E2E_BASE);

describe('sections of the original that changed since the translation', () => {
  it('the status page lists exactly the two changed sections, with their diffs and links to the side-by-side rows', async () => {
    const { page } = await site.page();
    await page.goto(site.url('en/status/'));
    const row = page.locator('[data-status-page="lessons/lesson-2"]');
    await expect.poll(() => row.getAttribute('data-state')).toContain('stale');
    await row.locator('.status-changes > summary').click();
    const items = row.locator('.status-changes li');
    await expect.poll(() => items.count()).toBe(2);
    for (const [i, edit] of EDITS.entries()) {
      const item = items.nth(i);
      expect(await item.locator('.status-changes__title').textContent()).toContain(edit.title);
      expect(await item.locator('ins').allTextContents()).toEqual([expect.stringContaining(edit.inserted)]);
      const href = await item.locator('a').getAttribute('href');
      expect(href).toMatch(/^\/fastai-notes\/en\/lessons\/lesson-2\/parallel\/#original-\d+$/);
      // The link leads to the marked row of that section.
      const target = await page.context().newPage();
      await target.goto(`${site.server.origin}${href}`);
      const marked = target.locator(href!.slice(href!.indexOf('#')));
      expect(await marked.getAttribute('class')).toContain('parallel__changes');
      expect(await marked.locator('summary').textContent()).toContain(edit.title);
      await target.close();
    }
  });

  it('the side-by-side page of the translation marks those rows, folds their diffs and counts them', async () => {
    const { page } = await site.page();
    await page.goto(site.url('zh/lessons/lesson-2/parallel/'));
    expect(await page.locator('.original-behind').textContent()).toContain('2');
    const changes = page.locator('.parallel__changes');
    expect(await changes.count()).toBe(2);
    expect(await page.locator('.parallel__row--behind').count()).toBe(2);
    const diff = changes.first().locator('.section-diff');
    expect(await diff.isVisible()).toBe(false);
    await changes.first().locator('summary').click();
    expect(await diff.isVisible()).toBe(true);
    expect(await diff.locator('ins').first().textContent()).toContain(EDITS[0].inserted);
  });

  it('the translation’s own page names the changed sections in its notice', async () => {
    const { page } = await site.page();
    await page.goto(site.url('zh/lessons/lesson-2/'));
    const notice = await page.locator('.translation-notice').textContent();
    for (const edit of EDITS) expect(notice).toContain(edit.title);
  });

  it('reads well in both themes at phone width, with nothing scrolling sideways and no serious axe finding', async () => {
    // axe is added as an inline script, which the site's Content-Security-Policy refuses.
    const context = await site.browser.newContext({
      colorScheme: 'light',
      viewport: { width: 360, height: 740 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    for (const path of ['en/status/', 'zh/lessons/lesson-2/parallel/']) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(site.url(path));
      for (const details of await page.locator('.status-changes, .parallel__changes').all()) {
        await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
      }
      expect(await sidewaysOverflow(page), `${path} in light`).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page), `${path} in light`).toEqual([]);
      // The same page turned dark, as the reader's system would turn it: the rules colours decide.
      await turnTheme(page, 'dark');
      expect(await sidewaysOverflow(page), `${path} in dark`).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page, COLOUR_RULES), `${path} in dark`).toEqual([]);
    }
    await context.close();
  });

  it('--mark records that the translation follows the original now, and the sections are no longer behind', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, scriptArgs('scripts/status.ts', ...args), {
        encoding: 'utf8',
        env: { ...process.env, NOTES_DIR: notes },
      });
    const piped = run('--diff', 'lessons/lesson-2');
    expect(piped.stdout).toContain('2 section(s) changed since');
    expect(piped.stdout).toContain(`{+${EDITS[1].inserted} +}`);
    const marked = run('--mark', 'lessons/lesson-2');
    expect(marked.status, marked.stderr).toBe(0);
    const git = spawnSync('git', ['diff', '--unified=0'], { cwd: notes, encoding: 'utf8' }).stdout;
    expect(git.split('\n').filter((l) => /^[+-](?![+-])/.test(l))).toEqual([
      expect.stringMatching(/^\+translatedFrom: [0-9a-f]{40}$/),
    ]);
    const after = JSON.parse(run('--json').stdout) as { slug: string; stale?: unknown; complete: boolean }[];
    expect(after.find((s) => s.slug === 'lesson-2')).toMatchObject({ complete: true });
  }, 60_000);
});
