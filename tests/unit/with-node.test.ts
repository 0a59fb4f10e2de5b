import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the npm scripts' wrapper under the Node running the tests (new enough for the project). */
const wrapped = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/with-node.mjs', ...args], { encoding: 'utf8' });

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
});
