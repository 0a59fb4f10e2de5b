import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withAstroLock } from '../../scripts/lib/astro-lock';

// A lock folder of the test's own: the project's is held by builds running beside the unit tests.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'astro-lock-'));
const lock = path.join(work, 'astro.lock');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('one Astro at a time in the project folder', () => {
  it('lets the holders take turns, never two at once, and releases the lock', async () => {
    const events: string[] = [];
    const holder = (name: string) =>
      withAstroLock(async () => {
        events.push(`${name} in`);
        await pause(300);
        events.push(`${name} out`);
        return name;
      }, lock);
    expect(await Promise.all([holder('a'), holder('b'), holder('c')])).toEqual(['a', 'b', 'c']);
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i]!.replace('in', 'out'));
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs, and releases it after a failure', async () => {
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'pid'), '2147483646');
    await expect(withAstroLock(() => Promise.reject(new Error('build failed')), lock)).rejects.toThrow('build failed');
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('waits without writing into a lock whose holder has not written its pid yet', async () => {
    fs.mkdirSync(lock);
    let ran = false;
    const waiting = withAstroLock(async () => {
      ran = true;
    }, lock);
    await pause(450);
    // A waiter that wrote into the folder made the holder's removal of it fail (ENOTEMPTY).
    expect(fs.readdirSync(lock)).toEqual([]);
    expect(ran).toBe(false);
    fs.rmdirSync(lock);
    await waiting;
    expect(ran).toBe(true);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over a lock folder left without a pid for more than ten seconds', async () => {
    fs.mkdirSync(lock);
    const longAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, longAgo, longAgo);
    await expect(withAstroLock(async () => 'built', lock)).resolves.toBe('built');
    expect(fs.existsSync(lock)).toBe(false);
    expect(fs.readdirSync(work)).toEqual([]);
  });
});
