import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite } from './build';
import { MINI_SITE } from './constants';

/** The later deploys of the mini site that offline-deploys.test.ts serves after the first. */
export interface OfflineSites {
  /** Temporary folder holding both builds (removed after the run). */
  work: string;
  /** The same notes with English lesson 1 changed (`CHANGED_TEXT` added) and lesson 2 removed. */
  changed: string;
  /** The same notes built with the offline reader turned off (OFFLINE=0). */
  off: string;
}

export const CHANGED_TEXT = 'Rewritten for the second deploy: 7d1e';

/**
 * Builds the two later deploys from the mini site's notes. The global setup makes them, before any
 * file starts: in a test file they would queue behind the corpus build for Astro's lock.
 */
export async function buildOfflineSites(miniNotes: string): Promise<OfflineSites> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-deploys-'));
  const changedNotes = path.join(work, 'notes-changed');
  fs.cpSync(miniNotes, changedNotes, { recursive: true });
  fs.appendFileSync(path.join(changedNotes, 'lessons/en/lesson-1.md'), `\n${CHANGED_TEXT}\n`);
  fs.rmSync(path.join(changedNotes, 'lessons/en/lesson-2.md'));
  const sites = { work, changed: path.join(work, 'changed'), off: path.join(work, 'off') };
  const env = { BASE_PATH: '/', SITE_URL: MINI_SITE };
  await Promise.all([
    buildSite(sites.changed, { ...env, NOTES_DIR: changedNotes }),
    buildSite(sites.off, { ...env, NOTES_DIR: miniNotes, OFFLINE: '0' }),
  ]);
  return sites;
}
