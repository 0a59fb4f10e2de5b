import { describe, expect, it } from 'vitest';
import { measuredProcess } from '../../scripts/bench/measured-build';

const MB = 1024 * 1024;

describe("the bench's memory figures", () => {
  // A child between fork and exec (git, run for a page's history) shares every page of its parent;
  // summing resident sizes counted the parent twice, and one corpus build's tree read 1,387 MB
  // against a largest process of 948 MB.
  it('count pages a forked child shares with its parent once in the process tree, and the largest process whole', async () => {
    const figures = await measuredProcess(
      'python3',
      ['-c', 'import os, time\nb = b"x" * (300 * 2**20)\npid = os.fork()\ntime.sleep(1.5)\nif pid: os.wait()'],
      { cwd: process.cwd(), env: {}, what: 'a process that forks' },
    );
    expect(figures.largestProcessBytes).toBeGreaterThan(300 * MB);
    expect(figures.peakRssBytes).toBeGreaterThan(300 * MB);
    expect(figures.peakRssBytes).toBeLessThan(400 * MB);
  });
});
