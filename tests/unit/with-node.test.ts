import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the npm scripts' wrapper under the Node running the tests (new enough for the project). */
const wrapped = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/with-node.mjs', ...args], { encoding: 'utf8' });

/**
 * Runs the wrapper with a stand-in `astro` first on PATH that prints the value it was given of an
 * environment variable (NODE_OPTIONS unless told), the reader's own value being `given`.
 */
function astroSees(args: string[], given?: string, variable = 'NODE_OPTIONS'): string {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-astro-'));
  fs.writeFileSync(path.join(bin, 'astro'), `#!/bin/sh\nprintf %s "$${variable}"\n`, { mode: 0o755 });
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}${path.delimiter}${process.env['PATH']}` };
  delete env[variable];
  if (given !== undefined) env[variable] = given;
  try {
    return spawnSync(process.execPath, ['scripts/with-node.mjs', 'astro', ...args], { encoding: 'utf8', env }).stdout;
  } finally {
    fs.rmSync(bin, { recursive: true, force: true });
  }
}

describe('scripts/with-node.mjs under a new enough Node', () => {
  it('runs the command under the same Node and says nothing', () => {
    const r = wrapped('node', '-p', 'process.version');
    expect(r.stdout.trim()).toBe(process.version);
    expect(r.stderr).toBe('');
  });

  it('passes arguments through unchanged and returns the exit code', () => {
    const r = wrapped(
      'node',
      '-e',
      'console.log(JSON.stringify(process.argv.slice(1))); process.exit(7)',
      'a b',
      '--out',
      '',
    );
    expect(r.status).toBe(7);
    expect(JSON.parse(r.stdout)).toEqual(['a b', '--out', '']);
  });

  it('names a command it cannot start', () => {
    const r = wrapped('no-such-command-here');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('could not start no-such-command-here');
  });

  it("caps the heap of astro build at package.json's buildHeapMegabytes, unless the reader set a cap", () => {
    const { config } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
      config: { buildHeapMegabytes: number };
    };
    expect(astroSees(['build'])).toBe(`--max-old-space-size=${config.buildHeapMegabytes}`);
    expect(astroSees(['build'], '--enable-source-maps')).toBe(
      `--enable-source-maps --max-old-space-size=${config.buildHeapMegabytes}`,
    );
    expect(astroSees(['build'], '--max-old-space-size=4000')).toBe('--max-old-space-size=4000');
    expect(astroSees(['dev'])).toBe('');
  });

  it('has astro build give freed native memory back at once, unless the reader set how', () => {
    expect(astroSees(['build'], undefined, 'MIMALLOC_PURGE_DELAY')).toBe('0');
    expect(astroSees(['build'], '10', 'MIMALLOC_PURGE_DELAY')).toBe('10');
    expect(astroSees(['dev'], undefined, 'MIMALLOC_PURGE_DELAY')).toBe('');
  });

  it("keeps Astro's telemetry on the machine in every command, unless the reader set the variable", () => {
    for (const command of ['build', 'dev', 'check'])
      expect(astroSees([command], undefined, 'ASTRO_TELEMETRY_DISABLED')).toBe('1');
    expect(astroSees(['dev'], '', 'ASTRO_TELEMETRY_DISABLED')).toBe('');
  });
});
